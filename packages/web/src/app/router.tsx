import { createBrowserRouter, redirect } from 'react-router';
import { PageLoader } from '../components/page-loader.tsx';
import { HOME } from './paths.ts';
import { RouteError } from './routes/route-error.tsx';

/**
 * Every screen is its own chunk (lazy routes). Features are composed here and nowhere else:
 * they never import each other.
 */
/** Routes that only redirect still need something to render. */
const Nothing = () => null;

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
            { index: true, loader: () => redirect(HOME), Component: Nothing },
            { path: 'queues', loader: () => redirect(HOME), Component: Nothing },
            {
              path: 'queues/:queue',
              lazy: async () => ({ Component: (await import('../features/queues/index.tsx')).default }),
            },
            {
              path: 'records/new/:kind',
              lazy: async () => ({ Component: (await import('../features/forms/index.tsx')).default }),
            },
            {
              path: 'records/:id',
              lazy: async () => ({ Component: (await import('./routes/record.tsx')).default }),
            },
            {
              path: 'records/:id/edit',
              lazy: async () => ({ Component: (await import('../features/forms/edit.tsx')).default }),
            },
            {
              path: 'records/:id/duplicates',
              lazy: async () => ({ Component: (await import('../features/record/duplicates.tsx')).default }),
            },
            {
              path: 'search',
              lazy: async () => ({ Component: (await import('../features/search/index.tsx')).default }),
            },
            {
              path: 'blanks',
              lazy: async () => ({
                Component: (await import('../features/certificates/blanks-page.tsx')).default,
              }),
            },
            {
              path: 'printer',
              lazy: async () => ({
                Component: (await import('../features/certificates/printer-page.tsx')).default,
              }),
            },
            { path: '*', lazy: () => import('./routes/not-found.tsx') },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
