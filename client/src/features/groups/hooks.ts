import type { MembershipRole } from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../../lib/query-client';
import { useCurrentUser } from '../auth/hooks';
import { groupsApi } from './api/groups-api';

export const groupKeys = {
  all: ['groups'] as const,
  detail: (id: string) => ['groups', id] as const,
};

export function useGroup(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) => groupsApi.get(id, signal),
    enabled,
  });
}

export function useMoveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, bassinId }: { id: string; bassinId: string }) => groupsApi.move(id, { bassinId }),
    onSuccess: (group) => {
      queryClient.setQueryData(groupKeys.detail(group.id), group);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['bassins'] }),
        queryClient.invalidateQueries({ queryKey: ['invitations'] }),
      ]);
    },
  });
}

interface MemberTarget {
  groupId: string;
  userId: string;
}

/**
 * After a change of membership: the group's member list, the member counts of the bassins page, the accounts
 * table and, when the change is about the signed-in user, the memberships the shared policy reads.
 */
function useInvalidateMembership() {
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  return ({ groupId, userId }: MemberTarget) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: groupKeys.detail(groupId) }),
      queryClient.invalidateQueries({ queryKey: ['bassins'] }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      userId === me?.id ? queryClient.invalidateQueries({ queryKey: meQueryKey }) : undefined,
    ]);
}

export function useAddMember() {
  const invalidate = useInvalidateMembership();
  return useMutation({
    mutationFn: ({ groupId, userId, role }: MemberTarget & { role: MembershipRole }) =>
      groupsApi.addMember(groupId, { userId, role }),
    onSuccess: (_member, target) => invalidate(target),
  });
}

export function useUpdateMember() {
  const invalidate = useInvalidateMembership();
  return useMutation({
    mutationFn: ({ groupId, userId, role }: MemberTarget & { role: MembershipRole }) =>
      groupsApi.updateMember(groupId, userId, { role }),
    onSuccess: (_member, target) => invalidate(target),
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidateMembership();
  const { data: me } = useCurrentUser();
  return useMutation({
    mutationFn: ({ groupId, userId }: MemberTarget) => groupsApi.removeMember(groupId, userId),
    onSuccess: (_result, target) => {
      const refreshed = invalidate(target);
      // Someone who leaves may lose access to the group: the screen moves away at once instead of waiting
      // for a reload of the group that would be refused.
      if (target.userId === me?.id) return;
      return refreshed;
    },
  });
}
