import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import type { CollabCloseReason } from '../../../realtime/document-connection';
import type { ConnectionState } from '../../../realtime/use-document-connection';
import editorStyles from './fiche-editor.module.css';

const stateClass: Record<ConnectionState, string | undefined> = {
  synced: editorStyles.connectionStateSynced,
  syncing: editorStyles.connectionStateSyncing,
  offline: editorStyles.connectionStateOffline,
};

interface ConnectionStatusProps {
  status: ConnectionState;
  closeReason: CollabCloseReason | null;
  stopped: boolean;
  onReconnect: () => void;
}

/** "Synchronisé", "Synchronisation…" or "Hors ligne", announced politely; and why the server closed, if it did. */
export function ConnectionStatus({ status, closeReason, stopped, onReconnect }: ConnectionStatusProps) {
  const { t } = useTranslation();
  return (
    <div className={`connection ${editorStyles.connection}`}>
      <p className={`${editorStyles.connectionState} ${stateClass[status]}`} role="status" aria-live="polite">
        <span className={editorStyles.connectionDot} aria-hidden="true" />
        {t(`fiches.connection.${status}`)}
      </p>
      {status === 'offline' && !closeReason && (
        <p className={editorStyles.connectionHelp}>{t('fiches.connection.offlineHelp')}</p>
      )}
      {closeReason && (
        <div
          className={
            stopped ? `notice notice--warning ${editorStyles.connectionProblem}` : editorStyles.connectionHelp
          }
          role={stopped ? 'alert' : undefined}
        >
          <p>{t(`fiches.connection.reasons.${closeReason}`)}</p>
          {stopped && (closeReason === 'tooLarge' || closeReason === 'unprocessable') && (
            <Button size="sm" onPress={onReconnect}>
              {t('fiches.connection.reconnect')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
