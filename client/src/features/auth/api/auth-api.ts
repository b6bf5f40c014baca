import type {
  AcceptInvitationRequest,
  CurrentUser,
  LoginRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  UpdateMyProfile,
} from '@affluents/contracts';
import { api, isApiError } from '../../../lib/api-client';

export const authApi = {
  /** The signed-in user, or null when there is no valid session. */
  async me(signal?: AbortSignal): Promise<CurrentUser | null> {
    try {
      return await api.get<CurrentUser>('/api/auth/me', undefined, signal);
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) return null;
      throw error;
    }
  },
  login: (body: LoginRequest) => api.post<CurrentUser>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
  updateMe: (body: UpdateMyProfile) => api.patch<CurrentUser>('/api/auth/me', body),
  requestPasswordReset: (body: PasswordResetRequest) => api.post<void>('/api/auth/password-reset', body),
  confirmPasswordReset: (body: PasswordResetConfirm) =>
    api.post<void>('/api/auth/password-reset/confirm', body),
  acceptInvitation: (token: string, body: AcceptInvitationRequest) =>
    api.post<CurrentUser>(`/api/invitations/by-token/${encodeURIComponent(token)}/accept`, body),
};
