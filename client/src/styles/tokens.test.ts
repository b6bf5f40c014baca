import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..');

/** Custom properties set at run time, not in a stylesheet: by AppLayout, and by react-aria's popovers. */
const SET_AT_RUN_TIME = new Set(['--app-header-height', '--trigger-width', '--visual-viewport-height']);

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else if (/\.(css|tsx?)$/.test(name)) out.push(full);
  }
  return out;
}

describe('design tokens', () => {
  it('every custom property the styles use is defined (tokens.css or beside its component)', () => {
    const sources = files(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    const defined = new Set(
      sources
        .filter((s) => s.file.endsWith('.css'))
        .flatMap((s) => [...s.text.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1])),
    );
    const undefinedUses = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/var\((--[a-z0-9-]+)/g)]
        .map((m) => m[1])
        .filter((name) => !defined.has(name) && !SET_AT_RUN_TIME.has(name))
        .map((name) => `${path.relative(SRC, file)}: ${name}`),
    );
    expect(undefinedUses).toEqual([]);
  });
});
