import { type Action, type CurrentUser, can, type Subject, type Target } from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { clearPagesRead } from '../../lib/pages-read';
import { meQueryKey } from '../../lib/query-client';
import { clearOfflineCopies } from '../../realtime/offline-copies';
import { closeSocket, useSocketEvent } from '../../realtime/socket';
import { forgetDeviceSubscription } from '../push/push-device';
import { authApi } from './api/auth-api';

/** The signed-in user (null when signed out); loaded once and shared by every screen. */
export function useCurrentUser() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => authApi.me(signal),
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

export function toSubject(user: CurrentUser | null | undefined): Subject | null {
  if (!user) return null;
  return { userId: user.id, platformRole: user.platformRole, memberships: user.memberships };
}

/** `can(action, target)` for the signed-in user, from the shared policy: used only to hide what is not allowed. */
export function useCan() {
  const { data: user } = useCurrentUser();
  return useCallback((action: Action, target?: Target) => can(toSubject(user), action, target), [user]);
}

/**
 * Follows changes of the signed-in user's rights made elsewhere (a role given or withdrawn, a membership
 * added or removed): the server says so on the socket, and every screen refetches who the user is and what
 * it shows, so controls the policy now refuses disappear (and new ones appear) without a reload.
 */
export function useAccessChanges(): void {
  const queryClient = useQueryClient();
  useSocketEvent('access:changed', () => void queryClient.invalidateQueries());
}

/** Stores a freshly signed-in user and drops every cached answer of the previous session. */
export function useSetSignedInUser() {
  const queryClient = useQueryClient();
  return useCallback(
    (user: CurrentUser) => {
      // Pages read offline in an earlier session (one that expired without a sign-out) are not this one's.
      void clearPagesRead();
      // The invitation being accepted stays cached: the page showing it is still mounted.
      queryClient.removeQueries({
        predicate: (q) => !['auth', 'invitation-preview'].includes(String(q.queryKey[0])),
      });
      queryClient.setQueryData(meQueryKey, user);
    },
    [queryClient],
  );
}

export function useLogin() {
  const setUser = useSetSignedInUser();
  return useMutation({ mutationKey: ['auth', 'login'], mutationFn: authApi.login, onSuccess: setUser });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'logout'],
    mutationFn: authApi.logout,
    // Once the server has closed the session, the fiche copies and the pages read kept for offline work go
    // too (shared professional secrecy). Not awaited: a copy still open finishes deleting when its page unmounts.
    onSuccess: () => {
      void clearOfflineCopies();
      void clearPagesRead();
      // The server forgot this browser's push subscription with the session; the next person here chooses anew.
      void forgetDeviceSubscription();
    },
    onSettled: () => {
      // The live connection belongs to the session that ended: the next sign-in opens a new one.
      closeSocket();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'update-me'],
    mutationFn: authApi.updateMe,
    onSuccess: (user) => {
      queryClient.setQueryData(meQueryKey, user);
      // Names appear in member lists.
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationKey: ['auth', 'password-reset'], mutationFn: authApi.requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationKey: ['auth', 'password-reset-confirm'],
    mutationFn: authApi.confirmPasswordReset,
  });
}
