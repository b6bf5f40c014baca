import { WebSocket } from 'ws';

/** A WebSocket class that sends the session cookie (and an Origin, when given) with its upgrade. */
export function cookieSocket(
  cookie: string | null,
  origin?: string,
): new (
  url: string,
  protocols?: string | string[],
) => WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, {
        headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
      });
    }
  };
}
