import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import type { CollabCloseReason } from '../../../realtime/document-connection';
import type { ConnectionState } from '../../../realtime/use-document-connection';
import './fiche-editor.css';

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
    <div className="connection">
      <p className={`connection__state connection__state--${status}`} role="status" aria-live="polite">
        <span className="connection__dot" aria-hidden="true" />
        {t(`fiches.connection.${status}`)}
      </p>
      {status === 'offline' && !closeReason && (
        <p className="connection__help">{t('fiches.connection.offlineHelp')}</p>
      )}
      {closeReason && (
        <div
          className={stopped ? 'notice notice--warning connection__problem' : 'connection__help'}
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
