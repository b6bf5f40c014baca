import type { Subject } from '@affluents/contracts';
import type { EntityManager } from 'typeorm';
import type { UserDirectory } from '../../identity/user-directory';
import type { DiscussionAudience, ThreadGrantKind } from '../discussions/discussion-audience';
import type { FichesService } from '../fiches/fiches.service';
import type { MeetingAudience } from '../meetings/meeting-audience';
import { NotificationAudience } from './notification-audience';

const GROUP = '00000000-0000-4000-8000-0000000000a1';
const OTHER_GROUP = '00000000-0000-4000-8000-0000000000a2';
const AMINA = '00000000-0000-4000-8000-000000000001';
const BRUNO = '00000000-0000-4000-8000-000000000002';
const CLAIRE = '00000000-0000-4000-8000-000000000003';
const DISABLED = '00000000-0000-4000-8000-000000000004';
const THREAD = '00000000-0000-4000-8000-0000000000b1';
const OTHER_THREAD = '00000000-0000-4000-8000-0000000000b2';
const FICHE = '00000000-0000-4000-8000-0000000000c1';
const OTHER_FICHE = '00000000-0000-4000-8000-0000000000c2';
const GONE_FICHE = '00000000-0000-4000-8000-0000000000c3';
const MEETING = '00000000-0000-4000-8000-0000000000d1';
const OTHER_MEETING = '00000000-0000-4000-8000-0000000000d2';

const member = (userId: string, groupId: string): Subject => ({
  userId,
  platformRole: null,
  memberships: [{ groupId, role: 'member' }],
});
// A coordinator outside the group: the follow-up roles do not read the group's discussions nor comments.
const outsider = (userId: string): Subject => ({ userId, platformRole: 'coordinator', memberships: [] });

/** The audience over owners that answer from memory and record what they were asked. */
function audienceOver(owners: {
  subjects?: Subject[];
  grants?: ThreadGrantKind[];
  readableThreads?: string[];
  viewableMeetings?: string[];
  ficheGroups?: Record<string, string>;
}) {
  const asked: string[] = [];
  const dbs: Array<EntityManager | undefined> = [];
  const users = {
    activeSubjectsOf: async (ids: readonly string[], db?: EntityManager) => {
      asked.push('subjects');
      dbs.push(db);
      return new Map((owners.subjects ?? []).filter((s) => ids.includes(s.userId)).map((s) => [s.userId, s]));
    },
  } as unknown as UserDirectory;
  const discussions = {
    grantKinds: async (threadIds: string[], userIds: string[], db?: EntityManager) => {
      asked.push('grants');
      dbs.push(db);
      return (owners.grants ?? []).filter(
        (g) => threadIds.includes(g.threadId) && userIds.includes(g.userId),
      );
    },
    readableThreads: async (_subject: Subject, threadIds: string[]) => {
      asked.push('threads');
      return new Set(threadIds.filter((id) => owners.readableThreads?.includes(id)));
    },
  } as unknown as DiscussionAudience;
  const fiches = {
    groupsOf: async (ids: string[]) => {
      asked.push('fiches');
      return new Map(Object.entries(owners.ficheGroups ?? {}).filter(([id]) => ids.includes(id)));
    },
  } as unknown as FichesService;
  const meetings = {
    viewable: async (_subject: Subject, ids: string[]) => {
      asked.push('meetings');
      return new Set(ids.filter((id) => owners.viewableMeetings?.includes(id)));
    },
  } as unknown as MeetingAudience;
  return { audience: new NotificationAudience(users, discussions, fiches, meetings), asked, dbs };
}

describe('NotificationAudience.threadsViewers', () => {
  it('lets in the members of the thread’s group and the holders of a grant, never a disabled account', async () => {
    const transaction = {} as EntityManager;
    const { audience, asked, dbs } = audienceOver({
      subjects: [member(AMINA, GROUP), member(BRUNO, OTHER_GROUP), outsider(CLAIRE)],
      grants: [{ threadId: OTHER_THREAD, userId: BRUNO, kind: 'former_member' }],
    });
    const viewers = await audience.threadsViewers(
      [
        { thread: { id: THREAD, groupId: GROUP }, userIds: [AMINA, BRUNO, CLAIRE, DISABLED] },
        { thread: { id: OTHER_THREAD, groupId: GROUP }, userIds: [BRUNO, CLAIRE] },
      ],
      transaction,
    );
    expect(viewers.get(THREAD)).toEqual(new Set([AMINA]));
    expect(viewers.get(OTHER_THREAD)).toEqual(new Set([BRUNO]));
    // One ask of each owner for the whole batch, inside the caller's transaction.
    expect(asked).toEqual(['subjects', 'grants']);
    expect(dbs).toEqual([transaction, transaction]);
  });

  it('asks for no grant when no one asked about is active', async () => {
    const { audience, asked } = audienceOver({});
    const viewers = await audience.threadViewers({ id: THREAD, groupId: GROUP }, [DISABLED]);
    expect(viewers).toEqual(new Set());
    expect(asked).toEqual(['subjects']);
  });
});

describe('NotificationAudience.readableTopics', () => {
  it('keeps the threads the discussions module lets the member read and the fiches they may comment', async () => {
    const { audience } = audienceOver({
      readableThreads: [THREAD],
      ficheGroups: { [FICHE]: GROUP, [OTHER_FICHE]: OTHER_GROUP },
      viewableMeetings: [MEETING],
    });
    const readable = await audience.readableTopics(member(AMINA, GROUP), {
      threadIds: [THREAD, OTHER_THREAD],
      ficheIds: [FICHE, OTHER_FICHE, GONE_FICHE],
      meetingIds: [MEETING, OTHER_MEETING],
    });
    expect(readable).toEqual({ threadIds: [THREAD], ficheIds: [FICHE], meetingIds: [MEETING] });
  });

  it('gives a coordinator outside the group none of its fiches (comments are the members’ notes)', async () => {
    const { audience } = audienceOver({ ficheGroups: { [FICHE]: GROUP } });
    const readable = await audience.readableTopics(outsider(CLAIRE), {
      threadIds: [],
      ficheIds: [FICHE],
      meetingIds: [],
    });
    expect(readable).toEqual({ threadIds: [], ficheIds: [], meetingIds: [] });
  });

  it('asks no owner about nothing', async () => {
    const { audience, asked } = audienceOver({});
    expect(
      await audience.readableTopics(member(AMINA, GROUP), { threadIds: [], ficheIds: [], meetingIds: [] }),
    ).toEqual({ threadIds: [], ficheIds: [], meetingIds: [] });
    expect(asked).toEqual([]);
  });
});
