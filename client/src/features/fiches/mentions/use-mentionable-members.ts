import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { DocumentConnection } from '../../../realtime/document-connection';
import { useGroup } from '../../groups/hooks';
import { type MemberCandidate, memberCandidates } from '../../mentions/mention-candidates';
import { fichesApi } from '../api/fiches-api';
import { ficheKeys } from '../hooks';

/** The fiche id of a connection on `fiche:<id>` (the provider's room), or null for another document. */
function ficheIdOf(connection: DocumentConnection): string | null {
  const room = (connection.provider as { roomname?: unknown }).roomname;
  return typeof room === 'string' && room.startsWith('fiche:') ? room.slice('fiche:'.length) : null;
}

/**
 * The members a writer may mention in the fiche text: those of the fiche's group (the fiche detail is
 * already cached by the page). Returned as a ref, because the editor's suggestion is built once and
 * must read the latest list.
 */
export function useMentionableMembers(connection: DocumentConnection, selfId: string, enabled: boolean) {
  const ficheId = ficheIdOf(connection);
  const fiche = useQuery({
    queryKey: ficheKeys.detail(ficheId ?? ''),
    queryFn: ({ signal }) => fichesApi.get(ficheId ?? '', signal),
    enabled: enabled && ficheId !== null,
  });
  const groupId = fiche.data?.group.id ?? '';
  const group = useGroup(groupId, { enabled: enabled && groupId !== '' });
  const members = useRef<readonly MemberCandidate[]>([]);
  useEffect(() => {
    members.current = memberCandidates(group.data?.members ?? [], selfId);
  }, [group.data, selfId]);
  return members;
}
