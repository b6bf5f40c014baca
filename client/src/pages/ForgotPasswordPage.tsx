import { useTranslation } from 'react-i18next';
import { AuthCard } from '../components/layout/AuthCard';
import { ForgotPasswordForm } from '../features/auth/components/ForgotPasswordForm';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.forgot.title')} intro={<p>{t('auth.forgot.intro')}</p>}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
