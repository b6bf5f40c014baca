import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { notify } from '../../../components/ui/toast';
import { useErrorMessage } from '../../../lib/use-error-message';
import { discussionsApi } from '../api/discussions-api';
import composerStyles from '../composer.module.css';

/** Opens the thread that discusses a fiche (the server opens it on first request). */
export function FicheDiscussionLink({ ficheId }: { ficheId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const open = useMutation({
    mutationFn: () => discussionsApi.ficheThread(ficheId),
    onSuccess: (thread) => navigate(`/discussions/${thread.id}`),
    onError: (error) => notify.error(t('discussions.fiche.failed'), errorMessage(error)),
  });
  return (
    <div className={composerStyles.ficheDiscussionLink}>
      <Button size="sm" isPending={open.isPending} onPress={() => open.mutate()}>
        {t('discussions.fiche.open')}
      </Button>
    </div>
  );
}
