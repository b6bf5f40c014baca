/**
 * The one rule for links written by users (messages, fiche text, exports, previews): the web, mail, and
 * the app's own paths. Everything else (javascript:, data:, vbscript:, file:, protocol-relative
 * `//host`, relative paths without a leading slash) is shown as text, never as a link.
 */
export const allowedLinkSchemes = ['http', 'https', 'mailto'] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Browsers drop tabs and new lines anywhere in a URL and controls or spaces around it: `java\tscript:`
// runs as `javascript:`. The rule judges the URL as the browser will read it.
const IGNORED_INSIDE = /[\t\n\r]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const IGNORED_AROUND = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

/**
 * What a user-written `href` points to under the rule: `external` (http, https, mailto), `app` (a path of
 * the app, e.g. `/fiches/<id>`), or null when it must stay text.
 */
export function linkTarget(href: string): 'external' | 'app' | null {
  const url = href.replace(IGNORED_INSIDE, '').replace(IGNORED_AROUND, '');
  if (url.startsWith('/')) {
    // `//host` and `/\host` leave the app (the browser reads a backslash as a slash).
    return url.length === 1 || (url[1] !== '/' && url[1] !== '\\') ? 'app' : null;
  }
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  return scheme !== undefined && (allowedLinkSchemes as readonly string[]).includes(scheme)
    ? 'external'
    : null;
}

/** True when `href` may become a link: http(s), mailto, or an app path such as `/fiches/<id>`. */
export function isAllowedHref(href: string): boolean {
  return linkTarget(href) !== null;
}
