import { fileDisplayPath, fileDownloadPath, isAllowedHref } from '@affluents/contracts';
import * as Y from 'yjs';
import { flattenedText, MAX_DOCUMENT_DEPTH } from './depth';
import { FILE_NODE, fileReferenceOf, IMAGE_NODE } from './files';
import { MENTION_NODE, mentionText } from './mentions';
import { writtenBlocks } from './text';

type Delta = Array<{ insert?: unknown; attributes?: Record<string, unknown> }>;

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** How the Markdown is written. */
export interface MarkdownOptions {
  /**
   * Put before the file paths of images and attached files (`https://affluents.example`), so the links
   * work outside the app; without it they stay paths (`/api/files/<id>`).
   */
  fileBaseUrl?: string;
}

/** Inline text with its marks (bold, italic, strike, code, links) in Markdown. */
function inline(node: Y.XmlElement | Y.XmlText, depth: number): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Delta)
      .map(({ insert, attributes = {} }) => {
        if (typeof insert !== 'string') return '';
        let out = attributes.code ? `\`${insert.replace(/`/g, '')}\`` : escapeMarkdown(insert);
        if (attributes.bold) out = `**${out}**`;
        if (attributes.italic) out = `*${out}*`;
        if (attributes.strike) out = `~~${out}~~`;
        const link = attributes.link as { href?: string } | undefined;
        // A link the shared rule refuses (javascript:, data:...) is exported as its text alone.
        if (link?.href && isAllowedHref(link.href)) out = `[${out}](${link.href})`;
        return out;
      })
      .join('');
  }
  if (node.nodeName === 'hardBreak') return '  \n';
  if (node.nodeName === MENTION_NODE) return escapeMarkdown(mentionText(node));
  if (depth >= MAX_DOCUMENT_DEPTH) return escapeMarkdown(flattenedText(node).replace(/\n/g, ' '));
  return children(node)
    .map((c) => inline(c, depth + 1))
    .join('');
}

const children = (node: Y.XmlElement | Y.XmlFragment) =>
  node
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);

/**
 * One block (and its nested blocks) as Markdown lines. Content nested beyond MAX_DOCUMENT_DEPTH is
 * written as plain lines, without its structure.
 */
function block(
  node: Y.XmlElement | Y.XmlText,
  depth: number,
  options: MarkdownOptions,
  indent = '',
): string[] {
  if (node instanceof Y.XmlText || node.nodeName === MENTION_NODE) return [indent + inline(node, depth)];
  if (node.nodeName === IMAGE_NODE || node.nodeName === FILE_NODE) {
    // An image is shown (its screen version), an attached file is a link to its download; a node
    // without a valid file id has nothing to point at and is left out.
    const reference = fileReferenceOf(node);
    if (!reference) return [];
    const base = options.fileBaseUrl?.replace(/\/$/, '') ?? '';
    const label = escapeMarkdown(reference.text.replace(/\s+/g, ' ').trim());
    return reference.node === IMAGE_NODE
      ? [`${indent}![${label}](${base}${fileDisplayPath(reference.fileId)})`]
      : [`${indent}[${label || 'Fichier joint'}](${base}${fileDownloadPath(reference.fileId)})`];
  }
  if (depth >= MAX_DOCUMENT_DEPTH)
    return flattenedText(node)
      .split('\n')
      .map((line) => indent + escapeMarkdown(line));
  switch (node.nodeName) {
    case 'heading':
      return [`${'#'.repeat(Number(node.getAttribute('level')) || 2)} ${inline(node, depth)}`];
    case 'paragraph': {
      const text = inline(node, depth);
      return text ? [indent + text] : [];
    }
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return children(node).flatMap((item, i) => {
        const checked = item instanceof Y.XmlElement && item.getAttribute('checked');
        const marker =
          node.nodeName === 'orderedList'
            ? `${i + 1}.`
            : node.nodeName === 'taskList'
              ? `- [${checked ? 'x' : ' '}]`
              : '-';
        const [first = '', ...rest] =
          item instanceof Y.XmlElement
            ? children(item).flatMap((c) => block(c, depth + 2, options, `${indent}  `))
            : [];
        return [`${indent}${marker} ${first.trimStart()}`, ...rest];
      });
    case 'blockquote':
      return children(node).flatMap((c) => block(c, depth + 1, options).map((l) => `> ${l}`));
    case 'codeBlock':
      return [
        '```',
        node
          .toArray()
          .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
          .join(''),
        '```',
      ];
    case 'horizontalRule':
      return ['---'];
    case 'table': {
      const rows = children(node).map((row) =>
        row instanceof Y.XmlElement
          ? children(row).map((cell) =>
              cell instanceof Y.XmlElement
                ? children(cell)
                    .map((c) => inline(c, depth + 3))
                    .join(' ')
                : '',
            )
          : [],
      );
      if (rows.length === 0) return [];
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      return [line(rows[0]), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)];
    }
    default:
      return children(node).flatMap((c) => block(c, depth + 1, options, indent));
  }
}

/**
 * The fiche's document as Markdown, its template headings included, except the optional sections nobody
 * wrote (the rule the PDF and the published page follow).
 */
export function documentMarkdown(doc: Y.Doc, options: MarkdownOptions = {}): string {
  return writtenBlocks(doc)
    .map((node) => block(node, 1, options).join('\n'))
    .filter((chunk) => chunk.length > 0)
    .join('\n\n');
}
