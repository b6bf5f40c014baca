import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/layout/PageHeader';
import { Toolbox } from '../features/fiches/components/Toolbox';

export function ToolboxPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('toolbox.title')} lede={t('toolbox.lede')} />
      <Toolbox />
    </div>
  );
}
