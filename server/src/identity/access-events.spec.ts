import { DomainEventBus } from '../common/events/domain-event-bus';
import { AccessEvents } from './access-events';

describe('AccessEvents', () => {
  it('resolves once every listener re-checked every user, each user once', async () => {
    const events = new AccessEvents(new DomainEventBus());
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    events.onChanged(async (userId) => {
      await slow;
      seen.push(`sockets ${userId}`);
    });
    events.onChanged(async (userId) => {
      seen.push(`documents ${userId}`);
    });
    let done = false;
    const changed = events.changed(['u1', 'u2', 'u1']).then(() => {
      done = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    release();
    await changed;
    expect(seen.sort()).toEqual(['documents u1', 'documents u2', 'sockets u1', 'sockets u2']);
  });

  it('never rejects: a failing listener does not stop the others', async () => {
    const events = new AccessEvents(new DomainEventBus());
    const seen: string[] = [];
    events.onChanged(async () => {
      throw new Error('base de données injoignable');
    });
    events.onChanged(async (userId) => {
      seen.push(userId);
    });
    await expect(events.changed('u1')).resolves.toBeUndefined();
    expect(seen).toEqual(['u1']);
  });
});
