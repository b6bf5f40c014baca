import type { CreateFicheCommentRequest, FicheComment } from '@affluents/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../realtime/socket';
import { commentsApi } from './comments-api';

export const commentKeys = { list: (ficheId: string) => ['fiches', ficheId, 'comments'] as const };

/**
 * The fiche's comments (all of them, in document order), kept live through the group's socket room (joined
 * at connection by members, the only ones who see comments).
 */
export function useFicheComments(ficheId: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const key = commentKeys.list(ficheId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => commentsApi.list(ficheId, signal),
    enabled,
  });

  // Catch up on what happened while the connection was lost.
  useSocketEvent('connect', () => {
    if (enabled) void queryClient.invalidateQueries({ queryKey: key });
  });
  useSocketEvent('comment:updated', (comment: FicheComment) => {
    if (comment.ficheId !== ficheId) return;
    // The server orders comments by their place in the text and drops deleted ones: refetch the list.
    void queryClient.invalidateQueries({ queryKey: key });
  });
  return query;
}

/** Replaces one comment in the cached list (the answer of a change), before the refetch. */
function useApplyComment(ficheId: string) {
  const queryClient = useQueryClient();
  return (comment: FicheComment) => {
    const key = commentKeys.list(ficheId);
    queryClient.setQueryData<FicheComment[]>(key, (list) => {
      if (!list) return [comment];
      return list.some((c) => c.id === comment.id)
        ? list.map((c) => (c.id === comment.id ? comment : c))
        : [...list, comment];
    });
    void queryClient.invalidateQueries({ queryKey: key });
  };
}

export function useCreateComment(ficheId: string) {
  const apply = useApplyComment(ficheId);
  return useMutation({
    mutationFn: (body: CreateFicheCommentRequest) => commentsApi.create(ficheId, body),
    onSuccess: apply,
  });
}

export function useReplyComment(ficheId: string) {
  const apply = useApplyComment(ficheId);
  return useMutation({
    mutationFn: (input: { commentId: string; body: string; fileIds?: string[] }) =>
      commentsApi.reply(ficheId, input.commentId, input.body, input.fileIds),
    onSuccess: apply,
  });
}

export function useResolveComment(ficheId: string) {
  const apply = useApplyComment(ficheId);
  return useMutation({
    mutationFn: (input: { commentId: string; resolved: boolean }) =>
      commentsApi.resolve(ficheId, input.commentId, input.resolved),
    onSuccess: apply,
  });
}
