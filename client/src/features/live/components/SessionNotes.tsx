import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/ui/LoadingState';
import { userColor } from '../../../lib/user-color';
import { useDocumentSession } from '../../../realtime/use-document-session';
import { useCurrentUser } from '../../auth/hooks';
import { ConnectionStatus } from '../../fiches/components/ConnectionStatus';
import { NotesEditor } from './NotesEditor';

interface SessionNotesProps {
  docName: string;
  /** May this person write (a member, or a guest while the session is live), before publication. */
  mayWrite: boolean;
  label: string;
}

/** Opens the notes document for as long as it is shown, and the editor once the connection is there. */
export function SessionNotes({ docName, mayWrite, label }: SessionNotesProps) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const presenceUser = useMemo(
    () => (me ? { id: me.id, name: me.displayName, color: userColor(me.id) } : null),
    [me],
  );
  const shared = useDocumentSession(docName, presenceUser);
  if (!shared.session || !presenceUser) return <LoadingState label={t('live.notes.loading')} />;
  return (
    <NotesEditor
      session={shared.session}
      user={presenceUser}
      editable={mayWrite && shared.loaded && !shared.stopped}
      label={label}
      status={
        <ConnectionStatus
          connection={shared.connection}
          closeReason={shared.closeReason}
          stopped={shared.stopped}
          onReconnect={shared.reconnect}
        />
      }
    />
  );
}
