import { isAllowedHref } from '@affluents/contracts';
import { type AnyExtension, Extension } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Mention, { type MentionOptions } from '@tiptap/extension-mention';
import { TableKit } from '@tiptap/extension-table';
import { CharacterCount } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { CollaborationSelection } from './collaboration-selection';
import { FicheFile, FicheImage } from './file-nodes';
import { SectionHints } from './section-hints';

/**
 * Keeps the template section key of a heading (`section` attribute, rendered as data-section), so
 * the side panel and the server can tell which section a paragraph belongs to.
 */
export const SectionHeadings = Extension.create({
  name: 'sectionHeadings',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          section: {
            default: null,
            parseHTML: (element: HTMLElement) => element.getAttribute('data-section'),
            renderHTML: (attrs: { section?: string | null }) =>
              attrs.section ? { 'data-section': attrs.section } : {},
          },
        },
      },
    ];
  },
});

/** How the editor suggests members after `@` (the client's popup); absent, mentions are only shown. */
export type FicheMentionSuggestion = MentionOptions['suggestion'];

/**
 * A member mentioned in the text: an inline atom whose `id` is the user id and `label` their display
 * name, shown as a chip "@Amina Lahlou". The server notifies newly mentioned members when it stores
 * the document.
 */
export function ficheMention(suggestion: FicheMentionSuggestion = {}): AnyExtension {
  return Mention.configure({
    HTMLAttributes: { class: 'mention' },
    suggestion: { char: '@', ...suggestion },
  });
}

/**
 * The extensions of a fiche document, shared by every editor. Undo/redo is left out: with
 * collaboration, history comes from Yjs (the client adds Collaboration and CollaborationCaret, whose
 * cursor mapping CollaborationSelection corrects).
 */
export function ficheExtensions(
  options: { mentionSuggestion?: FicheMentionSuggestion } = {},
): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      // The shared link rule, for typed, pasted and auto-detected links and for links already stored
      // (a peer can write any href into the document: it is rendered without it).
      link: { openOnClick: false, isAllowedUri: (url) => isAllowedHref(url) },
    }),
    SectionHeadings,
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    CharacterCount,
    FicheImage,
    FicheFile,
    SectionHints,
    CollaborationSelection,
    ficheMention(options.mentionSuggestion),
  ];
}
