import { DomainEventBus } from '../common/events/domain-event-bus';
import { loadConfig } from '../config/app-config';
import { CollabEvents } from './collab-events';

describe('CollabEvents stored', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  let bus: DomainEventBus;
  const events = () => {
    bus = new DomainEventBus();
    return new CollabEvents(loadConfig({ COLLAB_STORED_EVENT_DELAY_MS: '2000' }), bus);
  };

  it('announces a document once after a quiet period', async () => {
    const collab = events();
    const heard: string[] = [];
    bus.on('document.stored', ({ docName }) => {
      heard.push(docName);
    });
    collab.stored('fiche:a');
    await jest.advanceTimersByTimeAsync(1500);
    collab.stored('fiche:a');
    await jest.advanceTimersByTimeAsync(1500);
    expect(heard).toEqual([]);
    await jest.advanceTimersByTimeAsync(600);
    expect(heard).toEqual(['fiche:a']);
  });

  it('still announces a document stored without pause, at most five quiet periods after the first store', async () => {
    const collab = events();
    const heardAt: number[] = [];
    const start = Date.now();
    bus.on('document.stored', () => {
      heardAt.push(Date.now() - start);
    });
    // A store every second for 25 s: never 2 s of quiet.
    for (let i = 0; i < 25; i++) {
      collab.stored('fiche:busy');
      await jest.advanceTimersByTimeAsync(1000);
    }
    expect(heardAt.length).toBeGreaterThanOrEqual(2);
    expect(heardAt[0]).toBeLessThanOrEqual(10_000);
    for (let i = 1; i < heardAt.length; i++) expect(heardAt[i] - heardAt[i - 1]).toBeLessThanOrEqual(11_000);
  });

  it('announces pending stores at once on drain and waits for their listeners', async () => {
    const collab = events();
    const heard: string[] = [];
    bus.on('document.stored', async ({ docName }) => {
      await Promise.resolve();
      heard.push(docName);
    });
    collab.stored('fiche:a');
    collab.stored('fiche:b');
    await collab.drain();
    expect(heard.sort()).toEqual(['fiche:a', 'fiche:b']);
    await jest.advanceTimersByTimeAsync(5000);
    expect(heard).toHaveLength(2);
  });
});
