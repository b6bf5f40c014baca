import type { Messages } from './fr';
import type { frHome } from './fr-home';

/** English strings of the home page. */
export const enHome: Messages<typeof frHome> = {
  title: 'Home',
  hello: 'Hello {{name}}',
  lede: 'What awaits you this week: your groups, your meetings, the votes and actions waiting for you.',
  guestLede:
    'You are invited to meetings of an exchange group: find them here, with their minutes once published.',
  polls: {
    title: 'Your vote is awaited',
    datePoll: 'Date of the meeting “{{title}}”',
    inThread: 'Discussion “{{title}}”',
    closes: 'Answer before {{date}}',
    voteHere: 'Vote here',
    voteHereFor: 'Vote here: {{question}}',
    hideVote: 'Hide',
    openMeeting: 'Open the meeting',
    openThread: 'Open the discussion',
    voted: 'Vote saved, thank you.',
  },
  meetings: {
    title: 'My next meetings',
    emptyTitle: 'No meeting planned',
    emptyText: 'Your groups’ meetings will appear here as soon as they are planned.',
    guestEmptyText: 'No upcoming meeting for now. The facilitator will let you know of the next invitation.',
    answerFor: 'Your answer for “{{title}}”',
    datePollOpen: 'Date poll open: answer it above.',
    seeAll: 'See my meetings',
    more_one: 'and {{count}} other upcoming meeting',
    more_other: 'and {{count}} other upcoming meetings',
  },
  past: {
    title: 'Past meetings',
    minutes: 'Read the minutes',
    noMinutes: 'Minutes not published yet',
  },
  groups: {
    title: 'My groups',
    unread_one: '{{count}} unread message',
    unread_other: '{{count}} unread messages',
    allRead: 'All read',
    allBassins: 'See every bassin',
  },
  actions: {
    title: 'My actions to do',
    due: 'Due {{date}}',
    overdue: 'Overdue: due {{date}}',
    noDue: 'No due date',
    emptyTitle: 'No action to do',
    emptyText: 'Actions given to you in meetings will appear here, with their due date.',
    seeAll: 'See all my actions',
  },
  publications: {
    title: 'Latest publications of the network',
    emptyTitle: 'No published fiche yet',
    emptyText:
      'Fiches published by the network’s groups will appear here. You can write one from your group.',
    seeAll: 'Open the toolbox',
  },
};
