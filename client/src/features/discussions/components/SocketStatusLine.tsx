import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSocketStatus } from '../../../realtime/socket';
import threadStyles from '../thread.module.css';

/**
 * Says so when the live connection is down (messages typed meanwhile wait with "Réessayer"). A short
 * delay keeps the first connection and quick reconnections from flashing the notice.
 */
export function SocketStatusLine() {
  const { t } = useTranslation();
  const status = useSocketStatus();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (status === 'connected') {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), 1_500);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <p role="status" className={shown ? threadStyles.socketStatus : 'visually-hidden'}>
      {shown ? t('discussions.offline') : ''}
    </p>
  );
}
