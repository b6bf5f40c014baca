import {
  type MeetingDetail,
  type MeetingFileSection,
  meetingFileSections,
  routes,
  type StoredFile,
} from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { call, hrefOf } from '../../lib/api-client';
import { useCurrentUser } from '../auth/hooks';
import { AttachButton, AttachedFiles, AttachmentDrafts } from './Attachments';
import styles from './attachments.module.css';
import { useAttachments } from './use-attachments';

const meetingFilesKey = (meetingId: string) => ['files', 'meeting', meetingId] as const;

/**
 * The documents of a meeting, for its agenda and for its minutes: the group's members add and remove
 * them; everyone who sees the meeting (its guests too) reads them.
 */
export function MeetingFilesPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const files = useQuery({
    queryKey: meetingFilesKey(meeting.id),
    queryFn: ({ signal }) => call(routes.files.meetingList, { params: { id: meeting.id }, signal }),
  });
  if (!files.data) return null;
  const empty = files.data.agenda.length === 0 && files.data.minutes.length === 0;
  // A guest sees the panel only when there is something to read.
  if (meeting.isGuest && empty) return null;
  return (
    <section className="panel" aria-labelledby="meeting-files">
      <h2 id="meeting-files" className="panel__title">
        {t('files.meeting.title')}
      </h2>
      {meetingFileSections.map((section) => (
        <MeetingFilesSection key={section} meeting={meeting} section={section} files={files.data[section]} />
      ))}
    </section>
  );
}

function MeetingFilesSection({
  meeting,
  section,
  files,
}: {
  meeting: MeetingDetail;
  section: MeetingFileSection;
  files: StoredFile[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useCurrentUser().data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingFilesKey(meeting.id) });
  const attachments = useAttachments(
    hrefOf(routes.files.uploadToMeeting, { params: { id: meeting.id, section } }),
    { onStored: () => void refresh() },
  );
  const remove = useMutation({
    mutationFn: (fileId: string) =>
      call(routes.files.removeFromMeeting, { params: { id: meeting.id, fileId } }),
    onSuccess: refresh,
  });
  const headingId = `meeting-files-${section}`;
  // Once stored, a file shows in the list below: its line in the drafts goes.
  const drafts = attachments.items.filter((item) => item.status !== 'stored');
  return (
    <div className={styles.meetingSection}>
      <div className={styles.meetingSectionHead}>
        <h3 id={headingId} className={styles.meetingSectionTitle}>
          {t(`files.meeting.${section}`)}
        </h3>
        {!meeting.isGuest && <AttachButton name={`meeting-files-${section}`} onSelect={attachments.add} />}
      </div>
      <AttachmentDrafts items={drafts} onRemove={attachments.remove} />
      {files.length === 0 ? (
        <p className="muted">{t('files.meeting.empty')}</p>
      ) : (
        <ul className={styles.meetingFiles}>
          {files.map((file) => (
            <li key={file.id} className={styles.meetingFile}>
              <AttachedFiles files={[file]} />
              {(file.createdBy.id === me?.id || meeting.canManage) && (
                <Button
                  size="sm"
                  variant="ghost"
                  isPending={remove.isPending && remove.variables === file.id}
                  onPress={() => remove.mutate(file.id)}
                  aria-label={t('files.meeting.removeNamed', { name: file.name })}
                >
                  {t('files.attach.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
