import {
  acceptedFileExtensions,
  acceptedMediaTypes,
  documentMediaTypes,
  type FileKind,
  type FileLimits,
  imageMediaTypes,
} from '@affluents/contracts';

const imageExtensions: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp', '.gif'];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** Browsers give no type (or a generic one) for files they do not know: the name is then the only hint. */
function hasNoKnownType(file: File): boolean {
  return file.type === '' || file.type === 'application/octet-stream';
}

/** What a file will most likely become once the server has read it: an image in the text or a download. */
export function likelyKind(file: File): FileKind {
  if ((imageMediaTypes as readonly string[]).includes(file.type)) return 'image';
  if (hasNoKnownType(file) && imageExtensions.includes(extensionOf(file.name))) return 'image';
  return 'document';
}

/** The `accept` attribute of the file picker for each kind (a hint: the server reads the content). */
export function acceptFor(kind: FileKind): string {
  const types: readonly string[] = kind === 'image' ? imageMediaTypes : documentMediaTypes;
  const extensions = (acceptedFileExtensions as readonly string[]).filter(
    (extension) => imageExtensions.includes(extension) === (kind === 'image'),
  );
  return [...types, ...extensions].join(',');
}

/** Why a file is refused before it is sent (the server checks again, from the content). */
export type FileRefusal =
  | { reason: 'type' }
  | { reason: 'tooLarge'; maxBytes: number }
  | { reason: 'ficheFull'; freeBytes: number; maxBytes: number };

/**
 * The first check a file fails on this side, or null: its type (from the browser, or its name when the
 * browser does not know it) and, when the limits are known, its size and the fiche's remaining space.
 * `pendingBytes` counts the uploads already under way.
 */
export function checkFile(
  file: File,
  space?: { limits: FileLimits; usedBytes: number; pendingBytes: number },
): FileRefusal | null {
  const typeKnown = acceptedMediaTypes.includes(file.type);
  const nameKnown = (acceptedFileExtensions as readonly string[]).includes(extensionOf(file.name));
  if (!typeKnown && !(hasNoKnownType(file) && nameKnown)) return { reason: 'type' };
  if (!space) return null;
  const { limits, usedBytes, pendingBytes } = space;
  if (file.size > limits.maxFileBytes) return { reason: 'tooLarge', maxBytes: limits.maxFileBytes };
  const freeBytes = Math.max(0, limits.maxFicheBytes - usedBytes - pendingBytes);
  if (file.size > freeBytes) return { reason: 'ficheFull', freeBytes, maxBytes: limits.maxFicheBytes };
  return null;
}
