import type { Messages } from './fr';
import type { frComments } from './fr-comments';

/** English strings of the comments feature (same keys as the French file). */
export const enComments: Messages<typeof frComments> = {
  title: 'Comments',
  commentSelection: 'Comment',
  newLabel: 'Your comment',
  submit: 'Post comment',
  replyLabel: 'Reply',
  reply: 'Send reply',
  replies_one: '{{count}} reply',
  replies_other: '{{count}} replies',
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolvedBy: 'Resolved by {{name}}',
  showResolved_one: 'Show the resolved comment ({{count}})',
  showResolved_other: 'Show resolved comments ({{count}})',
  empty: 'No comments. Select a passage of the text, then “Comment” (Ctrl+Alt+M).',
  orphaned: 'Deleted passage',
  orphanedHint: 'The commented text was deleted; the comment is kept with its quote.',
  threadLabel: 'Comment by {{author}}',
  goToPassage: 'Go to the commented passage: ',
};
