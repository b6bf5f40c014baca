import type { SnippetPart } from '@affluents/contracts';
import listStyles from './fiche-list.module.css';

/**
 * A search snippet: the server sends plain text in parts, the matched words flagged; they are rendered as
 * text (never as HTML), the matches in `<mark>`. A snippet with matches is an excerpt, so it is shown as one.
 */
export function SearchSnippet({ parts }: { parts: readonly SnippetPart[] }) {
  if (parts.length === 0) return null;
  const excerpt = parts.some((part) => part.match);
  return (
    <p className={listStyles.searchHitSnippet}>
      {excerpt && <span aria-hidden="true">… </span>}
      {parts.map((part, index) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence, never reordered
          <mark key={index}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence, never reordered
          <span key={index}>{part.text}</span>
        ),
      )}
      {excerpt && <span aria-hidden="true"> …</span>}
    </p>
  );
}
