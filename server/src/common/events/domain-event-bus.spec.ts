import { Logger } from '@nestjs/common';
import { DomainEventBus } from './domain-event-bus';

describe('DomainEventBus', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('gives each listener of an event its payload, and nothing of other events', async () => {
    const bus = new DomainEventBus();
    const heard: string[] = [];
    bus.on('meeting.scheduled', ({ meetingId }) => void heard.push(`a ${meetingId}`));
    bus.on('meeting.scheduled', ({ meetingId }) => void heard.push(`b ${meetingId}`));
    bus.on('meeting.changed', ({ meetingId, change }) => void heard.push(`${change} ${meetingId}`));
    await bus.emit('meeting.scheduled', { meetingId: 'm1' });
    expect(heard.sort()).toEqual(['a m1', 'b m1']);
  });

  it('runs listeners in the background: emit returns before they run', async () => {
    const bus = new DomainEventBus();
    const heard: string[] = [];
    bus.on('access.changed', ({ userId }) => void heard.push(userId));
    const done = bus.emit('access.changed', { userId: 'u1' });
    expect(heard).toEqual([]);
    await done;
    expect(heard).toEqual(['u1']);
  });

  it('never rejects: a failing listener is logged and the others still run', async () => {
    const bus = new DomainEventBus();
    const heard: string[] = [];
    bus.on('access.changed', async () => {
      throw new Error('base de données injoignable');
    });
    bus.on('access.changed', ({ userId }) => void heard.push(userId));
    await expect(bus.emit('access.changed', { userId: 'u1' })).resolves.toBeUndefined();
    expect(heard).toEqual(['u1']);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(
      'access.changed listener failed: base de données injoignable',
    );
  });

  it('settled() waits for listeners already started, and for the events they emit', async () => {
    const bus = new DomainEventBus();
    const heard: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    bus.on('meeting.scheduled', async ({ meetingId }) => {
      await slow;
      void bus.emit('meeting.guest-invited', { meetingId, userId: 'u1' });
    });
    bus.on('meeting.guest-invited', async ({ userId }) => {
      await new Promise((resolve) => setImmediate(resolve));
      heard.push(userId);
    });
    void bus.emit('meeting.scheduled', { meetingId: 'm1' });
    let settled = false;
    const waiting = bus.settled().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    await waiting;
    expect(heard).toEqual(['u1']);
  });

  it('forgets a listener once removed', async () => {
    const bus = new DomainEventBus();
    const heard: string[] = [];
    const off = bus.on('document.stored', ({ docName }) => void heard.push(docName));
    expect(bus.listens('document.stored')).toBe(true);
    off();
    expect(bus.listens('document.stored')).toBe(false);
    await bus.emit('document.stored', { docName: 'fiche:a' });
    expect(heard).toEqual([]);
  });
});
