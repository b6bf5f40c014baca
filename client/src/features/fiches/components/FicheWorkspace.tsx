import { type FicheDetail, presenceScope } from '@affluents/contracts';
import { goToSection } from '@affluents/editor';
import { useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/layout/PageHeader';
import sidePanel from '../../../components/layout/side-panel.module.css';
import { Link } from '../../../components/ui';
import { LoadingState } from '../../../components/ui/LoadingState';
import { meQueryKey } from '../../../lib/query-client';
import { userColor } from '../../../lib/user-color';
import type { CollabCloseReason } from '../../../realtime/document-connection';
import { useDocumentConnection } from '../../../realtime/use-document-connection';
import { useCurrentUser } from '../../auth/hooks';
import { useFicheCommentsWorkspace } from '../../comments/use-fiche-comments-workspace';
import { FicheQuestions } from '../../discussions/components/FicheQuestions';
import { FicheMinutesLinks } from '../../meetings/components/FicheMinutesLinks';
import { PresenceAvatars } from '../../presence/PresenceAvatars';
import { useEmptySections } from '../document-hooks';
import { ficheKeys, useFicheUpdates } from '../hooks';
import { ConnectionStatus } from './ConnectionStatus';
import { FicheAuthors } from './FicheAuthors';
import { FicheEditor } from './FicheEditor';
import { FicheMetadataForm } from './FicheMetadataForm';
import { FicheReview } from './FicheReview';
import { FicheSectionsPanel } from './FicheSectionsPanel';
import { FicheStatusBadge } from './FicheStatusBadge';
import { FicheVersions } from './FicheVersions';
import pageStyles from './fiche-page.module.css';

const lostAccessReasons = new Set<CollabCloseReason>(['unauthenticated', 'forbidden', 'readOnly']);

/** A fiche open for writing (or reading): the shared text, and beside it its sections, information and authors. */
export function FicheWorkspace({ fiche }: { fiche: FicheDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const presenceUser = useMemo(
    () => (me ? { id: me.id, name: me.displayName, color: userColor(me.id) } : null),
    [me],
  );
  const shared = useDocumentConnection(fiche.docName, presenceUser);
  const emptySections = useEmptySections(shared.connection?.doc ?? null);
  useFicheUpdates(fiche.id);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onReady = useCallback((e: Editor | null) => setEditor(e), []);
  const comments = useFicheCommentsWorkspace(fiche, editor, me);

  const accessLost = shared.stopped && lostAccessReasons.has(shared.closeReason ?? 'malformed');
  const mayEdit = fiche.access === 'write' && !accessLost;

  // The server closed for good: find out whether the session or the access is gone, as the HTTP API does.
  useEffect(() => {
    if (!shared.stopped) return;
    if (shared.closeReason === 'unauthenticated')
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    if (shared.closeReason === 'forbidden')
      void queryClient.invalidateQueries({ queryKey: ficheKeys.detail(fiche.id) });
  }, [shared.stopped, shared.closeReason, queryClient, fiche.id]);

  // The server refuses an upgrade without a session or access with a plain HTTP answer, which a browser
  // websocket reports with no reason: after a few failures, ask the API, whose 401 or 403 the page shows.
  const failing = shared.failures >= 3;
  useEffect(() => {
    if (failing) void queryClient.invalidateQueries({ queryKey: ficheKeys.detail(fiche.id) });
  }, [failing, queryClient, fiche.id]);

  const groupLabel = `${fiche.group.bassin.name} – ${t(`groupKinds.${fiche.group.kind}`)}`;
  const status = (
    <>
      <ConnectionStatus
        status={shared.status}
        closeReason={shared.closeReason}
        stopped={shared.stopped}
        onReconnect={shared.reconnect}
      />
      <PresenceAvatars scope={presenceScope('fiche', fiche.id)} label={t('fiches.presence.label')} />
    </>
  );

  return (
    <div className="page fiche-page">
      <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link href="/bassins" className="link">
              {t('layout.nav.bassins')}
            </Link>
          </li>
          <li>
            <Link href={`/groupes/${fiche.group.id}`} className="link">
              {groupLabel}
            </Link>
          </li>
          <li aria-current="page">{fiche.title}</li>
        </ol>
      </nav>
      <PageHeader
        eyebrow={t('fiches.page.eyebrow', { group: groupLabel })}
        title={fiche.title}
        actions={<FicheStatusBadge status={fiche.status} />}
      />
      {fiche.access === 'read' && (
        <p className="notice notice--info">
          {fiche.status === 'archived' ? t('fiches.page.archivedReadOnly') : t('fiches.page.readOnly')}
        </p>
      )}
      <div className={pageStyles.layout}>
        <div className={pageStyles.layoutMain}>
          {shared.connection && presenceUser ? (
            <FicheEditor
              connection={shared.connection}
              user={presenceUser}
              editable={mayEdit && shared.loaded}
              showToolbar={fiche.access === 'write'}
              label={t('fiches.page.docLabel', { title: fiche.title })}
              status={status}
              onReady={onReady}
              ficheId={fiche.id}
              extraExtensions={[comments.extension]}
              tools={comments.toolbarButton}
            >
              {comments.bubble}
            </FicheEditor>
          ) : (
            <LoadingState label={t('fiches.page.opening')} />
          )}
        </div>
        <aside className={`fiche-layout__side ${sidePanel.panel}`} aria-label={t('fiches.page.sidePanel')}>
          <div className={sidePanel.card}>
            <FicheSectionsPanel
              emptySections={emptySections}
              onSelect={(key) => editor && goToSection(editor, key)}
            />
            <FicheReview fiche={fiche} emptySections={emptySections} mayEdit={mayEdit} />
          </div>
          {comments.panel && <div className={sidePanel.card}>{comments.panel}</div>}
          <div className={sidePanel.card}>
            <FicheVersions fiche={fiche} mayEdit={mayEdit} />
            <FicheMinutesLinks ficheId={fiche.id} />
          </div>
          <div className={sidePanel.card}>
            <FicheMetadataForm fiche={fiche} mayEdit={mayEdit} />
          </div>
          <div className={sidePanel.card}>
            <FicheAuthors authors={fiche.authors} />
          </div>
          {fiche.publishedVersionId && (
            <div className={sidePanel.card}>
              <FicheQuestions ficheId={fiche.id} forGroup />
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
