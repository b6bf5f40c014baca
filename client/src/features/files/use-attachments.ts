import { type AttachedFile, formatByteSize, MAX_ATTACHED_FILES, routes } from '@affluents/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isApiError } from '../../lib/api-client';
import { useErrorMessage } from '../../lib/use-error-message';
import { checkFile, likelyKind } from './file-checks';
import { uploadFile } from './upload-file';

/** One file chosen for a message, a comment or a meeting: on its way, stored, or refused with the reason. */
export interface Attachment {
  key: string;
  name: string;
  byteSize: number;
  kind: AttachedFile['kind'];
  loaded: number;
  status: 'uploading' | 'stored' | 'refused';
  /** Why it was refused, in French (the server's words when it judged the file). */
  error: string | null;
  /** Once stored: what the message or comment will show. */
  file: AttachedFile | null;
}

/** The size limits, read once: a courtesy check before sending (the server judges every file anyway). */
export function useFileLimits() {
  return useQuery({
    queryKey: ['files', 'limits'],
    queryFn: ({ signal }) => call(routes.files.limits, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/**
 * Files joined to something being written (a message, a comment) or to a meeting: each checked here
 * (type, size, how many), then sent to `uploadUrl` with its progress; removable before sending (an upload
 * under way is stopped). `onStored` hears of each file the server kept.
 */
export function useAttachments(uploadUrl: string, options: { onStored?: (file: AttachedFile) => void } = {}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const limits = useFileLimits();
  const [items, setItems] = useState<Attachment[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const nextKey = useRef(0);
  const onStored = useRef(options.onStored);
  onStored.current = options.onStored;

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const patch = useCallback((key: string, change: Partial<Attachment>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      const kept = items.filter((item) => item.status !== 'refused').length;
      files.forEach((file, index) => {
        nextKey.current += 1;
        const key = `attachment-${nextKey.current}`;
        const base = {
          key,
          name: file.name,
          byteSize: file.size,
          kind: likelyKind(file),
          loaded: 0,
          file: null,
        };
        const refusal =
          kept + index >= MAX_ATTACHED_FILES
            ? t('files.attach.tooMany', { max: MAX_ATTACHED_FILES })
            : refusalOf(file);
        if (refusal) {
          setItems((list) => [...list, { ...base, status: 'refused', error: refusal }]);
          return;
        }
        const controller = new AbortController();
        controllers.current.set(key, controller);
        setItems((list) => [...list, { ...base, status: 'uploading', error: null }]);
        uploadFile(uploadUrl, file, {
          signal: controller.signal,
          onProgress: (loaded) => patch(key, { loaded }),
        })
          .then((stored) => {
            const attached: AttachedFile = {
              id: stored.id,
              name: stored.name,
              mediaType: stored.mediaType,
              kind: stored.kind,
              byteSize: stored.byteSize,
              width: stored.width,
              height: stored.height,
            };
            patch(key, { status: 'stored', file: attached, kind: stored.kind, loaded: file.size });
            onStored.current?.(attached);
          })
          .catch((error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return;
            // The server words its refusals (type, size) in French, naming the file and the reason.
            const message =
              isApiError(error) && error.status >= 400 && error.status < 500 && error.message
                ? error.message
                : errorMessage(error);
            patch(key, { status: 'refused', error: message });
          })
          .finally(() => controllers.current.delete(key));
      });

      function refusalOf(file: File): string | null {
        const refusal = checkFile(
          file,
          limits.data && {
            // Outside a fiche only each file's size is limited.
            limits: { ...limits.data, maxFicheBytes: Number.POSITIVE_INFINITY },
            usedBytes: 0,
            pendingBytes: 0,
          },
        );
        if (!refusal) return null;
        if (refusal.reason === 'tooLarge')
          return t('files.attach.tooLarge', {
            name: file.name,
            size: formatByteSize(file.size),
            max: formatByteSize(refusal.maxBytes),
          });
        return t('files.attach.type', { name: file.name });
      }
    },
    [items, limits.data, patch, t, uploadUrl, errorMessage],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setItems((list) => list.filter((item) => item.key !== key));
  }, []);

  /** Empties the list once what was written has been sent (the files now belong to it). */
  const clear = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    controllers.current.clear();
    setItems([]);
  }, []);

  const stored = items.flatMap((item) => (item.file ? [item.file] : []));
  const uploading = items.some((item) => item.status === 'uploading');
  return { items, add, remove, clear, stored, uploading };
}
