import {
  type CreateBassinRequest,
  type MergeBassinRequest,
  routes,
  type UpdateBassinRequest,
} from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.bassins;

export const bassinsApi = {
  list: (includeArchived: boolean, signal?: AbortSignal) =>
    call(r.list, { query: { includeArchived: includeArchived ? 'true' : 'false' }, signal }),
  create: (body: CreateBassinRequest) => call(r.create, { body }),
  update: (id: string, body: UpdateBassinRequest) => call(r.update, { params: { id }, body }),
  merge: (id: string, body: MergeBassinRequest) => call(r.merge, { params: { id }, body }),
};
