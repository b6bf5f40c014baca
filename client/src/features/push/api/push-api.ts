import { type PushSubscriptionInput, routes } from '@affluents/contracts';
import { call } from '../../../lib/api-client';

const r = routes.push;

export const pushApi = {
  publicKey: (signal?: AbortSignal) => call(r.publicKey, { signal }),
  subscribe: (body: PushSubscriptionInput) => call(r.subscribe, { body }),
  unsubscribe: (endpoint: string) => call(r.unsubscribe, { body: { endpoint } }),
};
