import { withoutControlCharacters } from '@affluents/contracts';
import * as Y from 'yjs';
import { flattenedText, MAX_DOCUMENT_DEPTH } from './depth';
import { fileReferenceOf } from './files';
import { MENTION_NODE, mentionText } from './mentions';
import { ficheSections } from './sections';
import { FICHE_FRAGMENT } from './yjs-template';

/** Inline content: text, and mentions read as `@Label`. */
const isInline = (node: unknown) =>
  node instanceof Y.XmlText || (node instanceof Y.XmlElement && node.nodeName === MENTION_NODE);

/** The text of one top-level block, with line breaks between nested blocks (lists, tables). */
function blockText(node: Y.XmlElement | Y.XmlText, depth = 1): string {
  if (node instanceof Y.XmlText)
    return node
      .toDelta()
      .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  if (node.nodeName === MENTION_NODE) return mentionText(node);
  // An image reads as its description, a file as its name: found by search, counted as written.
  const file = fileReferenceOf(node);
  if (file) return file.text;
  if (depth >= MAX_DOCUMENT_DEPTH) return flattenedText(node);
  const parts: string[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) parts.push(blockText(child, depth + 1));
  }
  const inline = node.toArray().every(isInline);
  return parts.join(inline ? '' : '\n');
}

/** One section of a document as stored: its key (null before the first heading) and its own text. */
export interface SectionText {
  key: string | null;
  title: string;
  text: string;
  /** Images and files the section holds: a section with a photo and no words is written, not empty. */
  files: number;
}

/** How many image and file nodes `node` holds (itself included); an explicit stack, never recursion. */
function fileCount(node: Y.XmlElement | Y.XmlText): number {
  let count = 0;
  const stack: Array<Y.XmlElement | Y.XmlText> = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Y.XmlElement | Y.XmlText;
    if (current instanceof Y.XmlText) continue;
    if (fileReferenceOf(current)) {
      count += 1;
      continue;
    }
    for (const child of current.toArray()) if (child instanceof Y.XmlElement) stack.push(child);
  }
  return count;
}

/**
 * Splits the document at its level-2 section headings. Text under level-3 sub-headings belongs to the
 * enclosing section; the template's sub-heading titles are not counted as content.
 */
export function sectionTexts(doc: Y.Doc): SectionText[] {
  const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
  const sections: SectionText[] = [];
  let current: SectionText = { key: null, title: '', text: '', files: 0 };
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement || node instanceof Y.XmlText)) continue;
    if (node instanceof Y.XmlElement && node.nodeName === 'heading') {
      const level = Number(node.getAttribute('level'));
      const section = node.getAttribute('section');
      if (level === 2) {
        if (current.key !== null || current.text.trim() || current.files) sections.push(current);
        current = {
          key: typeof section === 'string' ? section : null,
          title: blockText(node),
          text: '',
          files: 0,
        };
        continue;
      }
      // A template heading is never content, even moved to another level; headings people add are.
      if (typeof section === 'string') continue;
    }
    const text = blockText(node).trim();
    if (text) current.text = current.text ? `${current.text}\n${text}` : text;
    current.files += fileCount(node);
  }
  if (current.key !== null || current.text.trim() || current.files) sections.push(current);
  return sections;
}

/**
 * Plain text of what people wrote, for full-text search and stored versions: the template's own headings
 * (those carrying a `section` key) are left out, else every fiche would match "public" or "objectifs"
 * and every snippet would start with a heading; headings people added are their words and stay. Hints
 * are editor decorations, never stored. Sections stay apart (a blank line) so snippets do not glue the
 * end of one section to the start of the next. Yjs takes any character, PostgreSQL no NUL in text:
 * control characters become spaces.
 */
export function documentPlainText(doc: Y.Doc): string {
  return withoutControlCharacters(
    sectionTexts(doc)
      .map((s) => [s.key === null ? s.title : '', s.text].filter(Boolean).join('\n'))
      .filter(Boolean)
      .join('\n\n'),
  );
}

/**
 * Keys of the template sections with neither text nor image nor file (a section whose heading was deleted
 * counts as empty).
 */
export function emptySectionKeys(doc: Y.Doc): string[] {
  const filled = new Set(
    sectionTexts(doc)
      .filter((s) => s.key && (s.text.trim() || s.files > 0))
      .map((s) => s.key),
  );
  return ficheSections.map((s) => s.key).filter((key) => !filled.has(key));
}

const optionalSectionKeys = new Set(ficheSections.filter((s) => !s.required).map((s) => s.key));

/** A template part heading ("Quantitatifs" under "Résultats"): its `section` key is `<section>.<part>`. */
const isTemplatePartHeading = (node: Y.XmlElement | Y.XmlText) =>
  node instanceof Y.XmlElement &&
  node.nodeName === 'heading' &&
  String(node.getAttribute('section') ?? '').includes('.');

/** A block with no words, no image and no file (the template's empty paragraphs). */
const isBlank = (node: Y.XmlElement | Y.XmlText) => !blockText(node).trim() && fileCount(node) === 0;

/**
 * The top-level blocks a reader is shown: every block except the optional template sections nobody wrote,
 * each from its level-2 heading to the next level-2 heading (only its hint and empty parts would show),
 * and, in the sections shown, the template's parts nobody wrote (their heading and the blank blocks under
 * it, down to the next heading). The one rule for the published page, the PDF and the Markdown export.
 */
export function writtenBlocks(doc: Y.Doc): Array<Y.XmlElement | Y.XmlText> {
  const empty = new Set(emptySectionKeys(doc));
  const sections: Array<Y.XmlElement | Y.XmlText> = [];
  let skipping = false;
  for (const node of doc.getXmlFragment(FICHE_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement || node instanceof Y.XmlText)) continue;
    if (
      node instanceof Y.XmlElement &&
      node.nodeName === 'heading' &&
      Number(node.getAttribute('level')) === 2
    ) {
      const key = node.getAttribute('section');
      skipping = typeof key === 'string' && optionalSectionKeys.has(key) && empty.has(key);
    }
    if (!skipping) sections.push(node);
  }
  const blocks: Array<Y.XmlElement | Y.XmlText> = [];
  for (let i = 0; i < sections.length; i++) {
    const node = sections[i];
    if (isTemplatePartHeading(node)) {
      let end = i + 1;
      while (end < sections.length && !isHeading(sections[end]) && isBlank(sections[end])) end += 1;
      if (end === sections.length || isHeading(sections[end])) {
        i = end - 1;
        continue;
      }
    }
    blocks.push(node);
  }
  return blocks;
}

const isHeading = (node: Y.XmlElement | Y.XmlText) =>
  node instanceof Y.XmlElement && node.nodeName === 'heading';

/**
 * Removes from a local copy of a document the blocks `writtenBlocks` leaves out, so an editor rendering
 * that copy shows what a reader of the PDF sees. Never for a shared document: the removal would sync.
 */
export function removeUnwrittenSections(doc: Y.Doc): void {
  const kept = new Set<unknown>(writtenBlocks(doc));
  const fragment = doc.getXmlFragment(FICHE_FRAGMENT);
  doc.transact(() => {
    for (let i = fragment.length - 1; i >= 0; i--) if (!kept.has(fragment.get(i))) fragment.delete(i, 1);
  });
}
