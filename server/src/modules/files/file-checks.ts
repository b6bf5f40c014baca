import { documentMediaTypes, type FileKind, formatByteSize, imageMediaTypes } from '@affluents/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest, payloadTooLarge, unsupportedMediaType } from '../../common/errors/app-error';

/** Bytes read before deciding a file's type: enough for the first entries of an Office or ODF zip. */
export const TYPE_SAMPLE_BYTES = 256 * 1024;

/** Longest file name kept (characters); longer ones are cut before their extension. */
export const MAX_FILE_NAME_LENGTH = 180;

/** What the content says a file is, when it is on the allow-list. */
export interface RecognisedType {
  mediaType: string;
  kind: FileKind;
}

const images = new Set<string>(imageMediaTypes);
const documents = new Set<string>(documentMediaTypes);

/**
 * Old Office files (.doc, .xls, .ppt) are Compound File containers, like other Windows formats (.msi):
 * the container is recognised from the content, the application from the name's extension.
 */
const compoundFileTypes: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The type of a file from its first bytes (`sample`, at most TYPE_SAMPLE_BYTES; the whole file when
 * shorter), never from its name or the type the browser sent; null when it is not on the allow-list.
 * Text formats (SVG, HTML, scripts) have no signature and are never recognised.
 */
export async function recogniseType(sample: Uint8Array, name: string): Promise<RecognisedType | null> {
  const detected = await fileTypeFromBuffer(sample);
  if (!detected) return null;
  if (images.has(detected.mime)) return { mediaType: detected.mime, kind: 'image' };
  if (documents.has(detected.mime)) return { mediaType: detected.mime, kind: 'document' };
  if (detected.mime === 'application/x-cfb') {
    const mediaType = compoundFileTypes[extensionOf(name)];
    if (mediaType) return { mediaType, kind: 'document' };
  }
  return null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"]/g;

/**
 * The name a file is kept under: the last part of what the browser sent (no folders), without control
 * characters, bidirectional overrides (which disguise "gpj.exe" as "exe.jpg") or double quotes, spaces
 * tidied, at most MAX_FILE_NAME_LENGTH characters with its extension kept; "fichier" when nothing is left.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const name = base.replace(UNSAFE_IN_NAMES, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name || 'fichier';
  const extension = extensionOf(name);
  const keep = extension && extension.length < 16 ? extension.length + 1 : 0;
  return `${chars
    .slice(0, MAX_FILE_NAME_LENGTH - keep)
    .join('')
    .trim()}${keep ? `.${extension}` : ''}`;
}

/** The allow-list in words, as the refusal says it. */
export const ACCEPTED_TYPES_LABEL =
  'images JPEG, PNG, WebP, GIF, documents PDF, Word, Excel, PowerPoint ou OpenDocument';

/** The French refusals of an upload, each naming the file and the reason. */
export const fileErrors = {
  missingFile: () =>
    badRequest(
      'Aucun fichier reçu : envoyez-le dans le champ « file » d’un formulaire multipart/form-data.',
      [{ path: 'file', message: 'Fichier manquant' }],
    ),
  notMultipart: () =>
    badRequest('Le fichier doit être envoyé en multipart/form-data, dans le champ « file ».', [
      { path: 'file', message: 'Envoi multipart/form-data attendu' },
    ]),
  empty: (name: string) =>
    badRequest(`Le fichier « ${name} » est vide.`, [{ path: 'file', message: 'Fichier vide' }]),
  refusedType: (name: string) =>
    unsupportedMediaType(`Le fichier « ${name} » n’est pas d’un type accepté : ${ACCEPTED_TYPES_LABEL}.`),
  unreadableImage: (name: string) =>
    unsupportedMediaType(
      `L’image « ${name} » est illisible ou abîmée : enregistrez-la à nouveau (JPEG ou PNG) puis réessayez.`,
    ),
  imageTooLarge: (name: string, maxPixels: number) =>
    payloadTooLarge(
      `L’image « ${name} » compte plus de ${Math.round(maxPixels / 1e6)} millions de pixels : réduisez-la puis réessayez.`,
    ),
  fileTooLarge: (name: string, maxFileBytes: number) =>
    payloadTooLarge(
      `Le fichier « ${name} » dépasse ${formatByteSize(maxFileBytes)}, la taille maximale d’un fichier.`,
    ),
  ficheFull: (name: string, maxFicheBytes: number, remainingBytes: number) =>
    payloadTooLarge(
      `Les fichiers de cette fiche dépassent ${formatByteSize(maxFicheBytes)} avec « ${name} », la place maximale d’une fiche` +
        (remainingBytes > 0
          ? ` (il reste ${formatByteSize(remainingBytes)}).`
          : ' (il ne reste plus de place).'),
    ),
  tooSlow: (name: string, minutes: number) =>
    badRequest(`L’envoi du fichier « ${name} » a duré plus de ${minutes} minutes : il est interrompu.`, [
      { path: 'file', message: 'Envoi trop long' },
    ]),
};

/**
 * The checks an upload's bytes pass as they stream: its type decided on its first TYPE_SAMPLE_BYTES
 * (nothing goes on before), its size counted against the file limit and what is left of the fiche's.
 * An image's bytes are also kept, to make its screen version (at most the file limit in memory).
 */
export class UploadCheck {
  private type: RecognisedType | null = null;
  private image: Buffer[] | null = null;

  constructor(
    private readonly name: string,
    private readonly limits: { maxFileBytes: number; maxFicheBytes: number; remaining: number },
  ) {}

  /** The bytes of `stream` that passed, for the store; throws the French refusal of the first check failed. */
  async *bytes(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const { maxFileBytes, maxFicheBytes, remaining } = this.limits;
    let total = 0;
    let sample: Buffer[] = [];
    let sampled = 0;
    const decide = async () => {
      const head = Buffer.concat(sample);
      sample = [];
      this.type = await recogniseType(head, this.name);
      if (!this.type) throw fileErrors.refusedType(this.name);
      if (this.type.kind === 'image') this.image = [head];
      return head;
    };
    for await (const piece of stream) {
      total += piece.length;
      if (total > maxFileBytes) throw fileErrors.fileTooLarge(this.name, maxFileBytes);
      if (total > remaining) throw fileErrors.ficheFull(this.name, maxFicheBytes, remaining);
      if (this.type) {
        this.image?.push(piece);
        yield piece;
        continue;
      }
      sample.push(piece);
      sampled += piece.length;
      if (sampled >= TYPE_SAMPLE_BYTES) yield await decide();
    }
    if (total === 0) throw fileErrors.empty(this.name);
    if (!this.type) yield await decide();
  }

  /** The type recognised, once every byte has passed. */
  recognised(): RecognisedType {
    if (!this.type) throw new Error('upload not checked yet');
    return this.type;
  }

  /** The whole image, once (then forgotten here). */
  takeImage(): Buffer {
    const bytes = Buffer.concat(this.image ?? []);
    this.image = null;
    return bytes;
  }
}
