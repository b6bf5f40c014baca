import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientErrorCode, isApiError } from './api-client';

export type ErrorOverrides = Partial<Record<ClientErrorCode, string>>;

// For these codes the server's own message names the precise problem (which name is taken, which rule).
const serverWorded: ReadonlySet<ClientErrorCode> = new Set(['conflict', 'bad_request']);

/** Turns any thrown error into a sentence in the interface language, with per-screen overrides. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, overrides: ErrorOverrides = {}): string => {
      if (!isApiError(error)) return t('errors.unexpected');
      const override = overrides[error.code];
      if (override) return override;
      if (serverWorded.has(error.code) && error.message) return error.message;
      if (error.code === 'validation_failed' && error.fieldErrors.length === 0 && error.message)
        return error.message;
      return t(`errors.codes.${error.code}`);
    },
    [t],
  );
}
