import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { groupsApi } from './api/groups-api';

export const groupKeys = {
  all: ['groups'] as const,
  detail: (id: string) => ['groups', id] as const,
};

export function useGroup(id: string) {
  return useQuery({ queryKey: groupKeys.detail(id), queryFn: ({ signal }) => groupsApi.get(id, signal) });
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
