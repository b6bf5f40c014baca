import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../..');

/** Where the screens are built: they take their controls from the kit (components/ui), never make their own. */
const SCREENS = ['features', 'pages'];

/** What only the kit may write, each with the kit's answer. */
const RULES: ReadonlyArray<{ what: string; pattern: RegExp }> = [
  {
    what: "an import from 'react-aria-components' (take it from components/ui: a kit component or index.ts)",
    pattern: /\bfrom\s+['"]react-aria-components['"]|\bimport\(\s*['"]react-aria-components['"]\s*\)/g,
  },
  {
    what: 'a raw <input>, <select>, <textarea>, <button> or <table> (TextField, SelectField, Button, Table...)',
    pattern: /<(input|select|textarea|button|table)\b/g,
  },
  {
    what: 'a hand-written listbox (SuggestionList, SelectField, ComboBoxField)',
    pattern: /\brole\s*[=:]\s*\{?\s*['"`]listbox['"`]|setAttribute\(\s*['"]role['"]\s*,\s*['"]listbox['"]/g,
  },
];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    // Tests query roles and build fixtures; they are not screens.
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Comments may name what they do not use ("why not react-aria's ListBox"). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every breach of the rules in the screens, as "file:line: what". */
function kitBreaches(root = SRC): string[] {
  const breaches: string[] = [];
  for (const file of SCREENS.flatMap((dir) => sources(path.join(root, dir)))) {
    const text = withoutComments(readFileSync(file, 'utf8'));
    for (const { what, pattern } of RULES) {
      for (const match of text.matchAll(pattern)) {
        const line = text.slice(0, match.index).split('\n').length;
        breaches.push(`${path.relative(root, file)}:${line}: ${what}`);
      }
    }
  }
  return breaches;
}

describe('the kit boundary', () => {
  it('features and pages take every control, list, menu, table and dialog from components/ui', () => {
    expect(kitBreaches()).toEqual([]);
  });

  it('is found where it is broken', () => {
    const sample = [
      "import { Link } from 'react-aria-components';",
      '<textarea value={body} />',
      '<div role="listbox" aria-label="x" />',
      '<table className="x">',
      '<button type="button" onClick={go}>',
    ].join('\n');
    const found = RULES.flatMap(({ pattern }) =>
      [...withoutComments(sample).matchAll(pattern)].map((m) => m[0]),
    );
    expect(found).toHaveLength(5);
    expect(withoutComments("// <input> is not here\nconst a = 'http://x'; // <table>")).not.toMatch(
      /<input|<table/,
    );
  });
});
