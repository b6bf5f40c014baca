import { randomFillSync } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { ficheFilesPath } from '@affluents/contracts';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';

export const MiB = 1024 * 1024;

/** Uploads `bytes` as `filename` (typed `contentType` when given) to a fiche's files, as the holder of `agent`. */
export const upload = (
  agent: TestAgent,
  ficheId: string,
  bytes: Buffer,
  filename: string,
  contentType?: string,
) => agent.post(ficheFilesPath(ficheId)).attach('file', bytes, { filename, contentType });

/** A ZIP whose entries are stored uncompressed, in order (enough for type detection: Office, ODF). */
export function storedZip(entries: Array<[string, string | Buffer]>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    parts.push(header, fileName, data);
  }
  return Buffer.concat(parts);
}

/** Bytes that start like a PDF, `size` long (the rest random: nothing compresses or repeats). */
export function pdfBytes(size: number, fill: (buffer: Buffer) => void): Buffer {
  const bytes = Buffer.alloc(size);
  fill(bytes);
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1').copy(bytes);
  return bytes;
}

/** A PDF-looking file of `size` random bytes. */
export const randomPdf = (size: number) => pdfBytes(size, (b) => randomFillSync(b));

/** A Word document as file-type recognises it ([Content_Types].xml first, as Word writes it). */
export const docxBytes = () =>
  storedZip([
    [
      '[Content_Types].xml',
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ['word/document.xml', '<w:document/>'],
  ]);

/** An OpenDocument text: its first entry, `mimetype`, names the type. */
export const odtBytes = () =>
  storedZip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<office:document-content/>'],
  ]);

/** A Compound File (the container of .doc, .xls, .ppt, and of .msi too). */
export function compoundFileBytes(): Buffer {
  const bytes = Buffer.alloc(4096);
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(bytes);
  return bytes;
}

/** How many rows the files feature holds: file rows, stored contents and their chunks. */
export async function fileRowCounts(
  dataSource: DataSource,
): Promise<{ files: number; contents: number; chunks: number }> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM files)::int AS files, (SELECT count(*) FROM file_contents)::int AS contents,
            (SELECT count(*) FROM file_chunks)::int AS chunks`,
  );
  return row;
}
