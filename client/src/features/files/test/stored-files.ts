import type { StoredFile } from '@affluents/contracts';
import { ficheId } from '../../../test/fixtures';

export { ficheId };

const createdBy = { id: '00000000-0000-4000-8000-000000000005', displayName: 'Sophie Lambert' };

/** A PDF stored in the fiche, as the upload answers. */
export const storedPdf: StoredFile = {
  id: '00000000-0000-4000-8000-0000000000f1',
  attachedTo: 'fiche',
  ficheId,
  meetingId: null,
  meetingSection: null,
  name: 'programme.pdf',
  mediaType: 'application/pdf',
  kind: 'document',
  byteSize: 2048,
  width: null,
  height: null,
  createdBy,
  createdAt: '2026-12-05T06:00:00.000Z',
};

/** A photo stored in the fiche, as the upload answers. */
export const storedPhoto: StoredFile = {
  id: '00000000-0000-4000-8000-0000000000e1',
  attachedTo: 'fiche',
  ficheId,
  meetingId: null,
  meetingSection: null,
  name: 'atelier.jpg',
  mediaType: 'image/jpeg',
  kind: 'image',
  byteSize: 4096,
  width: 1200,
  height: 800,
  createdBy,
  createdAt: '2026-12-05T06:01:00.000Z',
};
