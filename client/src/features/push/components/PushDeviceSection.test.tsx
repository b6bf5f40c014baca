import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { PushDeviceSection } from './PushDeviceSection';

// The server's VAPID public key: an uncompressed P-256 point (65 bytes) in base64url.
const publicKey = `BA${'A'.repeat(84)}`;
const keyBytes = Uint8Array.from(atob(publicKey.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
  c.charCodeAt(0),
);

/** A browser's push subscription, as PushManager gives it. */
function fakeSubscription(endpoint: string, applicationServerKey: Uint8Array = keyBytes) {
  return {
    endpoint,
    options: { applicationServerKey: applicationServerKey.buffer, userVisibleOnly: true },
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'BPdevice-key', auth: 'secret-auth' } }),
    unsubscribe: vi.fn(async () => true),
  };
}

type FakeSubscription = ReturnType<typeof fakeSubscription>;

/**
 * The browser's APIs at their boundary: the Notification permission, the service worker registration
 * with its PushManager, and fetch for the API.
 */
function browserWith({
  permission,
  answer = permission,
  subscription = null,
  supported = true,
}: {
  permission: NotificationPermission;
  answer?: NotificationPermission;
  subscription?: FakeSubscription | null;
  supported?: boolean;
}) {
  let current = subscription;
  const requestPermission = vi.fn(async () => answer);
  const subscribe = vi.fn(async (_options: PushSubscriptionOptionsInit) => {
    current = fakeSubscription('https://push.example.org/send/new-device');
    return current;
  });
  const pushManager = { getSubscription: vi.fn(async () => current), subscribe };
  if (supported) {
    vi.stubGlobal('PushManager', class {});
    vi.stubGlobal('Notification', { permission, requestPermission });
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { getRegistration: vi.fn(async () => ({ pushManager })) },
    });
  }
  const fetchMock = vi.fn(async (url: string, _init?: RequestInit) =>
    url === '/api/push/public-key' ? jsonResponse(200, { publicKey }) : new Response(null, { status: 204 }),
  );
  vi.stubGlobal('fetch', fetchMock);
  const calls = (method: string) =>
    fetchMock.mock.calls
      .filter(([url, init]) => url === '/api/me/push-subscription' && init?.method === method)
      .map(([, init]) => JSON.parse(String(init?.body)));
  return { requestPermission, subscribe, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('PushDeviceSection', () => {
  it('says so when this browser cannot receive notifications, and offers no button', async () => {
    browserWith({ permission: 'default', supported: false });
    renderWithProviders(<PushDeviceSection />);
    expect(await screen.findByText(/Ce navigateur ne peut pas recevoir de notifications/)).toBeTruthy();
    expect(screen.getByText(/ajoutez d’abord Affluents à l’écran d’accueil/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('turns notifications on: asks permission, subscribes with the server’s key, and tells the server', async () => {
    const browser = browserWith({ permission: 'default', answer: 'granted' });
    renderWithProviders(<PushDeviceSection />);
    expect(screen.getByRole('heading', { name: 'Notifications sur cet appareil' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Activer sur cet appareil' }));

    expect(await screen.findByText('Activées sur cet appareil.')).toBeTruthy();
    expect(browser.requestPermission).toHaveBeenCalledTimes(1);
    const [options] = browser.subscribe.mock.calls[0];
    expect(options.userVisibleOnly).toBe(true);
    expect(Array.from(options.applicationServerKey as Uint8Array)).toEqual(Array.from(keyBytes));
    expect(browser.calls('PUT')).toEqual([
      {
        endpoint: 'https://push.example.org/send/new-device',
        keys: { p256dh: 'BPdevice-key', auth: 'secret-auth' },
        label: expect.any(String),
      },
    ]);
    expect(screen.getByRole('button', { name: 'Désactiver sur cet appareil' })).toBeTruthy();
  });

  it('explains how to unblock notifications when the person refuses them', async () => {
    const browser = browserWith({ permission: 'default', answer: 'denied' });
    renderWithProviders(<PushDeviceSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer sur cet appareil' }));
    expect(await screen.findByText(/Les notifications sont bloquées pour Affluents/)).toBeTruthy();
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(browser.calls('PUT')).toEqual([]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('invites to try again when the permission prompt is closed without an answer', async () => {
    const browser = browserWith({ permission: 'default', answer: 'default' });
    renderWithProviders(<PushDeviceSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer sur cet appareil' }));
    expect(await screen.findByText(/Vous n’avez pas autorisé les notifications/)).toBeTruthy();
    expect(browser.subscribe).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Activer sur cet appareil' })).toBeTruthy();
  });

  it('shows a browser that blocked notifications earlier as blocked', async () => {
    browserWith({ permission: 'denied' });
    renderWithProviders(<PushDeviceSection />);
    expect(await screen.findByText(/Les notifications sont bloquées pour Affluents/)).toBeTruthy();
  });

  it('sends an existing subscription again for this session, and turns it off on the server and in the browser', async () => {
    const subscription = fakeSubscription('https://push.example.org/send/old-device');
    const browser = browserWith({ permission: 'granted', subscription });
    renderWithProviders(<PushDeviceSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver sur cet appareil' }));

    expect(await screen.findByText('Désactivées sur cet appareil.')).toBeTruthy();
    expect(browser.calls('PUT').map((b) => b.endpoint)).toEqual(['https://push.example.org/send/old-device']);
    expect(browser.calls('DELETE')).toEqual([{ endpoint: 'https://push.example.org/send/old-device' }]);
    await waitFor(() => expect(subscription.unsubscribe).toHaveBeenCalledTimes(1));
    expect(browser.requestPermission).not.toHaveBeenCalled();
  });
});
