import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ErrorState } from '../components/ui/ErrorState';
import { LoadingState } from '../components/ui/LoadingState';
import { useAccessChanges, useCurrentUser } from '../features/auth/hooks';
import { RETURN_PARAM, safeReturnTo, signInUrl } from '../lib/return-to';

/** Signed-out visitors are sent to the sign-in page, which brings them back here afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useCurrentUser();
  if (me.isPending) return <LoadingState label={t('auth.checkingSession')} />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) return <Navigate to={signInUrl(location.pathname + location.search)} replace />;
  return <SignedIn />;
}

/** The signed-in screens, kept in step with the user's rights as they change elsewhere. */
function SignedIn() {
  useAccessChanges();
  return <Outlet />;
}

/** The sign-in page is pointless once signed in: go where the user was heading. */
export function RedirectIfSignedIn() {
  const me = useCurrentUser();
  const [params] = useSearchParams();
  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={safeReturnTo(params.get(RETURN_PARAM))} replace />;
  return <Outlet />;
}
