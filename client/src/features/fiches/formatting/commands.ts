import type { ChainedCommands, Editor } from '@tiptap/core';
import {
  AtSign,
  Bold,
  Heading2,
  Heading3,
  Heading4,
  Image,
  Italic,
  Link,
  List,
  ListOrdered,
  ListTodo,
  type LucideIcon,
  Minus,
  Paperclip,
  Pilcrow,
  Quote,
  Table,
} from 'lucide-react';
import type { frEditor } from '../../../i18n/locales/fr-editor';

/** What the user wants to add: a picture shown in the text, or a document attached to it. */
export type FileKind = 'image' | 'document';
/** Opens the file picker of the fiche (given by the page that stores files); absent, no file can be added. */
export type PickFiles = (kind: FileKind) => void;

export type FormattingCommandId = keyof typeof frEditor.commands;

export interface FormattingCommand {
  id: FormattingCommandId;
  icon: LucideIcon;
  /** Tiptap's key binding for it (e.g. `Mod-b`), shown in tooltips and in the help. */
  shortcut?: string;
}

/** Every formatting command the toolbar, the "/" menu and the help talk about: one icon and one shortcut each. */
export const formattingCommands: Record<FormattingCommandId, FormattingCommand> = {
  paragraph: { id: 'paragraph', icon: Pilcrow, shortcut: 'Mod-Alt-0' },
  heading2: { id: 'heading2', icon: Heading2, shortcut: 'Mod-Alt-2' },
  heading3: { id: 'heading3', icon: Heading3, shortcut: 'Mod-Alt-3' },
  heading4: { id: 'heading4', icon: Heading4, shortcut: 'Mod-Alt-4' },
  bold: { id: 'bold', icon: Bold, shortcut: 'Mod-b' },
  italic: { id: 'italic', icon: Italic, shortcut: 'Mod-i' },
  bulletList: { id: 'bulletList', icon: List, shortcut: 'Mod-Shift-8' },
  orderedList: { id: 'orderedList', icon: ListOrdered, shortcut: 'Mod-Shift-7' },
  taskList: { id: 'taskList', icon: ListTodo, shortcut: 'Mod-Shift-9' },
  link: { id: 'link', icon: Link },
  table: { id: 'table', icon: Table },
  blockquote: { id: 'blockquote', icon: Quote, shortcut: 'Mod-Shift-b' },
  horizontalRule: { id: 'horizontalRule', icon: Minus },
  image: { id: 'image', icon: Image },
  file: { id: 'file', icon: Paperclip },
  mention: { id: 'mention', icon: AtSign },
};

export type TextStyle = 'paragraph' | 'heading2' | 'heading3' | 'heading4';
export const textStyles: readonly TextStyle[] = ['paragraph', 'heading2', 'heading3', 'heading4'];

/** Turns the current block into a paragraph or a heading (on a chain that already has the focus). */
export function setTextStyle(chain: ChainedCommands, style: TextStyle): ChainedCommands {
  if (style === 'paragraph') return chain.setParagraph();
  return chain.setHeading({ level: Number(style.slice(-1)) as 2 | 3 | 4 });
}

/** The style of the block the caret is in; `section` for a heading of the template (which keeps its style). */
export function currentTextStyle(editor: Editor): TextStyle | 'section' | null {
  const { $from } = editor.state.selection;
  const block = $from.parent;
  if (block.type.name === 'heading') {
    if (block.attrs.section) return 'section';
    return `heading${block.attrs.level as 2 | 3 | 4}` as TextStyle;
  }
  if (block.type.name === 'paragraph') return 'paragraph';
  return null;
}

export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Names of the modifier keys as printed on the keyboard of the user's language. */
export interface KeyNames {
  mod: string;
  alt: string;
  shift: string;
}

/** `Mod-Shift-8` → `Ctrl+Maj+8` (or `Cmd+Maj+8` on a Mac). */
export function shortcutText(binding: string, keys: KeyNames): string {
  return binding
    .split('-')
    .map((part) => {
      if (part === 'Mod') return keys.mod;
      if (part === 'Alt') return keys.alt;
      if (part === 'Shift') return keys.shift;
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join('+');
}

/** Lower case without accents, so that "/numerote" finds "Liste numérotée". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
