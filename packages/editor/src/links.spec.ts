import { getSchema } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ficheExtensions } from './extensions';
import { documentMarkdown, FICHE_FRAGMENT } from './template';

const refused = [
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://files.example.org',
  '//evil.example/x',
];
const allowed = ['https://www.forem.be/offres', 'mailto:accueil@cpas.be', '/fiches/1234'];

describe('links of a fiche', () => {
  const schema = getSchema(ficheExtensions());
  const hrefOf = (href: string) => {
    const spec = schema.marks.link.spec.toDOM?.(schema.marks.link.create({ href }), true) as DOMOutputSpec;
    return (spec as [string, Record<string, string>])[1].href;
  };

  it('render only the hrefs of the shared rule (a stored javascript: link shows without it)', () => {
    for (const href of refused) expect({ href, rendered: hrefOf(href) }).toEqual({ href, rendered: '' });
    for (const href of allowed) expect(hrefOf(href)).toBe(href);
  });

  it('are exported to Markdown as links only under the shared rule', () => {
    const doc = new Y.Doc();
    const link = (href: string) => ({
      type: 'text',
      text: `lien ${href.slice(0, 4)}`,
      marks: [{ type: 'link', attrs: { href } }],
    });
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [...refused, ...allowed].map((href) => ({ type: 'paragraph', content: [link(href)] })),
      },
      doc.getXmlFragment(FICHE_FRAGMENT),
    );
    const markdown = documentMarkdown(doc);
    for (const href of refused) expect(markdown).not.toContain(`](${href})`);
    for (const href of allowed) expect(markdown).toContain(`](${href})`);
  });
});
