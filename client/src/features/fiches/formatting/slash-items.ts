import type { Editor, Range } from '@tiptap/core';
import type { LucideIcon } from 'lucide-react';
import { type FormattingCommandId, foldForSearch, formattingCommands, type PickFiles } from './commands';
import type { FormattingLabels } from './use-formatting-labels';

/** One choice of the "/" menu. */
export interface SlashItem {
  id: FormattingCommandId;
  label: string;
  description: string;
  icon: LucideIcon;
  /** Applies the choice where the "/" was typed, that text removed. */
  run: (editor: Editor, range: Range) => void;
}

/** What the "/" menu offers depends on the editor it is in. */
export interface SlashContext {
  labels: FormattingLabels;
  /** Adds an image or a document; absent, "Image" and "Fichier" are not offered. */
  pickFiles?: PickFiles;
  /** The editor suggests members after "@". */
  mentions: boolean;
}

const separators = /[\s'’()-]+/;

const at = (editor: Editor, range: Range) => editor.chain().focus().deleteRange(range);

const actions: Partial<
  Record<FormattingCommandId, (editor: Editor, range: Range, context: SlashContext) => void>
> = {
  heading2: (e, r) => at(e, r).setHeading({ level: 2 }).run(),
  heading3: (e, r) => at(e, r).setHeading({ level: 3 }).run(),
  heading4: (e, r) => at(e, r).setHeading({ level: 4 }).run(),
  bulletList: (e, r) => at(e, r).toggleBulletList().run(),
  orderedList: (e, r) => at(e, r).toggleOrderedList().run(),
  taskList: (e, r) => at(e, r).toggleTaskList().run(),
  table: (e, r) => at(e, r).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  blockquote: (e, r) => at(e, r).toggleBlockquote().run(),
  horizontalRule: (e, r) => at(e, r).setHorizontalRule().run(),
  image: (e, r, c) => {
    at(e, r).run();
    c.pickFiles?.('image');
  },
  file: (e, r, c) => {
    at(e, r).run();
    c.pickFiles?.('document');
  },
  // The mention list of the editor opens on the "@" like when it is typed.
  mention: (e, r) => at(e, r).insertContent('@').run(),
};

/** The order of the "/" menu: headings, lists, blocks, files, people. */
const order: FormattingCommandId[] = [
  'heading2',
  'heading3',
  'heading4',
  'bulletList',
  'orderedList',
  'taskList',
  'table',
  'blockquote',
  'horizontalRule',
  'image',
  'file',
  'mention',
];

/**
 * The choices of the "/" menu matching what was typed after the "/": each typed word must begin a word
 * of the choice's name or search words, accents and case aside ("/tab" finds "Tableau", "/numerote" finds
 * "Liste numérotée"). Choices whose name begins with the query come first.
 */
export function slashItems(query: string, context: SlashContext): SlashItem[] {
  const typed = foldForSearch(query).split(separators).filter(Boolean);
  const offered = order.filter(
    (id) =>
      ((id !== 'image' && id !== 'file') || context.pickFiles !== undefined) &&
      (id !== 'mention' || context.mentions),
  );
  const matches = offered.flatMap((id) => {
    const label = context.labels.label(id);
    const words = foldForSearch(`${label} ${context.labels.keywords(id)}`).split(separators);
    if (!typed.every((q) => words.some((w) => w.startsWith(q)))) return [];
    const run = actions[id];
    if (!run) return [];
    const item: SlashItem = {
      id,
      label,
      description: context.labels.description(id),
      icon: formattingCommands[id].icon,
      run: (editor, range) => run(editor, range, context),
    };
    return [item];
  });
  const first = typed.join(' ');
  const startsWith = (item: SlashItem) => foldForSearch(item.label).startsWith(first);
  return [...matches.filter(startsWith), ...matches.filter((item) => !startsWith(item))];
}
