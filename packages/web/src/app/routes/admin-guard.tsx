import { mayAdminister } from '@sabt/core';
import type { ReactNode } from 'react';
import { RoleGuard } from './role-guard.tsx';

/**
 * The administration screens only for a role that administers users (core ADMIN_MATRIX
 * `read-users`: the central administrator, a head of office).
 */
export function AdminGuard({ children }: { children: ReactNode }) {
  return (
    <RoleGuard allows={(role) => mayAdminister('read-users', role)} refusal="problem.admin.forbidden">
      {children}
    </RoleGuard>
  );
}
