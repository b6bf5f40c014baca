import {
  type CreateOrganisationRequest,
  type ListOrganisationsQuery,
  routes,
  type UpdateOrganisationRequest,
} from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.organisations;

export const organisationsApi = {
  list: (query: ListOrganisationsQuery, signal?: AbortSignal) => call(r.list, { query, signal }),
  get: (id: string, signal?: AbortSignal) => call(r.get, { params: { id }, signal }),
  create: (body: CreateOrganisationRequest) => call(r.create, { body }),
  update: (id: string, body: UpdateOrganisationRequest) => call(r.update, { params: { id }, body }),
};
