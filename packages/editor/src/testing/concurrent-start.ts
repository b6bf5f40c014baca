import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Selection, TextSelection } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { ficheExtensions } from '../extensions';
import { goToSection } from '../go-to-section';
import { FICHE_FRAGMENT } from '../template';

/**
 * What the concurrent-start tests share (the client's, with documents exchanging updates directly, and the
 * server's, through the real collab server): the ways a person puts the caret in an empty section, typing
 * as the browser hands characters to ProseMirror, and reading a section back. Needs a DOM (happy-dom).
 */

/**
 * A writer's editor as the client builds it: the shared extensions bound to `doc`, and, when connected
 * through a provider, everyone's caret (whose mapping CollaborationSelection corrects).
 */
export function writerEditor(
  doc: Y.Doc,
  caret?: { provider: unknown; user: { name: string; color: string } },
): Editor {
  return new Editor({
    element: document.body.appendChild(document.createElement('div')),
    extensions: [
      ...ficheExtensions(),
      Collaboration.configure({ document: doc, field: FICHE_FRAGMENT }),
      ...(caret ? [CollaborationCaret.configure(caret)] : []),
    ],
  });
}

/** A small seeded generator, so that a failing run can be replayed. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Position of the heading of a template section. */
export function headingPos(editor: Editor, section: string): number {
  let found = -1;
  editor.state.doc.forEach((node, offset) => {
    if (found < 0 && node.type.name === 'heading' && node.attrs.section === section) found = offset;
  });
  return found;
}

/** Keys of the template sections, in the document's order (level-2 and level-3 headings). */
export function sectionKeys(editor: Editor): string[] {
  const keys: string[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'heading' && typeof node.attrs.section === 'string') keys.push(node.attrs.section);
  });
  return keys;
}

const select = (editor: Editor, selection: Selection) =>
  editor.view.dispatch(editor.state.tr.setSelection(selection));

/** The ways a person puts the cursor in an empty section. */
export const placements = {
  /** A click on the section in the side panel "Rubriques". */
  panel: (editor: Editor, section: string) => goToSection(editor, section),
  /** A click on the hint line (the empty paragraph under the heading). */
  hint: (editor: Editor, section: string) => {
    const pos = headingPos(editor, section);
    const after = pos + (editor.state.doc.nodeAt(pos)?.nodeSize ?? 0);
    select(editor, TextSelection.create(editor.state.doc, after + 1));
  },
  /** A click at the end of the heading, then the arrow key down to the line under it. */
  keyboard: (editor: Editor, section: string) => {
    const pos = headingPos(editor, section);
    const end = pos + (editor.state.doc.nodeAt(pos)?.nodeSize ?? 0) - 1;
    select(editor, TextSelection.create(editor.state.doc, end));
    const below = Selection.findFrom(editor.state.doc.resolve(end + 1), 1, true);
    if (below) select(editor, below);
  },
  /** A click at the end of the heading, then Enter: a new paragraph under the heading. */
  enter: (editor: Editor, section: string) => {
    const pos = headingPos(editor, section);
    const end = pos + (editor.state.doc.nodeAt(pos)?.nodeSize ?? 0) - 1;
    select(editor, TextSelection.create(editor.state.doc, end));
    editor.commands.keyboardShortcut('Enter');
  },
} as const;
export type Placement = keyof typeof placements;
export const placementNames = Object.keys(placements) as Placement[];

/** How a writer's first letter reaches the document. */
export const starts = ['key', 'late key', 'composition'] as const;
export type Start = (typeof starts)[number];

/** One character as the browser gives it to ProseMirror (a key press, or the end of a composition). */
export function typeChar(editor: Editor, char: string): void {
  const { from, to } = editor.state.selection;
  const handled = editor.view.someProp('handleTextInput', (f) =>
    f(editor.view, from, to, char, () => editor.state.tr.insertText(char, from, to)),
  );
  if (!handled) editor.view.dispatch(editor.state.tr.insertText(char, from, to));
}

/** An input-method composition begins (a dead key, an IME): the first letter is not in the document yet. */
export function startComposition(editor: Editor): void {
  editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart'));
}

/** The composition ends with `char` typed. */
export function endComposition(editor: Editor, char: string): void {
  typeChar(editor, char);
  editor.view.dom.dispatchEvent(new CompositionEvent('compositionend', { data: char }));
}

/** The text written under a section's heading (its paragraphs, up to the next heading). */
export function sectionText(editor: Editor, section: string): string {
  let inside = false;
  const parts: string[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'heading') inside = node.attrs.section === section;
    else if (inside && node.textContent) parts.push(node.textContent);
  });
  return parts.join('\n');
}

/** Sentences with accented first letters (typed through a dead key or an input method on many keyboards). */
export const startSentences = [
  'À Jambes, beaucoup de stagiaires.',
  'Énoncer les objectifs ensemble.',
  'Ça a marché : un stage pour tous.',
  'Toute la formation.',
];

/** One writer's plan for a start: where and how the caret goes, how the first letter comes, what is typed. */
export interface StartPlan {
  section: string;
  placement: Placement;
  start: Start;
  sentence: string;
  typed: number;
}

/**
 * Draws a start for `count` writers from `draw`: distinct sections, a placement and a start for each,
 * and their sentences. The same seed gives the same plan on the client and on the server test.
 */
export function drawPlans(draw: () => number, sections: string[], count: number, seed: number): StartPlan[] {
  const chosen: string[] = [];
  while (chosen.length < count) {
    const section = sections[Math.floor(draw() * sections.length)];
    if (!chosen.includes(section)) chosen.push(section);
  }
  return chosen.map((section, i) => ({
    section,
    placement: placementNames[Math.floor(draw() * placementNames.length)],
    start: starts[Math.floor(draw() * starts.length)],
    sentence: startSentences[(seed + i) % startSentences.length],
    typed: 0,
  }));
}

/** The sentences not found whole in the section their writer chose, described for the failure message. */
export function misplacedSentences(editor: Editor, plans: StartPlan[], seed: number): string[] {
  const misplaced: string[] = [];
  for (const plan of plans) {
    const text = sectionText(editor, plan.section);
    if (text !== plan.sentence)
      misplaced.push(`seed ${seed}, ${plan.placement}, ${plan.start}, in ${plan.section}: "${text}"`);
  }
  return misplaced;
}
