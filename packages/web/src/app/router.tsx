import type { RecordRead } from '@sabt/core';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject, redirect } from 'react-router';
import { PageLoader } from '../components/page-loader.tsx';
import { HOME } from './paths.ts';
import { AdminGuard } from './routes/admin-guard.tsx';
import { ReadGuard } from './routes/read-guard.tsx';
import { RouteError } from './routes/route-error.tsx';

/**
 * Every screen is its own chunk (lazy routes). Features are composed here and nowhere else:
 * they never import each other.
 */
/** Routes that only redirect still need something to render. */
const Nothing = () => null;

/**
 * A screen at `path` whose module (its default export) loads on the first visit; with `read`, only
 * for a role that reads records that way (others are told why).
 */
const screen = (
  path: string,
  load: () => Promise<{ default: ComponentType }>,
  read?: RecordRead,
): RouteObject => ({
  path,
  lazy: async () => {
    const Screen = (await load()).default;
    if (!read) return { Component: Screen };
    return {
      Component: () => (
        <ReadGuard read={read}>
          <Screen />
        </ReadGuard>
      ),
    };
  },
});

/** An administration screen: only for a role that administers users (others are told why). */
const adminScreen = (path: string, load: () => Promise<{ default: ComponentType }>): RouteObject => ({
  path,
  lazy: async () => {
    const Screen = (await load()).default;
    return {
      Component: () => (
        <AdminGuard>
          <Screen />
        </AdminGuard>
      ),
    };
  },
});

export function createAppRouter() {
  return createBrowserRouter([
    {
      id: 'root',
      HydrateFallback: PageLoader,
      ErrorBoundary: RouteError,
      children: [
        { path: '/sign-in', lazy: () => import('./routes/sign-in.tsx') },
        {
          path: '/',
          lazy: () => import('./routes/shell.tsx'),
          children: [
            {
              index: true,
              lazy: async () => ({ Component: (await import('../features/queues/home.tsx')).default }),
            },
            { path: 'queues', loader: () => redirect(HOME), Component: Nothing },
            screen('queues/:queue', () => import('../features/queues/index.tsx'), 'list'),
            screen('records/new/:kind', () => import('../features/forms/index.tsx')),
            screen('records/:id', () => import('./routes/record.tsx'), 'record'),
            screen('records/:id/edit', () => import('../features/forms/edit.tsx')),
            screen('records/:id/duplicates', () => import('../features/record/duplicates.tsx'), 'record'),
            screen('search', () => import('../features/search/index.tsx'), 'search'),
            screen('online-applications', () => import('../features/online-applications/list-page.tsx')),
            screen('online-applications/:id', () => import('./routes/online-application.tsx')),
            screen('blanks', () => import('../features/certificates/blanks-page.tsx')),
            screen('printer', () => import('../features/certificates/printer-page.tsx')),
            screen('fees', () => import('../features/fees/calculator-page.tsx')),
            screen('fees/admin', () => import('../features/fees/admin-page.tsx')),
            screen('password', () => import('../features/auth/change-password-page.tsx')),
            screen('two-factor', () => import('../features/auth/two-factor-page.tsx')),
            screen('security', () => import('../features/auth/security-page.tsx')),
            screen('audit', () => import('../features/audit/index.tsx'), 'audit'),
            screen('fees/cash', () => import('../features/fees/cash/cash-page.tsx')),
            screen('fees/statements', () => import('../features/fees/cash/statements-page.tsx')),
            screen('fees/reports', () => import('../features/fees/cash/reports-page.tsx')),
            screen('questions', () => import('../features/questions/inbox-page.tsx')),
            screen('questions/canned', () => import('../features/questions/canned-page.tsx')),
            screen('questions/:id', () => import('../features/questions/question-page.tsx')),
            screen('appointments', () => import('../features/appointments/appointments-page.tsx')),
            { path: 'admin', loader: () => redirect('/admin/users'), Component: Nothing },
            adminScreen('admin/users', () => import('../features/admin/users-page.tsx')),
            adminScreen('admin/users/:id', () => import('../features/admin/user-page.tsx')),
            adminScreen('admin/offices', () => import('../features/admin/offices-page.tsx')),
            adminScreen('admin/offices/:id', () => import('../features/admin/office-page.tsx')),
            { path: '*', lazy: () => import('./routes/not-found.tsx') },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
