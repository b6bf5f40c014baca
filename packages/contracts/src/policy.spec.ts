import { type Action, actions, can, type Subject } from './policy';

// Three groups: OWN (the caller's group), SIBLING (another group of the same bassin), FAR (another bassin).
const OWN = '00000000-0000-4000-8000-000000000001';
const SIBLING = '00000000-0000-4000-8000-000000000002';
const FAR = '00000000-0000-4000-8000-000000000003';
type Place = 'own' | 'sibling' | 'far';
const groupOf: Record<Place, string> = { own: OWN, sibling: SIBLING, far: FAR };

const subjects = {
  admin: { userId: 'a', platformRole: 'admin', memberships: [] },
  coordinator: { userId: 'c', platformRole: 'coordinator', memberships: [] },
  facilitator: { userId: 'f', platformRole: null, memberships: [{ groupId: OWN, role: 'facilitator' }] },
  member: { userId: 'm', platformRole: null, memberships: [{ groupId: OWN, role: 'member' }] },
  outsider: { userId: 'o', platformRole: null, memberships: [] },
} satisfies Record<string, Subject>;
type Role = keyof typeof subjects | 'anonymous';

// The expected matrix, written out by hand: for each action and role, the places where it is allowed.
const Y: Place[] = ['own', 'sibling', 'far'];
const OWN_ONLY: Place[] = ['own'];
const N: Place[] = [];
const expected: Record<Action, Record<Role, Place[]>> = {
  'bassin.list': { admin: Y, coordinator: Y, facilitator: Y, member: Y, outsider: Y, anonymous: N },
  'bassin.manage': { admin: Y, coordinator: N, facilitator: N, member: N, outsider: N, anonymous: N },
  'group.view': {
    admin: Y,
    coordinator: Y,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'group.move': { admin: Y, coordinator: N, facilitator: N, member: N, outsider: N, anonymous: N },
  'group.members.manage': {
    admin: Y,
    coordinator: Y,
    facilitator: OWN_ONLY,
    member: N,
    outsider: N,
    anonymous: N,
  },
  'group.facilitators.manage': {
    admin: Y,
    coordinator: Y,
    facilitator: N,
    member: N,
    outsider: N,
    anonymous: N,
  },
  'group.invite': { admin: Y, coordinator: Y, facilitator: OWN_ONLY, member: N, outsider: N, anonymous: N },
  'organisation.list': { admin: Y, coordinator: Y, facilitator: Y, member: Y, outsider: Y, anonymous: N },
  'organisation.manage': { admin: Y, coordinator: Y, facilitator: N, member: N, outsider: N, anonymous: N },
  'user.list': { admin: Y, coordinator: Y, facilitator: N, member: N, outsider: N, anonymous: N },
  'user.manage': { admin: Y, coordinator: Y, facilitator: N, member: N, outsider: N, anonymous: N },
  'user.grant-platform-role': {
    admin: Y,
    coordinator: N,
    facilitator: N,
    member: N,
    outsider: N,
    anonymous: N,
  },
  'fiche.create': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'fiche.view': {
    admin: Y,
    coordinator: Y,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'fiche.edit': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'fiche.publish': { admin: Y, coordinator: Y, facilitator: OWN_ONLY, member: N, outsider: N, anonymous: N },
  'fiche.archive': { admin: Y, coordinator: Y, facilitator: OWN_ONLY, member: N, outsider: N, anonymous: N },
  'fiche.comment': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  // The reach of the fiche's publication is checked by the fiches service.
  'fiche.ask': { admin: Y, coordinator: Y, facilitator: Y, member: Y, outsider: Y, anonymous: N },
  'thread.view': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'thread.create': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'thread.announce': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: N,
    outsider: N,
    anonymous: N,
  },
  'thread.moderate': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: N,
    outsider: N,
    anonymous: N,
  },
  'thread.grant-access': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: N,
    outsider: N,
    anonymous: N,
  },
  'message.post': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'poll.create': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'poll.vote': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'meeting.view': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'meeting.manage': { admin: N, coordinator: N, facilitator: OWN_ONLY, member: N, outsider: N, anonymous: N },
  'meeting.participate': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'activity.view': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
  'meeting.attach': {
    admin: N,
    coordinator: N,
    facilitator: OWN_ONLY,
    member: OWN_ONLY,
    outsider: N,
    anonymous: N,
  },
};

const roles = [...Object.keys(subjects), 'anonymous'] as Role[];
const places: Place[] = ['own', 'sibling', 'far'];
const cases = actions.flatMap((action) =>
  roles.flatMap((role) =>
    places.map((place) => [action, role, place, expected[action][role].includes(place)] as const),
  ),
);

describe('authorization policy matrix (role x action x place)', () => {
  it('covers every action', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  it.each(cases)('%s by %s on the %s group -> %s', (action, role, place, allowed) => {
    const subject = role === 'anonymous' ? null : subjects[role];
    expect(can(subject, action, { groupId: groupOf[place] })).toBe(allowed);
  });

  it('lets a guest of one thread read it, post and vote there, and nothing else', () => {
    const guest = subjects.outsider;
    const target = { groupId: FAR, threadGrant: 'guest' as const };
    expect(can(guest, 'thread.view', target)).toBe(true);
    expect(can(guest, 'message.post', target)).toBe(true);
    expect(can(guest, 'poll.vote', target)).toBe(true);
    expect(can(guest, 'thread.create', target)).toBe(false);
    expect(can(guest, 'thread.moderate', target)).toBe(false);
    expect(can(guest, 'group.view', target)).toBe(false);
  });

  it('lets a former member keep reading a thread, without posting or voting', () => {
    const target = { groupId: FAR, threadGrant: 'former_member' as const };
    expect(can(subjects.outsider, 'thread.view', target)).toBe(true);
    expect(can(subjects.outsider, 'message.post', target)).toBe(false);
    expect(can(subjects.outsider, 'poll.vote', target)).toBe(false);
    expect(can(null, 'thread.view', target)).toBe(false);
  });

  it('lets a guest of one meeting see it and take part, never manage it or see the group', () => {
    const target = { groupId: FAR, meetingGuest: true };
    expect(can(subjects.outsider, 'meeting.view', target)).toBe(true);
    expect(can(subjects.outsider, 'meeting.participate', target)).toBe(true);
    expect(can(subjects.outsider, 'meeting.manage', target)).toBe(false);
    expect(can(subjects.outsider, 'meeting.attach', target)).toBe(false);
    expect(can(subjects.outsider, 'group.view', target)).toBe(false);
    expect(can(subjects.outsider, 'thread.view', target)).toBe(false);
  });

  it('never grants a group-scoped right without a group', () => {
    expect(can(subjects.facilitator, 'group.invite', {})).toBe(false);
    expect(can(subjects.member, 'group.view')).toBe(false);
  });
});
