import { mayRead, type RecordRead } from '@sabt/core';
import type { ReactNode } from 'react';
import { RoleGuard } from './role-guard.tsx';

/** A screen of records shown only to a role that reads records this way (core READ_MATRIX). */
export function ReadGuard({ read, children }: { read: RecordRead; children: ReactNode }) {
  return (
    <RoleGuard allows={(role) => mayRead(role, read)} refusal={`problem.read.${read}`}>
      {children}
    </RoleGuard>
  );
}
