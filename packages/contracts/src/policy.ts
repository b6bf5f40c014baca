import type { MembershipRole, PlatformRole } from './enums';

/**
 * The one authorization policy of Affluents: who may do which action on which resource.
 * The server enforces it on every route (and later every socket handshake and event); the client
 * uses the same function only to hide what the user cannot do.
 */

/** Everything a user may attempt, named `resource.verb`. */
export const actions = [
  'bassin.list',
  'bassin.manage',
  'group.view',
  'group.move',
  'group.members.manage',
  'group.facilitators.manage',
  'group.invite',
  'organisation.list',
  'organisation.manage',
  'user.list',
  'user.manage',
  'user.grant-platform-role',
  'fiche.create',
  'fiche.view',
  'fiche.edit',
  'fiche.publish',
  'fiche.archive',
  'fiche.comment',
  'fiche.ask',
  'thread.view',
  'thread.create',
  'thread.announce',
  'thread.moderate',
  'thread.grant-access',
  'message.post',
  'poll.create',
  'poll.vote',
  'meeting.view',
  'meeting.manage',
  'meeting.participate',
  'activity.view',
  'meeting.attach',
] as const;
export type Action = (typeof actions)[number];

/** Who is asking: the signed-in user and their group roles. `null` means not signed in. */
export interface Subject {
  userId: string;
  platformRole: PlatformRole | null;
  memberships: ReadonlyArray<{ groupId: string; role: MembershipRole }>;
}

/** What the action is about. Group-scoped actions need `groupId`. */
export interface Target {
  groupId?: string;
  /**
   * For thread actions: the caller's explicit access to this one thread, when they are not a member of
   * its group (a guest invited to it, or a former member a facilitator let keep reading).
   */
  threadGrant?: 'guest' | 'former_member';
  /** For meeting actions: the caller is a guest invited to this one meeting. */
  meetingGuest?: boolean;
}

type Rule = (subject: Subject, target: Target) => boolean;

const isAdmin: Rule = (s) => s.platformRole === 'admin';
const isCoordinator: Rule = (s) => s.platformRole === 'coordinator' || s.platformRole === 'admin';
const anySignedIn: Rule = () => true;
const roleInGroup = (s: Subject, t: Target) =>
  t.groupId ? s.memberships.find((m) => m.groupId === t.groupId)?.role : undefined;
const memberOfGroup: Rule = (s, t) => roleInGroup(s, t) !== undefined;
const facilitatorOfGroup: Rule = (s, t) => roleInGroup(s, t) === 'facilitator';
const invitedGuest: Rule = (_s, t) => t.threadGrant === 'guest';
const meetingGuest: Rule = (_s, t) => t.meetingGuest === true;
const anyThreadGrant: Rule = (_s, t) => t.threadGrant !== undefined;
const either =
  (...rules: Rule[]): Rule =>
  (s, t) =>
    rules.some((rule) => rule(s, t));

const rules: Record<Action, Rule> = {
  'bassin.list': anySignedIn,
  'bassin.manage': isAdmin,
  // A group's members list stays inside the group: social workers talk under shared professional secrecy.
  'group.view': either(isCoordinator, memberOfGroup),
  'group.move': isAdmin,
  'group.members.manage': either(isCoordinator, facilitatorOfGroup),
  'group.facilitators.manage': isCoordinator,
  'group.invite': either(isCoordinator, facilitatorOfGroup),
  'organisation.list': anySignedIn,
  'organisation.manage': isCoordinator,
  'user.list': isCoordinator,
  'user.manage': isCoordinator,
  'user.grant-platform-role': isAdmin,
  // Drafts belong to their group: its members write them; coordinators follow them read-only.
  'fiche.create': memberOfGroup,
  'fiche.view': either(isCoordinator, memberOfGroup),
  'fiche.edit': memberOfGroup,
  'fiche.publish': either(isCoordinator, facilitatorOfGroup),
  'fiche.archive': either(isCoordinator, facilitatorOfGroup),
  // Comments are the group's working notes on a draft: its members only, never the follow-up roles.
  'fiche.comment': memberOfGroup,
  // Any reader of a published fiche may ask its authors a question; whether the fiche's publication reaches
  // them is the fiches service's check (like reading it), not a group role.
  'fiche.ask': anySignedIn,
  // Discussions stay inside the group (shared professional secrecy): coordinators do not read them.
  'thread.view': either(memberOfGroup, anyThreadGrant),
  'thread.create': memberOfGroup,
  'thread.announce': facilitatorOfGroup,
  'thread.moderate': facilitatorOfGroup,
  'thread.grant-access': facilitatorOfGroup,
  'message.post': either(memberOfGroup, invitedGuest),
  'poll.create': memberOfGroup,
  'poll.vote': either(memberOfGroup, invitedGuest),
  // A guest sees the one meeting they are invited to (its agenda, thread, minutes), nothing else.
  'meeting.view': either(memberOfGroup, meetingGuest),
  'meeting.manage': facilitatorOfGroup,
  'meeting.participate': either(memberOfGroup, meetingGuest),
  // « Nouveautés » of a group: its members only (a coordinator or a guest reads each thing where it is).
  'activity.view': memberOfGroup,
  // Files of the agenda and the minutes come from the group; its guests read them (meeting.view).
  'meeting.attach': memberOfGroup,
};

/** True when `subject` may perform `action` on `target`. Anonymous callers may do nothing. */
export function can(subject: Subject | null, action: Action, target: Target = {}): boolean {
  if (!subject) return false;
  return rules[action](subject, target);
}
