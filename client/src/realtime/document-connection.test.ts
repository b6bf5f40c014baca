import { describe, expect, it } from 'vitest';
import { closeReasonOf, collabUrl, shouldReconnectAfter } from './document-connection';
import { connectionState } from './use-document-connection';

describe('document connection', () => {
  it('reaches /collab on the page’s origin, encrypted when the page is', () => {
    expect(collabUrl({ protocol: 'https:', host: 'affluents.be' })).toBe('wss://affluents.be/collab');
    expect(collabUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/collab');
  });

  it('stops reconnecting once the session or the access is gone, and retries otherwise', () => {
    expect(closeReasonOf(4401)).toBe('unauthenticated');
    expect(closeReasonOf(4403)).toBe('forbidden');
    expect(closeReasonOf(4422)).toBe('unprocessable');
    expect(closeReasonOf(1006)).toBeNull();
    for (const code of [4401, 4403, 4405, 4413, 4422]) expect(shouldReconnectAfter(code)).toBe(false);
    for (const code of [4400, 4503, 1001, 1006]) expect(shouldReconnectAfter(code)).toBe(true);
  });

  it('says "synced" only once the server confirmed, "offline" as soon as a connection failed', () => {
    const base = { online: true, stopped: false, synced: false, failures: 0 };
    expect(connectionState(base)).toBe('syncing');
    expect(connectionState({ ...base, synced: true })).toBe('synced');
    expect(connectionState({ ...base, failures: 2 })).toBe('offline');
    expect(connectionState({ ...base, synced: true, online: false })).toBe('offline');
    expect(connectionState({ ...base, synced: true, stopped: true })).toBe('offline');
  });
});
