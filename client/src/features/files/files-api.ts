import { routes } from '@affluents/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api-client';

export const fileKeys = {
  fiche: (ficheId: string) => ['files', 'fiche', ficheId] as const,
};

/** A fiche's files, the space they use and the limits: read before uploading, to refuse early. */
export function useFicheFiles(ficheId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: fileKeys.fiche(ficheId ?? ''),
    queryFn: ({ signal }) => call(routes.files.list, { params: { id: ficheId ?? '' }, signal }),
    enabled: enabled && ficheId !== undefined,
    // The limits are a courtesy check: without them the server still judges every file.
    retry: false,
    staleTime: 30_000,
  });
}
