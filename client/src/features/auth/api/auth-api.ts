import {
  type AcceptInvitationRequest,
  type CurrentUser,
  type LoginRequest,
  type PasswordResetConfirm,
  type PasswordResetRequest,
  routes,
  type UpdateMyProfile,
} from '@affluents/contracts';
import { call, isApiError } from '../../../lib/api-client';

const r = routes.auth;

export const authApi = {
  /** The signed-in user, or null when there is no valid session. */
  async me(signal?: AbortSignal): Promise<CurrentUser | null> {
    try {
      return await call(r.me, { signal });
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) return null;
      throw error;
    }
  },
  login: (body: LoginRequest) => call(r.login, { body }),
  logout: () => call(r.logout),
  updateMe: (body: UpdateMyProfile) => call(r.updateMe, { body }),
  requestPasswordReset: (body: PasswordResetRequest) => call(r.requestReset, { body }),
  confirmPasswordReset: (body: PasswordResetConfirm) => call(r.confirmReset, { body }),
  acceptInvitation: (token: string, body: AcceptInvitationRequest) =>
    call(routes.invitations.accept, { params: { token }, body }),
};
