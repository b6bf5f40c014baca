import { mentionPattern } from '@affluents/contracts';
import type { ReactNode } from 'react';
import styles from './comments.module.css';

/** A comment's text with `@[Name](user:<id>)` tokens shown as mentions. */
export function CommentBody({ body }: { body: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(new RegExp(mentionPattern.source, 'g'))) {
    const index = match.index ?? 0;
    if (index > last) parts.push(body.slice(last, index));
    parts.push(
      <span key={index} className={styles.mention}>
        @{match[1]}
      </span>,
    );
    last = index + match[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return <p className={styles.cardBody}>{parts}</p>;
}
