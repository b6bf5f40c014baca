import { Id } from '@affluents/contracts';
import * as Y from 'yjs';
import { FICHE_FRAGMENT } from './yjs-template';

/**
 * Names of the two file nodes of the fiche schema (and so of their Y.XmlElement): an image shown in the
 * text, and a file attached as a download. Both carry only the stored file's id (`fileId`) and what
 * readers need to see it; the bytes live in the file store, behind the fiche's access rule.
 */
export const IMAGE_NODE = 'image';
export const FILE_NODE = 'file';

/** A file node as read from a document: its id when it is a well-formed one (a peer can write anything). */
export interface FileReference {
  node: typeof IMAGE_NODE | typeof FILE_NODE;
  fileId: string;
  /** Image: its alt text ('' for a decorative image or one not described yet). File: its name. */
  text: string;
}

/** The `fileId` attribute when it is a UUID, else null: nothing else is ever turned into a URL. */
export function validFileId(value: unknown): string | null {
  return typeof value === 'string' && Id.safeParse(value).success ? value : null;
}

/** The file reference a Y.XmlElement stands for, or null when it is not a (valid) file node. */
export function fileReferenceOf(element: Y.XmlElement): FileReference | null {
  if (element.nodeName !== IMAGE_NODE && element.nodeName !== FILE_NODE) return null;
  const fileId = validFileId(element.getAttribute('fileId'));
  if (!fileId) return null;
  const text = element.getAttribute(element.nodeName === IMAGE_NODE ? 'alt' : 'name');
  return { node: element.nodeName, fileId, text: typeof text === 'string' ? text : '' };
}

/**
 * Every image and file a fiche's text refers to, in reading order (a file used twice is listed once).
 * An explicit stack, not recursion: a document nested deeper than the call stack still reads.
 */
export function fileReferences(doc: Y.Doc): FileReference[] {
  const seen = new Set<string>();
  const references: FileReference[] = [];
  const stack: Array<Y.XmlFragment | Y.XmlElement> = [doc.getXmlFragment(FICHE_FRAGMENT)];
  while (stack.length > 0) {
    const node = stack.pop() as Y.XmlFragment | Y.XmlElement;
    if (node instanceof Y.XmlElement) {
      const reference = fileReferenceOf(node);
      if (reference) {
        if (!seen.has(reference.fileId)) references.push(reference);
        seen.add(reference.fileId);
        continue;
      }
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement) stack.push(child);
    }
  }
  return references;
}
