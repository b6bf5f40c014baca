import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/ui/LoadingState';
import { userColor } from '../../../lib/user-color';
import { useDocumentConnection } from '../../../realtime/use-document-connection';
import { useCurrentUser } from '../../auth/hooks';
import { ConnectionStatus } from '../../fiches/components/ConnectionStatus';
import type { PassageRefusal, SelectedPassage } from '../passage';
import { NotesEditor } from './NotesEditor';

interface MeetingNotesProps {
  docName: string;
  /** May this person write (a member, or a guest while the meeting is live), before publication. */
  mayWrite: boolean;
  label: string;
  /** Told of each change of selection (the minutes under review: a passage to replace). */
  onSelectPassage?: (selected: SelectedPassage | PassageRefusal | null) => void;
}

/** Opens the notes document for as long as it is shown, and the editor once the connection is there. */
export function MeetingNotes({ docName, mayWrite, label, onSelectPassage }: MeetingNotesProps) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const presenceUser = useMemo(
    () => (me ? { id: me.id, name: me.displayName, color: userColor(me.id) } : null),
    [me],
  );
  const shared = useDocumentConnection(docName, presenceUser);
  if (!shared.connection || !presenceUser) return <LoadingState label={t('live.notes.loading')} />;
  return (
    <NotesEditor
      connection={shared.connection}
      user={presenceUser}
      editable={mayWrite && shared.loaded && !shared.stopped}
      label={label}
      onSelectPassage={onSelectPassage}
      status={
        <ConnectionStatus
          status={shared.status}
          closeReason={shared.closeReason}
          stopped={shared.stopped}
          onReconnect={shared.reconnect}
        />
      }
    />
  );
}
