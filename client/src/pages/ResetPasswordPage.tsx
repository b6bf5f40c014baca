import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AuthCard } from '../components/layout/AuthCard';
import { ResetPasswordForm } from '../features/auth/components/ResetPasswordForm';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  return (
    <AuthCard title={t('auth.reset.title')} intro={<p>{t('auth.reset.intro')}</p>}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
