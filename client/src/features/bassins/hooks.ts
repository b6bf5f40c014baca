import type { UpdateBassinRequest } from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bassinsApi } from './api/bassins-api';

export const bassinKeys = {
  all: ['bassins'] as const,
  list: (includeArchived: boolean) => ['bassins', { includeArchived }] as const,
};

export function useBassins(includeArchived = false) {
  return useQuery({
    queryKey: bassinKeys.list(includeArchived),
    queryFn: ({ signal }) => bassinsApi.list(includeArchived, signal),
  });
}

/** After any bassin change, every list that shows bassin names or group placement is stale. */
function useInvalidateBassinData() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: bassinKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['groups'] }),
      queryClient.invalidateQueries({ queryKey: ['organisations'] }),
      queryClient.invalidateQueries({ queryKey: ['invitations'] }),
    ]);
}

export function useCreateBassin() {
  const invalidate = useInvalidateBassinData();
  return useMutation({ mutationFn: bassinsApi.create, onSuccess: invalidate });
}

export function useUpdateBassin() {
  const invalidate = useInvalidateBassinData();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateBassinRequest & { id: string }) => bassinsApi.update(id, body),
    onSuccess: invalidate,
  });
}

export function useMergeBassin() {
  const invalidate = useInvalidateBassinData();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, targetBassinId }: { id: string; targetBassinId: string }) =>
      bassinsApi.merge(id, { targetBassinId }),
    // Merged groups change the groups people belong to.
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['auth', 'me'] })]),
  });
}
