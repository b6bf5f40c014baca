import { MutationCache, onlineManager, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

export const meQueryKey = ['auth', 'me'] as const;

/**
 * The query client of the app. A 401 on any call means the sign-in session has ended: the current user is set to
 * null, which sends the route guard back to the sign-in page.
 */
export function createQueryClient() {
  // The online manager learns of changes from the browser's events only: a page opened without network
  // must start offline (the banner of AppLayout, the paused retries).
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (isApiError(error, 'unauthenticated') && key?.[0] !== 'auth') {
      client.setQueryData(meQueryKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (error, _v, _c, mutation) => onError(error, mutation.options.mutationKey ?? []),
    }),
    defaultOptions: {
      queries: {
        // Without network a query still asks once: the service worker may answer from the pages read
        // (src/lib/pages-read.ts); its retries wait for the network to come back.
        networkMode: 'offlineFirst',
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status > 0 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
