import { route } from '../http-route';
import { PushPublicKey, PushSubscriptionInput, PushSubscriptionRemoval } from '../push';

/**
 * HTTP routes of Web Push: the server's public key, and the signed-in member's subscription of this browser.
 * A member manages only their own subscriptions (the service scopes every query to the caller).
 */
export const pushRoutes = {
  publicKey: route({
    method: 'get',
    path: '/api/push/public-key',
    tag: 'Notifications',
    summary: 'La clé publique (VAPID) du serveur pour s’abonner aux notifications sur un appareil',
    access: 'signed-in',
    response: PushPublicKey,
    errors: [401],
  }),
  subscribe: route({
    method: 'put',
    path: '/api/me/push-subscription',
    tag: 'Notifications',
    summary: 'Recevoir mes notifications sur cet appareil (abonnement Web Push du navigateur)',
    access: 'signed-in',
    body: PushSubscriptionInput,
    status: 204,
    errors: [400, 401],
  }),
  unsubscribe: route({
    method: 'delete',
    path: '/api/me/push-subscription',
    tag: 'Notifications',
    summary: 'Ne plus recevoir mes notifications sur cet appareil',
    access: 'signed-in',
    body: PushSubscriptionRemoval,
    status: 204,
    errors: [400, 401],
  }),
};
