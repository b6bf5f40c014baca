import { ClientEventSchemas, serverEventNames } from './realtime';

/** The naming convention written at the top of realtime.ts. */
const NAME = /^[a-z]+:[a-z]+$/;
const IMPERATIVES = new Set([
  'join',
  'leave',
  'send',
  'edit',
  'delete',
  'set',
  'start',
  'mark',
  'goto',
  'end',
  'raise',
  'lower',
  'give',
]);
const HAPPENED = /^(new|live|[a-z]+ed)$/;

describe('socket event names', () => {
  const clientNames = Object.keys(ClientEventSchemas);

  it('are <subject>:<verb> in lower case, both ways', () => {
    expect(clientNames.filter((name) => !NAME.test(name))).toEqual([]);
    expect(serverEventNames.filter((name) => !NAME.test(name))).toEqual([]);
  });

  it('say what the client asks with an imperative', () => {
    expect(clientNames.filter((name) => !IMPERATIVES.has(name.split(':')[1]))).toEqual([]);
  });

  it('say what happened on the server side', () => {
    expect(serverEventNames.filter((name) => !HAPPENED.test(name.split(':')[1]))).toEqual([]);
    expect(serverEventNames).toContain('typing:started');
  });
});
