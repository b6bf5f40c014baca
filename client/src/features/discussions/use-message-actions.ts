import type { Message } from '@affluents/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/ui/toast';
import { useErrorMessage } from '../../lib/use-error-message';
import { request, SocketRequestError } from '../../realtime/socket';
import { discussionsApi } from './api/discussions-api';

type Apply = (update: { changed: Message[] }) => void;

/** Edit, delete, react (socket) and moderate (HTTP); each answer is the changed message, merged at once. */
export function useMessageActions(apply: Apply) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const run = useCallback(
    (action: Promise<Message>) =>
      action
        .then((message) => apply({ changed: [message] }))
        .catch((error: unknown) =>
          notify.error(
            t('discussions.actionFailed'),
            error instanceof SocketRequestError ? error.message : errorMessage(error),
          ),
        ),
    [apply, t, errorMessage],
  );
  return useMemo(
    () => ({
      edit: (messageId: string, body: string) => run(request('message:edit', { messageId, body })),
      remove: (messageId: string) => run(request('message:delete', { messageId })),
      react: (messageId: string, emoji: string, on: boolean) =>
        run(request('reaction:set', { messageId, emoji, on })),
      hide: (messageId: string) => run(discussionsApi.hide(messageId)),
      unhide: (messageId: string) => run(discussionsApi.unhide(messageId)),
      move: (messageId: string, toThreadId: string) =>
        run(discussionsApi.move(messageId, toThreadId).then(({ marker }) => marker)),
    }),
    [run],
  );
}

export type MessageActions = ReturnType<typeof useMessageActions>;
