import type {
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  Organisation,
  UpdateOrganisationRequest,
} from '@affluents/contracts';
import { api } from '../../../lib/api-client';

export const organisationsApi = {
  list: (query: ListOrganisationsQuery, signal?: AbortSignal) =>
    api.get<Organisation[]>('/api/organisations', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Organisation>(`/api/organisations/${id}`, undefined, signal),
  create: (body: CreateOrganisationRequest) => api.post<Organisation>('/api/organisations', body),
  update: (id: string, body: UpdateOrganisationRequest) =>
    api.patch<Organisation>(`/api/organisations/${id}`, body),
};
