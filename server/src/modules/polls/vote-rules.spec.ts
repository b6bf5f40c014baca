import type { CastVoteRequest, PollKind } from '@affluents/contracts';
import { AppError } from '../../common/errors/app-error';
import { checkVote, isPollOpen, quorumReached } from './vote-rules';

const options = new Set(['a', 'b', 'c']);

/** The 400 that `checkVote` throws, as the client receives it (status, field path, message). */
function refusal(kind: PollKind, vote: CastVoteRequest) {
  try {
    checkVote(kind, options, vote);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, path: err.fieldErrors?.[0]?.path, message: err.message };
  }
  throw new Error('the vote was accepted');
}

describe('checkVote', () => {
  describe('a proposal (consent)', () => {
    it('keeps the position and the reason, and nothing of the other kinds', () => {
      expect(checkVote('proposal', options, { position: 'agree', optionIds: ['a'], reason: 'Oui' })).toEqual({
        position: 'agree',
        optionIds: [],
        dateAnswers: {},
        reason: 'Oui',
      });
    });

    it('needs a position', () => {
      expect(refusal('proposal', { reason: 'Je ne sais pas' })).toEqual({
        status: 400,
        path: 'position',
        message: 'Choisissez votre position sur la proposition',
      });
    });

    it('refuses an objection without a reason, even an empty one', () => {
      for (const vote of [{ position: 'block' as const }, { position: 'block' as const, reason: '' }]) {
        expect(refusal('proposal', vote)).toEqual({
          status: 400,
          path: 'reason',
          message: 'Une objection doit être accompagnée d’une raison',
        });
      }
    });

    it('accepts an objection that says why, and a disagreement without a reason', () => {
      expect(
        checkVote('proposal', options, { position: 'block', reason: 'Contraire à la charte' }),
      ).toMatchObject({ position: 'block', reason: 'Contraire à la charte' });
      expect(checkVote('proposal', options, { position: 'disagree', reason: '' })).toMatchObject({
        position: 'disagree',
        reason: null,
      });
    });
  });

  describe('a single choice', () => {
    it('takes exactly one of its options', () => {
      expect(checkVote('single', options, { optionIds: ['b'], position: 'agree' })).toEqual({
        position: null,
        optionIds: ['b'],
        dateAnswers: {},
        reason: null,
      });
    });

    it('counts a repeated option once', () => {
      expect(checkVote('single', options, { optionIds: ['b', 'b'] }).optionIds).toEqual(['b']);
    });

    it('refuses none or two', () => {
      for (const optionIds of [[], ['a', 'b']]) {
        expect(refusal('single', { optionIds })).toEqual({
          status: 400,
          path: 'optionIds',
          message: 'Choisissez exactement une option',
        });
      }
      expect(refusal('single', {})).toMatchObject({ path: 'optionIds' });
    });

    it('refuses an option of another poll', () => {
      expect(refusal('single', { optionIds: ['z'] })).toEqual({
        status: 400,
        path: 'optionIds',
        message: 'Ce choix n’appartient pas à ce sondage',
      });
    });
  });

  describe('a multiple choice', () => {
    it('takes one or more of its options', () => {
      expect(checkVote('multiple', options, { optionIds: ['a', 'c', 'a'] }).optionIds).toEqual(['a', 'c']);
      expect(checkVote('multiple', options, { optionIds: ['a', 'b', 'c'] }).optionIds).toHaveLength(3);
    });

    it('refuses none', () => {
      expect(refusal('multiple', { optionIds: [] })).toEqual({
        status: 400,
        path: 'optionIds',
        message: 'Choisissez au moins une option',
      });
    });

    it('refuses a known option mixed with a foreign one', () => {
      expect(refusal('multiple', { optionIds: ['a', 'z'] })).toMatchObject({ path: 'optionIds' });
    });
  });

  describe('a date poll', () => {
    it('keeps the answers for its own slots only', () => {
      expect(
        checkVote('dates', options, {
          dateAnswers: { a: 'yes', c: 'maybe' },
          optionIds: ['b'],
          reason: 'Mardi',
        }),
      ).toEqual({ position: null, optionIds: [], dateAnswers: { a: 'yes', c: 'maybe' }, reason: 'Mardi' });
    });

    it('needs an answer for at least one slot', () => {
      for (const vote of [{}, { dateAnswers: {} }]) {
        expect(refusal('dates', vote)).toEqual({
          status: 400,
          path: 'dateAnswers',
          message: 'Répondez pour au moins un créneau',
        });
      }
    });

    it('names the slot that is not the poll’s', () => {
      expect(refusal('dates', { dateAnswers: { a: 'no', z: 'yes' } })).toEqual({
        status: 400,
        path: 'dateAnswers.z',
        message: 'Ce créneau n’appartient pas à ce sondage',
      });
    });
  });
});

describe('isPollOpen', () => {
  const now = new Date('2031-03-03T10:00:00Z');
  const later = new Date('2031-03-03T10:00:01Z');
  const earlier = new Date('2031-03-03T09:59:59Z');

  it('is open before its closing time while nobody closed it', () => {
    expect(isPollOpen({ closedAt: null, closesAt: later }, now)).toBe(true);
  });

  it('is closed from its closing time on', () => {
    expect(isPollOpen({ closedAt: null, closesAt: now }, now)).toBe(false);
    expect(isPollOpen({ closedAt: null, closesAt: earlier }, now)).toBe(false);
  });

  it('is closed once closed by hand, even before its closing time', () => {
    expect(isPollOpen({ closedAt: earlier, closesAt: later }, now)).toBe(false);
  });
});

describe('quorumReached', () => {
  it('is reached from the quorum on, not before', () => {
    expect(quorumReached(3, 2)).toBe(false);
    expect(quorumReached(3, 3)).toBe(true);
    expect(quorumReached(3, 4)).toBe(true);
  });

  it('is always reached without a quorum', () => {
    expect(quorumReached(null, 0)).toBe(true);
  });
});
