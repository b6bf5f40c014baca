import { ficheTemplateUpdate } from '@affluents/editor/template';
import { act, screen, waitFor } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentConnection } from '../../../realtime/document-connection';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { FicheEditor } from '../components/FicheEditor';

const ficheId = '00000000-0000-4000-8000-0000000000f1';
const groupId = '00000000-0000-4000-8000-0000000000a1';
const member = (n: number, displayName: string) => ({
  userId: `00000000-0000-4000-8000-00000000000${n}`,
  displayName,
  jobTitle: null,
  email: `${n}@affluents.test`,
  role: 'member',
  organisation: null,
  joinedAt: '2026-01-01T00:00:00.000Z',
});
const members = [member(1, 'Sophie Lambert'), member(2, 'Amina Lahlou'), member(3, 'Aline Petit')];

/** A connection on `fiche:<id>` without a server: the doc and an awareness, as the provider holds them. */
function localConnection(): DocumentConnection {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  return {
    doc,
    provider: { awareness, roomname: `fiche:${ficheId}` } as unknown as DocumentConnection['provider'],
    persistence: {} as DocumentConnection['persistence'],
    destroy() {
      awareness.destroy();
      doc.destroy();
    },
  };
}

const connections: DocumentConnection[] = [];
afterEach(() => {
  for (const s of connections.splice(0)) s.destroy();
  vi.unstubAllGlobals();
});

/** The fiche editor of Sophie on a template, once the group's members are known. */
async function openFicheEditor() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === `/api/fiches/${ficheId}`)
        return jsonResponse(200, { id: ficheId, group: { id: groupId } });
      if (url.pathname === `/api/groups/${groupId}`) return jsonResponse(200, { id: groupId, members });
      throw new Error(`unexpected GET ${String(input)}`);
    }),
  );
  const connection = localConnection();
  connections.push(connection);
  const ready: { editor?: Editor } = {};
  renderWithProviders(
    <FicheEditor
      connection={connection}
      user={{ id: members[0].userId, name: 'Sophie Lambert', color: '#0d5c63' }}
      editable
      showToolbar
      label="Texte de la fiche"
      status={null}
      onReady={(e) => {
        ready.editor = e ?? undefined;
      }}
    />,
  );
  const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
  act(() => Y.applyUpdate(connection.doc, ficheTemplateUpdate()));
  await waitFor(() => expect(text.querySelectorAll('h2')).toHaveLength(10));
  await waitFor(() => expect(vi.mocked(fetch).mock.calls.length).toBe(2));
  await new Promise((r) => setTimeout(r, 0));
  if (!ready.editor) throw new Error('the editor did not start');
  return { connection, text, editor: ready.editor };
}

describe('mentions in the fiche editor', () => {
  it('suggests the group members after @ and inserts the picked one as a chip', async () => {
    const { connection, text, editor } = await openFicheEditor();
    act(() => {
      editor
        .chain()
        .focus()
        .setTextSelection(editor.state.doc.child(0).nodeSize + 1)
        .insertContent('Avec @a')
        .run();
    });
    const list = await screen.findByRole('listbox', { name: 'Membres du groupe à mentionner' });
    const options = screen.getAllByRole('option');
    // The writer is not offered; both "A" names are.
    expect(options.map((o) => o.textContent)).toEqual(['Amina Lahlou', 'Aline Petit']);
    expect(text.getAttribute('aria-controls')).toBe(list.id);
    expect(text.getAttribute('aria-activedescendant')).toBe(options[0].id);
    expect(options[0].getAttribute('aria-selected')).toBe('true');

    act(() => {
      text.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await waitFor(() => expect(text.getAttribute('aria-activedescendant')).toBe(options[1].id));
    act(() => {
      text.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    const chip = text.querySelector('span[data-type="mention"]');
    expect(chip?.textContent).toBe('@Aline Petit');
    expect(chip?.getAttribute('data-id')).toBe(members[2].userId);
    expect(text.hasAttribute('aria-activedescendant')).toBe(false);
    // Stored in the shared document as the server reads it.
    const paragraph = connection.doc.getXmlFragment('default').get(1) as Y.XmlElement;
    const mention = paragraph.toArray().find((c) => c instanceof Y.XmlElement) as Y.XmlElement;
    expect(mention.nodeName).toBe('mention');
    expect(mention.getAttribute('label')).toBe('Aline Petit');
  });

  it('opens the members list from the "/" menu’s "Mentionner quelqu’un"', async () => {
    const { text, editor } = await openFicheEditor();
    act(() => {
      editor
        .chain()
        .focus()
        .setTextSelection(editor.state.doc.child(0).nodeSize + 1)
        .insertContent('Voir avec /ment')
        .run();
    });
    await screen.findByRole('listbox', { name: 'Insérer un élément' });
    act(() => {
      text.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await screen.findByRole('listbox', { name: 'Membres du groupe à mentionner' });
    expect(screen.queryByRole('listbox', { name: 'Insérer un élément' })).toBeNull();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Amina Lahlou', 'Aline Petit']);
    expect(editor.state.doc.child(1).textContent).toBe('Voir avec @');
  });
});
