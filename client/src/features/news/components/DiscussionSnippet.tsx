import styles from '../news.module.css';
import { parseSnippet } from '../snippet';

/** A search snippet: the matched words in `<mark>`, everything as text (React escapes it; no HTML). */
export function DiscussionSnippet({ snippet }: { snippet: string }) {
  const pieces = parseSnippet(snippet);
  if (pieces.length === 0) return null;
  return (
    <p className={styles.discussionHitSnippet}>
      {pieces.map((piece, index) =>
        piece.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are a fixed sequence, never reordered
          <mark key={index}>{piece.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces are a fixed sequence, never reordered
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}
