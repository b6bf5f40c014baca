import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pushApi } from './api/push-api';
import {
  currentSubscription,
  deviceParts,
  deviceState,
  type PushDeviceState,
  type SubscribeRefusal,
  subscribeDevice,
  subscriptionBody,
} from './push-device';

/** What the last action on this device ended with, for the message under the button. */
export type PushDeviceOutcome = 'enabled' | 'disabled' | 'failed' | SubscribeRefusal | null;

/**
 * This device's Web Push, for the profile: where it stands, and turning it on (permission, subscription
 * with the server's key, then the server) or off (the server, then the browser). A subscription found at
 * start is sent again, so that it follows this session (the server forgets it with the session's end).
 */
export function usePushDevice() {
  const { t } = useTranslation();
  const [state, setState] = useState<PushDeviceState | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<PushDeviceOutcome>(null);

  const label = useCallback(() => {
    const { browser, system } = deviceParts(navigator.userAgent);
    return system ? t('push.deviceLabel', { browser, system }) : browser;
  }, [t]);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const found = await deviceState();
        if (found.subscription) await pushApi.subscribe(subscriptionBody(found.subscription, label()));
        if (live) setState(found.state);
      } catch {
        if (live) setState('off');
      }
    })();
    return () => {
      live = false;
    };
  }, [label]);

  const enable = useCallback(async () => {
    setPending(true);
    setOutcome(null);
    try {
      const { publicKey } = await pushApi.publicKey();
      const result = await subscribeDevice(publicKey);
      if ('refused' in result) {
        setOutcome(result.refused);
        if (result.refused !== 'dismissed') setState(result.refused);
        return;
      }
      await pushApi.subscribe(subscriptionBody(result.subscription, label()));
      setState('on');
      setOutcome('enabled');
    } catch {
      setOutcome('failed');
    } finally {
      setPending(false);
    }
  }, [label]);

  const disable = useCallback(async () => {
    setPending(true);
    setOutcome(null);
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        await pushApi.unsubscribe(subscription.endpoint);
        await subscription.unsubscribe();
      }
      setState('off');
      setOutcome('disabled');
    } catch {
      setOutcome('failed');
    } finally {
      setPending(false);
    }
  }, []);

  return { state, pending, outcome, enable, disable };
}
