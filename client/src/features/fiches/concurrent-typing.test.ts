import { ficheExtensions } from '@affluents/editor';
import { FICHE_FRAGMENT, ficheTemplateUpdate } from '@affluents/editor/template';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { Selection, TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { goToSection } from './go-to-section';

// Several writers start typing in different empty sections of a new fiche before any of them has
// received the others' first keystrokes: each sentence must stay in the section its writer chose.
// The editors are the client's (the shared extension list with Collaboration); the network between
// them delivers each writer's Yjs updates to the others in order, at moments a seeded draw decides.

const REMOTE = Symbol('remote');

/** A small seeded generator, so that a failing run can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Writer {
  doc: Y.Doc;
  editor: Editor;
  /** Updates made here and not yet delivered, per receiving writer. */
  outbox: Uint8Array[][];
}

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function writers(count: number): Writer[] {
  const template = ficheTemplateUpdate();
  const all: Writer[] = [];
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, template, REMOTE);
    const editor = new Editor({
      element: document.body.appendChild(document.createElement('div')),
      extensions: [...ficheExtensions(), Collaboration.configure({ document: doc, field: FICHE_FRAGMENT })],
    });
    editors.push(editor);
    const writer: Writer = { doc, editor, outbox: Array.from({ length: count }, () => []) };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      writer.outbox.forEach((box, to) => {
        if (to !== i) box.push(update);
      });
    });
    all.push(writer);
  }
  return all;
}

function deliverOne(all: Writer[], from: number, to: number): boolean {
  const update = all[from].outbox[to].shift();
  if (!update) return false;
  Y.applyUpdate(all[to].doc, update, REMOTE);
  return true;
}

function deliverAll(all: Writer[]) {
  for (let from = 0; from < all.length; from++)
    for (let to = 0; to < all.length; to++) while (deliverOne(all, from, to));
}

function headingPos(editor: Editor, section: string): number {
  let found = -1;
  editor.state.doc.forEach((node, offset) => {
    if (found < 0 && node.type.name === 'heading' && node.attrs.section === section) found = offset;
  });
  return found;
}

const select = (editor: Editor, selection: Selection) =>
  editor.view.dispatch(editor.state.tr.setSelection(selection));

/** The ways a person puts the cursor in an empty section. */
const placements = {
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
type Placement = keyof typeof placements;

/** One character as the browser gives it to ProseMirror (a key press, or the end of a composition). */
function typeChar(editor: Editor, char: string) {
  const { from, to } = editor.state.selection;
  const handled = editor.view.someProp('handleTextInput', (f) =>
    f(editor.view, from, to, char, () => editor.state.tr.insertText(char, from, to)),
  );
  if (!handled) editor.view.dispatch(editor.state.tr.insertText(char, from, to));
}

/** The text written under a section's heading (its paragraphs, up to the next heading). */
function sectionText(editor: Editor, section: string): string {
  let inside = false;
  const parts: string[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'heading') inside = node.attrs.section === section;
    else if (inside && node.textContent) parts.push(node.textContent);
  });
  return parts.join('\n');
}

const sentences = [
  'À Jambes, beaucoup de stagiaires.',
  'Énoncer les objectifs ensemble.',
  'Ça a marché : un stage pour tous.',
  'Toute la formation.',
];

/**
 * Runs one concurrent start: each writer places the cursor in its own empty section, every writer's first
 * character is typed before any update is delivered (or, for a composition, after some of the others'
 * updates arrive while it is composing), then typing and delivery interleave at random.
 */
function concurrentStart(seed: number): { writers: number; misplaced: string[] } {
  const draw = random(seed);
  const count = draw() < 0.5 ? 2 : 3;
  const all = writers(count);
  const sections: string[] = [];
  all[0].editor.state.doc.forEach((node) => {
    if (node.type.name === 'heading') sections.push(node.attrs.section as string);
  });
  const chosen: string[] = [];
  while (chosen.length < count) {
    const section = sections[Math.floor(draw() * sections.length)];
    if (!chosen.includes(section)) chosen.push(section);
  }
  const names = Object.keys(placements) as Placement[];
  const starts = ['key', 'late key', 'composition'] as const;
  const plans = all.map((writer, i) => {
    const placement = names[Math.floor(draw() * names.length)];
    placements[placement](writer.editor, chosen[i]);
    const start = starts[Math.floor(draw() * starts.length)];
    return { placement, start, sentence: sentences[(seed + i) % sentences.length], typed: 0 };
  });
  // Every writer places the cursor before seeing anyone else's text. A "key" writer types the first letter
  // at once; a "late key" writer receives part of the others' first letters before its own; a composing
  // writer's first letter (a dead key, an input method) reaches the document only at the end of the
  // composition, after part of the others' updates arrived.
  all.forEach((writer, i) => {
    if (plans[i].start === 'key') typeChar(writer.editor, plans[i].sentence[plans[i].typed++]);
    if (plans[i].start === 'composition')
      writer.editor.view.dom.dispatchEvent(new CompositionEvent('compositionstart'));
  });
  all.forEach((writer, i) => {
    if (plans[i].start === 'key') return;
    for (let from = 0; from < count; from++) if (from !== i && draw() < 0.7) deliverOne(all, from, i);
    typeChar(writer.editor, plans[i].sentence[plans[i].typed++]);
    if (plans[i].start === 'composition')
      writer.editor.view.dom.dispatchEvent(
        new CompositionEvent('compositionend', { data: plans[i].sentence[0] }),
      );
  });
  for (;;) {
    const typing = plans.map((plan, i) => (plan.typed < plan.sentence.length ? i : -1)).filter((i) => i >= 0);
    if (typing.length === 0) break;
    if (draw() < 0.4) {
      const from = Math.floor(draw() * count);
      const to = Math.floor(draw() * count);
      if (from !== to) deliverOne(all, from, to);
    } else {
      const i = typing[Math.floor(draw() * typing.length)];
      typeChar(all[i].editor, plans[i].sentence[plans[i].typed++]);
    }
  }
  deliverAll(all);
  // Every writer sees the same document, so a sentence is misplaced in all views or in none.
  const json = JSON.stringify(all[0].editor.getJSON());
  for (const writer of all) expect(JSON.stringify(writer.editor.getJSON())).toBe(json);
  const misplaced: string[] = [];
  plans.forEach((plan, i) => {
    const text = sectionText(all[0].editor, chosen[i]);
    if (text !== plan.sentence)
      misplaced.push(`seed ${seed}, ${plan.placement}, ${plan.start}, in ${chosen[i]}: "${text}"`);
  });
  return { writers: count, misplaced };
}

describe('writers starting at the same moment in different empty sections', () => {
  it('each sentence stays in the section its writer chose (100 concurrent starts)', () => {
    const misplaced: string[] = [];
    let sentencesTyped = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const run = concurrentStart(seed);
      misplaced.push(...run.misplaced);
      sentencesTyped += run.writers;
      for (const editor of editors.splice(0)) editor.destroy();
    }
    console.info(`100 concurrent starts, ${sentencesTyped} sentences, misplaced: ${misplaced.length}`);
    expect(misplaced).toEqual([]);
  }, 120_000);
});
