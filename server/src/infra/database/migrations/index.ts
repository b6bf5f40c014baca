import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { CollabDocuments1764000000000 } from './1764000000000-collab-documents';
import { Fiches1764000000100 } from './1764000000100-fiches';
import { FicheVersionsAndSearch1764000000200 } from './1764000000200-fiche-versions-and-search';
import { Discussions1764100000000 } from './1764100000000-discussions';
import { FicheTextMentions1764100000100 } from './1764100000100-fiche-text-mentions';
import { Sessions1764200000000 } from './1764200000000-sessions';
import { MailAttachments1764200000200 } from './1764200000200-mail-attachments';
import { MinutesFicheLinks1764200000400 } from './1764200000400-minutes-fiche-links';
import { FrozenMinutesFacts1764200000500 } from './1764200000500-frozen-minutes-facts';
import { CoalescedFollowedThreadNotifications1764200000800 } from './1764200000800-coalesced-followed-thread-notifications';
import { FicheTextWithoutTemplateHeadings1764300000300 } from './1764300000300-fiche-text-without-template-headings';
import { FicheQuestions1764300001200 } from './1764300001200-fiche-questions';
import { Files1764400001200 } from './1764400001200-files';
import { FilesUnusedSince1764400001300 } from './1764400001300-files-unused-since';
import { MeetingsRenamed1764500000000 } from './1764500000000-meetings-renamed';
import { PublishedViews1764600000000 } from './1764600000000-published-views';
import { NotificationKinds1764910000000 } from './1764910000000-notification-kinds';
import { GroupActivity1764920000000 } from './1764920000000-group-activity';
import { AttachedFiles1764940000000 } from './1764940000000-attached-files';
import { PushSubscriptions1764950000000 } from './1764950000000-push-subscriptions';
import { MinutesAmendmentPassages1764960000000 } from './1764960000000-minutes-amendment-passages';
import { NetworkReachWithoutGuests1764960000100 } from './1764960000100-network-reach-without-guests';

/** Every migration, in order. New migrations are appended, never rewritten: a renaming is a new migration. */
export const migrations = [
  InitialSchema1763900000000,
  CollabDocuments1764000000000,
  Fiches1764000000100,
  FicheVersionsAndSearch1764000000200,
  Discussions1764100000000,
  FicheTextMentions1764100000100,
  Sessions1764200000000,
  MailAttachments1764200000200,
  MinutesFicheLinks1764200000400,
  FrozenMinutesFacts1764200000500,
  CoalescedFollowedThreadNotifications1764200000800,
  FicheTextWithoutTemplateHeadings1764300000300,
  FicheQuestions1764300001200,
  Files1764400001200,
  FilesUnusedSince1764400001300,
  MeetingsRenamed1764500000000,
  PublishedViews1764600000000,
  NotificationKinds1764910000000,
  GroupActivity1764920000000,
  AttachedFiles1764940000000,
  PushSubscriptions1764950000000,
  MinutesAmendmentPassages1764960000000,
  NetworkReachWithoutGuests1764960000100,
];
