import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

interface QueryListProps<T> {
  query: UseQueryResult<T[], unknown>;
  /** What an empty list means: a title and a sentence on what to do next. */
  empty: { title: string; text: string };
  /** The loaded, non-empty list. */
  children: (items: T[]) => ReactNode;
}

/** A loaded list, or in its place the loading, failed or empty state; a failed load can be retried. */
export function QueryList<T>({ query, empty, children }: QueryListProps<T>) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0)
    return (
      <EmptyState title={empty.title}>
        <p>{empty.text}</p>
      </EmptyState>
    );
  return children(query.data);
}
