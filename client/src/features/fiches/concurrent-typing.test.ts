import { ficheExtensions } from '@affluents/editor';
import { FICHE_FRAGMENT, ficheTemplateUpdate } from '@affluents/editor/template';
import {
  drawPlans,
  endComposition,
  misplacedSentences,
  placements,
  random,
  sectionKeys,
  startComposition,
  typeChar,
} from '@affluents/editor/testing';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

// Several writers start typing in different empty sections of a new fiche before any of them has
// received the others' first keystrokes: each sentence must stay in the section its writer chose.
// The editors are the client's (the shared extension list with Collaboration); the network between
// them delivers each writer's Yjs updates to the others in order, at moments a seeded draw decides.
// The same starts through the real server (two nodes, y-websocket): server/test/concurrent-starts.spec.ts.

const REMOTE = Symbol('remote');

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
    // Built here, not with the shared writerEditor: Vitest loads Yjs as an ES module here and the editor
    // package's build as CommonJS, and y-prosemirror needs the document from the Yjs it runs with.
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

/**
 * Runs one concurrent start: each writer places the cursor in its own empty section, every writer's first
 * character is typed before any update is delivered (or, for a composition, after some of the others'
 * updates arrive while it is composing), then typing and delivery interleave at random.
 */
function concurrentStart(seed: number): { writers: number; misplaced: string[] } {
  const draw = random(seed);
  const count = draw() < 0.5 ? 2 : 3;
  const all = writers(count);
  const plans = drawPlans(draw, sectionKeys(all[0].editor), count, seed);
  plans.forEach((plan, i) => {
    placements[plan.placement](all[i].editor, plan.section);
  });
  // Every writer places the cursor before seeing anyone else's text. A "key" writer types the first letter
  // at once; a "late key" writer receives part of the others' first letters before its own; a composing
  // writer's first letter (a dead key, an input method) reaches the document only at the end of the
  // composition, after part of the others' updates arrived.
  all.forEach((writer, i) => {
    if (plans[i].start === 'key') typeChar(writer.editor, plans[i].sentence[plans[i].typed++]);
    if (plans[i].start === 'composition') startComposition(writer.editor);
  });
  all.forEach((writer, i) => {
    if (plans[i].start === 'key') return;
    for (let from = 0; from < count; from++) if (from !== i && draw() < 0.7) deliverOne(all, from, i);
    const first = plans[i].sentence[plans[i].typed++];
    if (plans[i].start === 'composition') endComposition(writer.editor, first);
    else typeChar(writer.editor, first);
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
  return { writers: count, misplaced: misplacedSentences(all[0].editor, plans, seed) };
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
