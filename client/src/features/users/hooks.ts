import type { UpdateUserRequest } from '@affluents/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usersApi } from './api/users-api';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
};

export function useUsers(q: string) {
  return useQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ signal }) => usersApi.list(q || undefined, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserRequest & { id: string }) => usersApi.update(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['groups'] }),
        queryClient.invalidateQueries({ queryKey: ['organisations'] }),
        // Editing oneself changes what the header and the policy see.
        queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }),
      ]),
  });
}
