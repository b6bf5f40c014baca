// Calls the journeys make to the server as the signed-in person, and polling for what is stored.
import type { Page } from '@playwright/test';

// biome-ignore lint/suspicious/noExplicitAny: the journeys read whatever fields the route answers with.
export type Json = any;

/** A same-origin JSON call from the page, with its session cookie and Origin, as the client makes it. */
export async function api(page: Page, method: string, path: string, body?: unknown): Promise<Json> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
        credentials: 'same-origin',
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, path, body },
  );
}

/** A same-origin GET of a file (a Markdown export, a calendar file): status, content type and body text. */
export function fetchText(
  page: Page,
  url: string,
  credentials: RequestCredentials = 'same-origin',
): Promise<{ status: number; type: string; disposition: string | null; text: string }> {
  return page.evaluate(
    async ({ url, credentials }) => {
      const response = await fetch(url, { credentials });
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        disposition: response.headers.get('content-disposition'),
        text: await response.text(),
      };
    },
    { url, credentials },
  );
}

/** Polls until `check` holds (e.g. what was typed is stored by the server before going on). */
export async function eventually(check: () => Promise<boolean>, label: string, timeoutMs = 15_000) {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${label}: not true after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Makes `email` a member of a bassin's group of `kind`, through the API of a page signed in as the
 * administration; a member already is left as is. Journeys that need a member another journey removes
 * (journey (f) removes Claire from Namur's social workers) call it first, so that no journey relies on the order.
 */
export async function ensureMember(admin: Page, bassin: string, kind: string, email: string): Promise<void> {
  await admin.evaluate(
    async ({ bassin, kind, email }) => {
      const bassins: Array<{ name: string; groups: Array<{ id: string; kind: string }> }> = await (
        await fetch('/api/bassins')
      ).json();
      const group = bassins.find((b) => b.name === bassin)?.groups.find((g) => g.kind === kind);
      const users: Array<{ id: string; email: string }> = await (
        await fetch(`/api/users?q=${encodeURIComponent(email.split('@')[0])}`)
      ).json();
      const user = users.find((u) => u.email === email);
      if (!group || !user) throw new Error(`no ${kind} group in ${bassin}, or no account ${email}`);
      const res = await fetch(`/api/groups/${group.id}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: user.id }),
      });
      // 409: a member already.
      if (!res.ok && res.status !== 409) throw new Error(`adding ${email} to ${bassin}: ${res.status}`);
    },
    { bassin, kind, email },
  );
}
