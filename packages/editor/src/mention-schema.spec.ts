import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ficheExtensions } from './extensions';
import { documentMarkdown, FICHE_FRAGMENT, mentionedUserIds, sectionTexts } from './template';

describe('the mention node of the fiche schema', () => {
  it('is stored by Collaboration as a "mention" element that the Yjs-only helpers read', () => {
    const schema = getSchema(ficheExtensions());
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          {
            type: 'heading',
            attrs: { level: 2, section: 'contexte' },
            content: [{ type: 'text', text: 'Contexte' }],
          },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Merci ' },
              { type: 'mention', attrs: { id: 'user-1', label: 'Amina Lahlou' } },
              { type: 'text', text: ' !' },
            ],
          },
        ],
      },
      doc.getXmlFragment(FICHE_FRAGMENT),
    );
    expect(mentionedUserIds(doc)).toEqual(['user-1']);
    expect(sectionTexts(doc)).toEqual([
      { key: 'contexte', title: 'Contexte', text: 'Merci @Amina Lahlou !', files: 0 },
    ]);
    expect(documentMarkdown(doc)).toBe('## Contexte\n\nMerci @Amina Lahlou !');
  });
});
