import type { z } from 'zod';
import * as contracts from './index';
import { CONTROL_CHARACTER_MESSAGE, FreeText, Label } from './index';

type Schema = z.core.$ZodType;

/** Every string schema reachable from `schema` (object fields, arrays, records, unions, pipes, wrappers). */
function stringLeaves(schema: Schema, path: string, out: Array<{ path: string; schema: Schema }>): void {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (child: unknown, at: string) => stringLeaves(child as Schema, at, out);
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      return;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, Schema>))
        walk(child, `${path}.${key}`);
      return;
    case 'array':
      walk(def.element, `${path}[]`);
      return;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      return;
    case 'union':
      for (const [i, option] of (def.options as Schema[]).entries()) walk(option, `${path}|${i}`);
      return;
    case 'pipe':
      walk(def.in, path);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      walk(def.innerType, path);
      return;
    default:
      return;
  }
}

// What a client sends: request bodies, queries and socket event payloads.
const requestSchemas = Object.entries(contracts).filter(
  ([name, value]) =>
    /(Request|Query|Confirm|Profile|Event)$/.test(name) &&
    typeof value === 'object' &&
    value !== null &&
    '_zod' in value,
) as Array<[string, Schema]>;

describe('free text', () => {
  it('refuses NUL and other control characters, keeps tabs and new lines', () => {
    for (const bad of ['a\u0000b', '\u0000', 'x\u0008', 'x\u000by', '\u001f']) {
      const result = FreeText().safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe(CONTROL_CHARACTER_MESSAGE);
    }
    expect(FreeText().parse('ligne 1\r\n\tligne 2 — été ✓')).toBe('ligne 1\r\n\tligne 2 — été ✓');
    expect(Label(20).safeParse('Titre\u0000').success).toBe(false);
  });

  it('is where every string field of every request schema starts', () => {
    const leaves: Array<{ path: string; schema: Schema }> = [];
    for (const [name, schema] of requestSchemas) stringLeaves(schema, name, leaves);
    for (const [event, schema] of Object.entries(contracts.ClientEventSchemas))
      stringLeaves(schema as Schema, `ClientEventSchemas.${event}`, leaves);
    // The walk reaches the fields this issue was found on, so a schema it misses cannot go unnoticed.
    const paths = leaves.map((l) => l.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'SendMessageRequest.body',
        'ClientEventSchemas.message:send.body',
        'CreateThreadRequest.title',
        'UpdateFicheRequest.themes[]',
        'SearchFichesQuery.q',
        'SearchDiscussionsQuery.q',
        'UpdateMyProfile.displayName',
      ]),
    );
    const accepting = leaves
      .filter(({ schema }) => (schema as z.ZodType).safeParse('texte\u0000valide').success)
      .map((l) => l.path);
    expect(accepting).toEqual([]);
  });
});
