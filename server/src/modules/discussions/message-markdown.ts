import { allowedLinkSchemes, isAllowedHref, mentionPattern } from '@affluents/contracts';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** A mention as written in the source, before the server knows whether it names a member. */
export interface RenderedMessage {
  /** Sanitised HTML of the Markdown subset. */
  html: string;
  /** Plain text, for search, excerpts and emails. */
  bodyText: string;
  /** Members mentioned (only those the resolver accepted). */
  mentions: string[];
  mentionsGroup: boolean;
  /** Link targets, in order of appearance, without duplicates. */
  links: string[];
}

// The subset of the issue: no headings, tables, images, rules or raw HTML (html: false escapes it).
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).disable([
  'heading',
  'lheading',
  'table',
  'image',
  'hr',
  'html_block',
  'html_inline',
]);
// A link the shared rule refuses (javascript:, data:, file:, //host...) stays text: no anchor, no preview.
markdown.validateLink = isAllowedHref;

type Token = ReturnType<typeof markdown.parse>[number];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'em',
    'strong',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'span',
  ],
  allowedAttributes: { a: ['href', 'rel', 'target'], span: ['class', 'data-user-id'], ol: ['start'] },
  allowedClasses: { span: ['mention'] },
  allowedSchemes: [...allowedLinkSchemes],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // The Markdown rule already refused other links; the same rule again guards the HTML itself.
    a: (_tagName, { href }) => ({
      tagName: 'a',
      attribs: {
        ...(href && isAllowedHref(href) ? { href } : {}),
        rel: 'noopener noreferrer nofollow',
        target: '_blank',
      },
    }),
  },
};

// Mentions are swapped for private-use placeholders before Markdown runs, so `[Name](user:...)` is never
// parsed as a link and the placeholders survive escaping untouched.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const placeholder = /\uE000(\d+)\uE001/g;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A message's source with its mentions swapped for placeholders, parsed: where HTML and text both start. */
function parse(body: string): {
  tokens: Token[];
  env: Record<string, unknown>;
  found: Array<{ name: string; userId: string | null }>;
  mentionsGroup: boolean;
} {
  const found: Array<{ name: string; userId: string | null }> = [];
  let mentionsGroup = false;
  const source = body
    .replace(/[\uE000\uE001]/g, '')
    .replace(new RegExp(mentionPattern.source, 'g'), (_m, name: string, target: string) => {
      const userId = target === 'group' ? null : target.slice('user:'.length).toLowerCase();
      if (userId === null) mentionsGroup = true;
      found.push({ name: name.trim(), userId });
      return `${OPEN}${found.length - 1}${CLOSE}`;
    });
  const env: Record<string, unknown> = {};
  return { tokens: markdown.parse(source, env), env, found, mentionsGroup };
}

/** The plain text of parsed tokens, mentions as `@Name`. */
function textOf(tokens: Token[], found: Array<{ name: string }>): string {
  return plainText(tokens)
    .replace(placeholder, (_m, i: string) => `@${found[Number(i)]?.name ?? ''}`)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Renders a message's Markdown into sanitised HTML and plain text. `isMember` says whether a mentioned
 * user id belongs to the thread's group: other mentions are rendered as plain text.
 */
export function renderMessage(body: string, isMember: (userId: string) => boolean): RenderedMessage {
  const { tokens, env, found, mentionsGroup } = parse(body);
  const links: string[] = [];
  collectLinks(tokens, links);
  const rawHtml = markdown.renderer.render(tokens, markdown.options, env);

  const mentions = new Set<string>();
  const mentionHtml = (index: number) => {
    const mention = found[index];
    if (!mention) return '';
    if (mention.userId && isMember(mention.userId)) {
      mentions.add(mention.userId);
      return `<span class="mention" data-user-id="${mention.userId}">@${escapeHtml(mention.name)}</span>`;
    }
    if (mention.userId === null) return `<span class="mention">@${escapeHtml(mention.name)}</span>`;
    return `@${escapeHtml(mention.name)}`;
  };
  const html = sanitizeHtml(
    rawHtml.replace(placeholder, (_m, i: string) => mentionHtml(Number(i))),
    SANITIZE,
  ).trim();
  const bodyText = textOf(tokens, found);
  return { html, bodyText, mentions: [...mentions], mentionsGroup, links: [...new Set(links)] };
}

/** A message's plain text, as `renderMessage` gives it (`bodyText`), without rendering the HTML. */
export function messageText(body: string): string {
  const { tokens, found } = parse(body);
  return textOf(tokens, found);
}

function collectLinks(tokens: Token[], links: string[]): void {
  for (const token of tokens) {
    if (token.type === 'link_open') {
      const href = token.attrGet('href');
      if (href) links.push(String(href));
    }
    if (token.children) collectLinks(token.children, links);
  }
}

function plainText(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'inline':
        text += plainText(token.children ?? []);
        break;
      case 'text':
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'code_block':
      case 'fence':
        text += `${token.content}\n`;
        break;
      case 'paragraph_close':
      case 'list_item_close':
        text += '\n';
        break;
    }
  }
  return text;
}

/** A short excerpt of plain text, cut on a word when possible. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
