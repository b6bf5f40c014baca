import type { ListInvitationsQuery } from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSetSignedInUser } from '../auth/hooks';
import { invitationsApi } from './api/invitations-api';

export const invitationKeys = {
  all: ['invitations'] as const,
  list: (query: ListInvitationsQuery) => ['invitations', 'list', query] as const,
};

export function useInvitations(query: ListInvitationsQuery, enabled = true) {
  return useQuery({
    queryKey: invitationKeys.list(query),
    queryFn: ({ signal }) => invitationsApi.list(query, signal),
    enabled,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invitationsApi.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invitationsApi.revoke(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
  });
}

/** What an invitation link is about; public, no sign-in needed. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) => invitationsApi.preview(token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAcceptInvitation(token: string) {
  const setUser = useSetSignedInUser();
  return useMutation({
    mutationKey: ['invitations', 'accept'],
    mutationFn: (body: { displayName?: string; password?: string }) => invitationsApi.accept(token, body),
    onSuccess: setUser,
  });
}
