import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../components/layout/AuthCard';
import { LoginForm } from '../features/auth/components/LoginForm';
import { RETURN_PARAM, safeReturnTo } from '../lib/return-to';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = params.get(RETURN_PARAM);
  return (
    <AuthCard
      title={t('auth.login.title')}
      intro={<p>{returnTo ? t('auth.login.introReturn') : t('auth.login.intro')}</p>}
    >
      <LoginForm onSuccess={() => navigate(safeReturnTo(returnTo), { replace: true })} />
      <p className="muted auth-card__note">{t('auth.login.offlineNote')}</p>
    </AuthCard>
  );
}
