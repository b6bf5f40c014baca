import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { CollabDocuments1764000000000 } from './1764000000000-collab-documents';
import { Fiches1764000000100 } from './1764000000100-fiches';
import { FicheVersionsAndSearch1764000000200 } from './1764000000200-fiche-versions-and-search';
import { Discussions1764100000000 } from './1764100000000-discussions';

/** Every migration, in order. New migrations are appended, never rewritten (STYLE.md). */
export const migrations = [
  InitialSchema1763900000000,
  CollabDocuments1764000000000,
  Fiches1764000000100,
  FicheVersionsAndSearch1764000000200,
  Discussions1764100000000,
];
