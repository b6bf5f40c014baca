import { ficheTemplateUpdate } from '@affluents/editor/template';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentConnection } from '../../realtime/document-connection';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { FicheEditor } from '../fiches/components/FicheEditor';
import { FakeXhr, lastUpload, stubXhr } from './test/fake-xhr';
import { ficheId, storedPdf, storedPhoto } from './test/stored-files';

/** A connection without a server: the doc and an awareness, as the provider would hold them. */
function localConnection(): DocumentConnection {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  return {
    doc,
    provider: { awareness } as unknown as DocumentConnection['provider'],
    persistence: {} as DocumentConnection['persistence'],
    destroy() {
      awareness.destroy();
      doc.destroy();
    },
  };
}

const connections: DocumentConnection[] = [];
const limits = { maxFileBytes: 10 * 1024 * 1024, maxFicheBytes: 50 * 1024 * 1024 };

beforeEach(() => {
  stubXhr();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) === `/api/fiches/${ficheId}/files`)
        return jsonResponse(200, { items: [], usedBytes: 0, limits });
      throw new Error(`unexpected fetch ${String(input)}`);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  for (const s of connections.splice(0)) s.destroy();
});

/** Every element of the shared document (what co-writers receive), by node name. */
function sharedElements(doc: Y.Doc, name: string): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  for (const node of doc.getXmlFragment('default').createTreeWalker(() => true)) {
    if (node instanceof Y.XmlElement && node.nodeName === name) found.push(node);
  }
  return found;
}

/** The top-level blocks of the shared document, by name (and section key for the section titles). */
function sharedBlocks(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => {
      const element = node as Y.XmlElement;
      const section = element.getAttribute('section');
      return section ? `${element.nodeName}:${section}` : element.nodeName;
    });
}

async function renderEditor() {
  const connection = localConnection();
  connections.push(connection);
  let editor: Editor | null = null;
  const result = renderWithProviders(
    <FicheEditor
      connection={connection}
      user={{ id: 'u1', name: 'Sophie Lambert', color: '#0d5c63' }}
      editable
      showToolbar
      label="Texte de la fiche"
      status={null}
      ficheId={ficheId}
      onReady={(e) => {
        editor = e ?? editor;
      }}
    />,
  );
  const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
  act(() => Y.applyUpdate(connection.doc, ficheTemplateUpdate()));
  await waitFor(() => expect(text.querySelectorAll('h2')).toHaveLength(10));
  if (!editor) throw new Error('the editor is not ready');
  return { ...result, connection, text, editor: editor as Editor };
}

function picker(container: HTMLElement, kind: 'image' | 'document'): HTMLInputElement {
  const input = container.querySelector(`input[type=file][data-file-picker="${kind}"]`);
  if (!(input instanceof HTMLInputElement)) throw new Error(`no ${kind} picker`);
  return input;
}

function choose(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

/** A paste of files into the text, as the browser dispatches it (clipboard with files, maybe HTML). */
function paste(target: HTMLElement, files: File[], html = '') {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: {
      files,
      types: html ? ['text/html', 'Files'] : ['Files'],
      getData: (type: string) => (type === 'text/html' ? html : ''),
    },
  });
  act(() => {
    target.dispatchEvent(event);
  });
}

/** Writes `text` into the paragraph below a section title, as a co-writer would (a remote change). */
function writeRemotely(doc: Y.Doc, section: string, text: string) {
  const blocks = doc.getXmlFragment('default').toArray() as Y.XmlElement[];
  const index = blocks.findIndex((block) => block.getAttribute('section') === section);
  const paragraph = blocks[index + 1];
  if (!paragraph) throw new Error(`no paragraph below ${section}`);
  const line = paragraph.get(0);
  if (line instanceof Y.XmlText) line.insert(0, text);
  else paragraph.insert(0, [new Y.XmlText(text)]);
}

/** The position at the end of the text under a section title. */
function endOfSection(editor: Editor, section: string): number {
  let found = -1;
  let next = false;
  editor.state.doc.forEach((node, offset) => {
    if (next && found < 0) found = offset + node.nodeSize - 1;
    next = node.attrs.section === section;
  });
  return found;
}

/** A drop of files, as the browser dispatches it; happy-dom has no layout, so the drop lands at `pos`. */
function drop(editor: Editor, files: File[], pos: number) {
  editor.view.posAtCoords = () => ({ pos, inside: -1 });
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { files, types: ['Files'], getData: () => '', dropEffect: 'copy' },
  });
  act(() => {
    editor.view.dom.dispatchEvent(event);
  });
  return event;
}

const photo = () => new File([new Uint8Array(4096)], 'atelier.jpg', { type: 'image/jpeg' });
const pdf = () => new File([new Uint8Array(2048)], 'programme.pdf', { type: 'application/pdf' });

describe('images and files in the fiche editor', () => {
  it('shows an image’s progress, inserts it below the section title only once stored, then asks for its description', async () => {
    const { container, connection, text, editor } = await renderEditor();
    const input = picker(container, 'image');
    expect(input.accept).toContain('image/jpeg');
    expect(input.hidden).toBe(true);
    // Let the limits arrive, so that the check before sending runs with them.
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());

    // The caret in the middle of the first section title.
    act(() => {
      editor.commands.setTextSelection(4);
    });
    expect(editor.state.selection.$from.parent.attrs.section).toBe('objectifs');
    choose(input, [photo()]);
    const tray = await screen.findByRole('region', { name: 'Envois de fichiers' });
    const bar = within(tray).getByRole('progressbar', { name: 'Envoi de « atelier.jpg »' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    act(() => lastUpload().progress(1024, 4096));
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('1024'));
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^25\s?%$/);
    expect(within(tray).getByText(/25\s?%/)).toBeTruthy();
    // Every byte sent, the server still checks and stores the file; nothing reaches the shared document yet.
    act(() => lastUpload().progress(4096, 4096));
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('Enregistrement…'));
    expect(sharedElements(connection.doc, 'image')).toHaveLength(0);

    act(() => lastUpload().respond(201, storedPhoto));
    await waitFor(() => expect(sharedElements(connection.doc, 'image')).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Envois de fichiers' })).toBeNull();
    const image = sharedElements(connection.doc, 'image')[0];
    expect(image?.getAttribute('fileId')).toBe(storedPhoto.id);
    expect(image?.getAttribute('width')).toBe(1200);
    // The caret was in the section title: the image goes below it, the title stays whole.
    expect(sharedBlocks(connection.doc).slice(0, 3)).toEqual(['heading:objectifs', 'image', 'paragraph']);
    // The caret had not moved: it is now on the line below the image, where the writer goes on.
    expect(editor.state.selection.$from.parent.type.name).toBe('paragraph');
    expect(editor.state.selection.$from.index(0)).toBe(2);
    const img = await waitFor(() => {
      const found = text.querySelector('figure img');
      if (!found) throw new Error('no image drawn');
      return found;
    });
    expect(img.getAttribute('src')).toBe(`/api/files/${storedPhoto.id}/display`);
    expect(img.getAttribute('loading')).toBe('lazy');

    // Its author is asked at once what it shows.
    const dialog = await screen.findByRole('dialog', { name: 'Description de l’image' });
    const field = within(dialog).getByRole('textbox', {
      name: 'Décrivez l’image pour les personnes qui ne la voient pas',
    });
    fireEvent.change(field, { target: { value: 'Trois stagiaires réparent un vélo' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(image?.getAttribute('alt')).toBe('Trois stagiaires réparent un vélo'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(img.getAttribute('alt')).toBe('Trois stagiaires réparent un vélo');
    expect(FakeXhr.sent).toHaveLength(1);
  });

  it('keeps an image put off for later marked, and stores a decorative one with an empty description', async () => {
    const { container, connection, text, editor } = await renderEditor();
    choose(picker(container, 'image'), [photo()]);
    act(() => lastUpload().respond(201, storedPhoto));
    const later = await screen.findByRole('dialog', { name: 'Description de l’image' });
    fireEvent.click(within(later).getByRole('button', { name: 'Plus tard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const image = sharedElements(connection.doc, 'image')[0];
    expect(image?.getAttribute('alt')).toBeUndefined();

    // The image still asks for its description, in the text.
    const ask = await within(text).findByRole('button', { name: 'Ajouter une description' });
    fireEvent.click(ask);
    const dialog = await screen.findByRole('dialog', { name: 'Description de l’image' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Image décorative (pas de description)' }));
    expect(
      (within(dialog).getByRole('textbox', { name: /^Décrivez l’image/ }) as HTMLTextAreaElement).disabled,
    ).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(image?.getAttribute('alt')).toBe(''));
    await waitFor(() =>
      expect(within(text).queryByRole('button', { name: 'Ajouter une description' })).toBeNull(),
    );
    // Selected (from the keyboard too), the image offers to change its description; Enter opens it.
    let imagePos = -1;
    editor.state.doc.forEach((node, offset) => {
      if (node.type.name === 'image') imagePos = offset;
    });
    act(() => {
      editor.commands.setNodeSelection(imagePos);
    });
    expect(await within(text).findByText('Image décorative')).toBeTruthy();
    expect(within(text).getByRole('button', { name: 'Modifier la description' })).toBeTruthy();
    fireEvent.keyDown(text, { key: 'Enter' });
    const again = await screen.findByRole('dialog', { name: 'Description de l’image' });
    expect(
      (
        within(again).getByRole('checkbox', {
          name: 'Image décorative (pas de description)',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
  });

  it('attaches a pasted document as a download card once stored', async () => {
    const { connection, text } = await renderEditor();
    paste(text, [pdf()]);
    const tray = await screen.findByRole('region', { name: 'Envois de fichiers' });
    expect(within(tray).getByRole('progressbar', { name: 'Envoi de « programme.pdf »' })).toBeTruthy();
    expect(sharedElements(connection.doc, 'file')).toHaveLength(0);

    act(() => lastUpload().respond(201, storedPdf));
    await waitFor(() => expect(sharedElements(connection.doc, 'file')).toHaveLength(1));
    const file = sharedElements(connection.doc, 'file')[0];
    expect(file?.getAttributes()).toMatchObject({
      fileId: storedPdf.id,
      name: 'programme.pdf',
      mediaType: 'application/pdf',
      byteSize: 2048,
    });
    const download = await within(text).findByRole('link', { name: 'Télécharger « programme.pdf » (2 ko)' });
    expect(download.getAttribute('href')).toBe(`/api/files/${storedPdf.id}`);
    expect(download.hasAttribute('download')).toBe(true);
    expect(text.querySelector('.fiche-file-card')?.textContent).toContain('Document PDF, 2 ko');
    // No description is asked for a document.
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Le fichier « programme.pdf » est dans le texte.').getAttribute('role')).toBe(
      'status',
    );
  });

  it('pastes a copied passage as text, not the picture of it that comes along', async () => {
    const { connection, text } = await renderEditor();
    paste(text, [photo()], '<p>Un passage copié depuis le traitement de texte</p>');
    await waitFor(() => expect(text.textContent).toContain('Un passage copié depuis le traitement de texte'));
    expect(FakeXhr.sent).toHaveLength(0);
    expect(sharedElements(connection.doc, 'image')).toHaveLength(0);
  });

  it('shows the server’s French reason for a refused file, inserts nothing, and lets it be dismissed', async () => {
    const { container, connection } = await renderEditor();
    choose(picker(container, 'document'), [pdf()]);
    act(() =>
      lastUpload().respond(415, {
        status: 415,
        code: 'unsupported_media_type',
        message: 'Type de fichier refusé : le contenu de « programme.pdf » n’est pas celui d’un PDF.',
        requestId: 'req-1',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('programme.pdf');
    expect(alert.textContent).toContain(
      'Type de fichier refusé : le contenu de « programme.pdf » n’est pas celui d’un PDF.',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(sharedElements(connection.doc, 'file')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Fermer le message sur « programme.pdf »' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Envois de fichiers' })).toBeNull());
  });

  it('refuses at once, without sending, a type or a size the server would refuse', async () => {
    const { container } = await renderEditor();
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    await act(async () => {});
    const svg = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    const huge = new File([new Uint8Array(12 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
    choose(picker(container, 'image'), [svg]);
    choose(picker(container, 'document'), [huge]);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      expect.stringContaining('Type de fichier refusé'),
      expect.stringContaining('Fichier trop volumineux : 12 Mo, la limite est de 10 Mo par fichier.'),
    ]);
    expect(FakeXhr.sent).toHaveLength(0);
  });

  it('cancels an upload: the request stops and nothing reaches the text', async () => {
    const { container, connection } = await renderEditor();
    choose(picker(container, 'document'), [pdf()]);
    const xhr = lastUpload();
    act(() => xhr.progress(1000, 2048));
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler l’envoi de « programme.pdf »' }));
    expect(xhr.aborted).toBe(true);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Envois de fichiers' })).toBeNull());
    expect(sharedElements(connection.doc, 'file')).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a dropped file where it was dropped, even when co-writers change the text before it is stored', async () => {
    const { connection, editor } = await renderEditor();
    act(() => {
      writeRemotely(connection.doc, 'objectifs', 'Remettre le pied à l’étrier.');
      writeRemotely(connection.doc, 'contexte', 'Le chantier est loin de la gare.');
    });
    await waitFor(() => expect(editor.state.doc.textContent).toContain('loin de la gare'));
    const event = drop(editor, [pdf()], endOfSection(editor, 'contexte'));
    expect(event.defaultPrevented).toBe(true);
    await screen.findByRole('progressbar', { name: 'Envoi de « programme.pdf »' });

    // A co-writer adds text above while the bytes travel: the landing place follows the text.
    act(() => writeRemotely(connection.doc, 'objectifs', 'Une phrase de plus, écrite ailleurs. '));
    await waitFor(() => expect(editor.state.doc.textContent).toContain('Une phrase de plus'));
    act(() => lastUpload().respond(201, storedPdf));
    await waitFor(() => expect(sharedElements(connection.doc, 'file')).toHaveLength(1));
    const blocks = sharedBlocks(connection.doc);
    const contexte = blocks.indexOf('heading:contexte');
    expect(blocks.slice(contexte, contexte + 3)).toEqual(['heading:contexte', 'paragraph', 'file']);
    const paragraph = connection.doc.getXmlFragment('default').get(contexte + 1) as Y.XmlElement;
    expect(paragraph.toString()).toContain('Le chantier est loin de la gare.');
  });

  it('puts files chosen one after the other in that order, at the caret, the caret below the last one', async () => {
    const { container, connection, editor } = await renderEditor();
    act(() => {
      writeRemotely(connection.doc, 'contexte', 'Le chantier est loin de la gare.');
    });
    await waitFor(() => expect(editor.state.doc.textContent).toContain('loin de la gare'));
    act(() => {
      editor.commands.setTextSelection(endOfSection(editor, 'contexte'));
    });
    choose(picker(container, 'document'), [pdf()]);
    act(() => lastUpload().respond(201, storedPdf));
    await waitFor(() => expect(sharedElements(connection.doc, 'file')).toHaveLength(1));
    choose(picker(container, 'image'), [photo()]);
    act(() => lastUpload().respond(201, storedPhoto));
    await waitFor(() => expect(sharedElements(connection.doc, 'image')).toHaveLength(1));
    await screen.findByRole('dialog', { name: 'Description de l’image' });

    const blocks = sharedBlocks(connection.doc);
    const contexte = blocks.indexOf('heading:contexte');
    expect(blocks.slice(contexte, contexte + 5)).toEqual([
      'heading:contexte',
      'paragraph',
      'file',
      'image',
      'paragraph',
    ]);
    expect(editor.state.selection.$from.index(0)).toBe(contexte + 4);
  });
});
