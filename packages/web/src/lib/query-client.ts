import { QueryClient } from '@tanstack/react-query';
import { isProblem } from './api.ts';

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A problem the server answered (4xx) will not go away by asking again.
        retry: (failures, error) =>
          failures < 2 && !(isProblem(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

/** The one client of the app, shared by the router's loaders and the components. */
export const queryClient = makeQueryClient();
