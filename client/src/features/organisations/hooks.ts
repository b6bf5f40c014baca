import type { ListOrganisationsQuery, UpdateOrganisationRequest } from '@affluents/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { organisationsApi } from './api/organisations-api';

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: ListOrganisationsQuery) => ['organisations', 'list', query] as const,
};

export function useOrganisations(query: ListOrganisationsQuery = {}, enabled = true) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: ({ signal }) => organisationsApi.list(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidateOrganisationData() {
  const queryClient = useQueryClient();
  // Organisation names are shown on members and accounts too.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['groups'] }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
    ]);
}

export function useCreateOrganisation() {
  const invalidate = useInvalidateOrganisationData();
  return useMutation({ mutationFn: organisationsApi.create, onSuccess: invalidate });
}

export function useUpdateOrganisation() {
  const invalidate = useInvalidateOrganisationData();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateOrganisationRequest & { id: string }) =>
      organisationsApi.update(id, body),
    onSuccess: invalidate,
  });
}
