import type {
  ChangeFicheStatusRequest,
  CreateFicheVersionRequest,
  FicheDetail,
  PublishFicheRequest,
  UpdateFicheRequest,
} from '@affluents/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { request, useSocketEvent } from '../../realtime/socket';
import { type FicheQuery, fichesApi } from './api/fiches-api';

export const ficheKeys = {
  all: ['fiches'] as const,
  list: (query: FicheQuery) => ['fiches', 'list', query] as const,
  detail: (id: string) => ['fiches', 'detail', id] as const,
  version: (id: string, versionId: string) => ['fiches', 'version', id, versionId] as const,
};

export function useFiches(query: FicheQuery, enabled = true) {
  return useQuery({
    queryKey: ficheKeys.list(query),
    queryFn: ({ signal }) => fichesApi.list(query, signal),
    enabled,
  });
}

/** The toolbox search: the previous page stays shown (marked busy) while the next one loads. */
export function useFicheSearch(query: FicheQuery) {
  return useQuery({
    queryKey: ficheKeys.list(query),
    queryFn: ({ signal }) => fichesApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFiche(id: string) {
  return useQuery({
    queryKey: ficheKeys.detail(id),
    queryFn: ({ signal }) => fichesApi.get(id, signal),
  });
}

/**
 * Keeps an open fiche up to date while the component is mounted: joins the fiche's socket room (again after
 * each reconnection, catching up on what was missed) and refetches the fiche when the server says that its
 * metadata, status or versions changed (`fiche:updated`, whoever changed them).
 */
export function useFicheUpdates(ficheId: string): void {
  const queryClient = useQueryClient();
  const refetch = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: ficheKeys.detail(ficheId) }),
    [queryClient, ficheId],
  );
  const join = useCallback(() => {
    // Without the room the page still works; it only stops being live.
    request('fiche:join', { ficheId }).catch(() => {});
  }, [ficheId]);
  useEffect(() => {
    join();
    return () => {
      request('fiche:leave', { ficheId }).catch(() => {});
    };
  }, [join, ficheId]);
  useSocketEvent('connect', () => {
    join();
    refetch();
  });
  useSocketEvent('fiche:updated', (event) => {
    if (event.ficheId === ficheId) refetch();
  });
}

/** Stores a fresh fiche and refreshes the lists that show it. */
function useStoreFiche() {
  const queryClient = useQueryClient();
  return (fiche: FicheDetail) => {
    queryClient.setQueryData(ficheKeys.detail(fiche.id), fiche);
    return queryClient.invalidateQueries({ queryKey: ['fiches', 'list'] });
  };
}

export function useCreateFiche() {
  const store = useStoreFiche();
  return useMutation({ mutationFn: fichesApi.create, onSuccess: (fiche) => void store(fiche) });
}

export function useUpdateFiche(id: string) {
  const store = useStoreFiche();
  return useMutation({
    mutationFn: (body: UpdateFicheRequest) => fichesApi.update(id, body),
    onSuccess: (fiche) => void store(fiche),
  });
}

export function useChangeFicheStatus(id: string) {
  const store = useStoreFiche();
  return useMutation({
    mutationFn: (body: ChangeFicheStatusRequest) => fichesApi.changeStatus(id, body),
    onSuccess: (fiche) => void store(fiche),
  });
}

export function usePublishFiche(id: string) {
  const store = useStoreFiche();
  return useMutation({
    mutationFn: (body: PublishFicheRequest) => fichesApi.publish(id, body),
    onSuccess: (fiche) => void store(fiche),
  });
}

export function useTakeFicheVersion(id: string) {
  const store = useStoreFiche();
  return useMutation({
    mutationFn: (body: CreateFicheVersionRequest) => fichesApi.takeVersion(id, body),
    onSuccess: (fiche) => void store(fiche),
  });
}

/** A frozen version's content: it never changes, so it is kept as long as it is cached. */
export function useFicheVersion(id: string, versionId: string) {
  return useQuery({
    queryKey: ficheKeys.version(id, versionId),
    queryFn: ({ signal }) => fichesApi.getVersion(id, versionId, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Makes a version's text the live text again (a new change every open editor receives). */
export function useRestoreFicheVersion(id: string) {
  const store = useStoreFiche();
  return useMutation({
    mutationFn: (versionId: string) => fichesApi.restoreVersion(id, versionId),
    onSuccess: (fiche) => void store(fiche),
  });
}
