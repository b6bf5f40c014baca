import { Window } from 'happy-dom';

/**
 * A browser's globals for Tiptap and ProseMirror in a Node test (happy-dom, as the client's tests use). Only
 * what the editor reads is installed, so the server running in the same process keeps Node's own timers,
 * fetch and WebSocket. Import it after the server's modules (PDFKit behaves differently when it sees a
 * `document`) and before anything that loads `@tiptap/*`: ProseMirror reads `navigator` and
 * `document` when its modules load.
 */
const window = new Window({ url: 'http://localhost:3000' });
const names = [
  'window',
  'document',
  'navigator',
  'getSelection',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'MutationObserver',
  'DOMParser',
  'Node',
  'Element',
  'HTMLElement',
  'Text',
  'DocumentFragment',
  'Range',
  'Selection',
  'CompositionEvent',
  'KeyboardEvent',
  'InputEvent',
  'MouseEvent',
  'FocusEvent',
  'ClipboardEvent',
  'DragEvent',
] as const;
const installed = new Map<string, PropertyDescriptor | undefined>();
for (const name of names) {
  installed.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
  const value = (window as unknown as Record<string, unknown>)[name];
  Object.defineProperty(globalThis, name, {
    value: typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(window) : value,
    configurable: true,
    writable: true,
  });
}

/** Puts Node's globals back and closes the window. */
export async function removeDomGlobals(): Promise<void> {
  for (const [name, descriptor] of installed) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
  await window.happyDOM.close();
}
