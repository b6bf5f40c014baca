import { vi } from 'vitest';

/**
 * A stand-in for the browser's XMLHttpRequest in unit tests: records what is sent and lets the test drive
 * the upload's progress and the answer.
 */
export class FakeXhr extends EventTarget {
  static sent: FakeXhr[] = [];
  readonly upload = new EventTarget();
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  statusText = '';
  responseText = '';
  aborted = false;
  private responseHeaders: Record<string, string> = {};

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }

  abort() {
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }

  /** `loaded` of `total` bytes have left. */
  progress(loaded: number, total: number) {
    this.upload.dispatchEvent(
      Object.assign(new Event('progress'), { lengthComputable: true, loaded, total }),
    );
  }

  /** The server answers. */
  respond(status: number, body: unknown, { statusText = '', json = true } = {}) {
    this.status = status;
    this.statusText = statusText;
    this.responseText = json ? JSON.stringify(body) : String(body);
    this.responseHeaders = json ? { 'content-type': 'application/json; charset=utf-8' } : {};
    this.dispatchEvent(new Event('load'));
  }

  /** The connection breaks. */
  fail() {
    this.dispatchEvent(new Event('error'));
  }
}

/** Replaces XMLHttpRequest for the current test (restored by `vi.unstubAllGlobals`). */
export function stubXhr() {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
}

/** The upload sent last: fails the test when there is none. */
export function lastUpload(): FakeXhr {
  const xhr = FakeXhr.sent.at(-1);
  if (!xhr) throw new Error('no upload was sent');
  return xhr;
}
