import { getSchema } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirror } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ficheExtensions } from './extensions';
import { FICHE_FRAGMENT, fileReferences } from './template';

const described = '00000000-0000-4000-8000-0000000000e1';
const decorative = '00000000-0000-4000-8000-0000000000e2';
const pending = '00000000-0000-4000-8000-0000000000e3';

describe('the image node: described, decorative, or not described yet', () => {
  const schema = getSchema(ficheExtensions());
  const image = (fileId: string, alt: string | null) => ({
    type: 'image',
    attrs: { fileId, alt, width: null, height: null },
  });
  const json = {
    type: 'doc',
    content: [image(described, 'Un vélo'), image(decorative, ''), image(pending, null)],
  };

  it('keeps the three apart through the shared document', () => {
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, json, doc.getXmlFragment(FICHE_FRAGMENT));
    const back = yXmlFragmentToProsemirror(schema as never, doc.getXmlFragment(FICHE_FRAGMENT));
    const alts: unknown[] = [];
    back.forEach((node) => {
      alts.push(node.attrs.alt);
    });
    expect(alts).toEqual(['Un vélo', '', null]);
    // Readers of the Yjs document alone (exports) see no alt text for the last two.
    expect(fileReferences(doc).map((reference) => reference.text)).toEqual(['Un vélo', '', '']);
  });

  it('renders an empty alt for an image not described yet, and keeps it undescribed through copy and paste', () => {
    const node = schema.nodeFromJSON(json);
    const rendered: Array<Record<string, string | undefined>> = [];
    node.forEach((child) => {
      const spec = schema.nodes.image.spec.toDOM?.(child) as DOMOutputSpec;
      rendered.push((spec as [string, Record<string, string | undefined>])[1]);
    });
    expect(rendered.map((attrs) => attrs.alt)).toEqual(['Un vélo', '', '']);
    expect(
      rendered.map((attrs) => 'data-undescribed' in attrs && attrs['data-undescribed'] !== undefined),
    ).toEqual([false, false, true]);
    // Pasted back (the parse rule reads the rendered attributes): the last one is still to be described.
    const rule = schema.nodes.image.spec.parseDOM?.[0];
    const element = (attrs: Record<string, string | undefined>) =>
      ({
        getAttribute: (name: string) => attrs[name] ?? null,
        hasAttribute: (name: string) => attrs[name] !== undefined,
      }) as unknown as HTMLElement;
    const parsed = rendered.map(
      (attrs) => schema.nodes.image.create(rule?.getAttrs?.(element(attrs)) || null).attrs.alt,
    );
    expect(parsed).toEqual(['Un vélo', '', null]);
  });
});
