import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '../lib/api.ts';
import { queryClient } from '../lib/query-client.ts';
import { signInPath } from './paths.ts';
import { AppProvider } from './provider.tsx';
import { createAppRouter } from './router.tsx';

const router = createAppRouter();

// A 401 in the middle of work: the session ended. Back to sign-in with a notice, then back here.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/sign-in') return;
  queryClient.clear();
  void router.navigate(signInPath(pathname + search, 'expired'), { replace: true });
});

export function App() {
  return (
    <AppProvider client={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
