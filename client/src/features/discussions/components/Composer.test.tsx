import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { FakeXhr, stubXhr } from '../../files/test/fake-xhr';
import { Composer } from './Composer';

const threadId = '00000000-0000-4000-8000-0000000000a1';
const limits = { maxFileBytes: 1024, maxFicheBytes: 4096 };

beforeEach(() => {
  stubXhr();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) === '/api/file-limits') return jsonResponse(200, limits);
      throw new Error(`unexpected fetch ${String(input)}`);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const claire = { id: '00000000-0000-4000-8000-00000000000c', label: 'Claire Dubois', detail: null };

function setup() {
  const onSend = vi.fn();
  const onPageKey = vi.fn();
  const { container } = renderWithProviders(
    // biome-ignore lint/a11y/noStaticElementInteractions: stands for the page, which hears the keys that bubble.
    <div onKeyDown={(event) => onPageKey(event.key)}>
      <Composer
        threadId={threadId}
        members={[claire]}
        replyTo={null}
        onCancelReply={vi.fn()}
        onSend={onSend}
        onTyping={vi.fn()}
      />
    </div>,
  );
  const box = screen.getByRole('textbox', { name: 'Votre message' }) as HTMLTextAreaElement;
  const picker = container.querySelector('input[type=file][data-file-picker="message-files"]');
  if (!(picker instanceof HTMLInputElement)) throw new Error('no file picker');
  const choose = (files: File[]) => {
    Object.defineProperty(picker, 'files', { value: files, configurable: true });
    fireEvent.change(picker);
  };
  return { box, onSend, onPageKey, choose };
}

describe('Composer', () => {
  it('is a text area named by its hidden label and described by the hint', () => {
    const { box } = setup();
    expect(box.tagName).toBe('TEXTAREA');
    const described = (box.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id));
    expect(described.map((node) => node?.textContent)).toContain(
      'Entrée pour envoyer, Maj+Entrée pour aller à la ligne. Markdown accepté ; @ pour mentionner.',
    );
  });

  it('suggests members after @, picks the active one with Enter, then sends with Enter', () => {
    const { box, onSend, onPageKey } = setup();
    fireEvent.change(box, { target: { value: 'Bonjour @Cla' } });
    const list = screen.getByRole('listbox', { name: 'Personnes à mentionner' });
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(box.getAttribute('aria-activedescendant')).toBe(`${list.id}-0`);

    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe(`Bonjour @[Claire Dubois](user:${claire.id}) `);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onSend).not.toHaveBeenCalled();

    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith(`Bonjour @[Claire Dubois](user:${claire.id})`, []);
    expect(box.value).toBe('');
    // The keys still reach the page, as they do from any text area.
    expect(onPageKey).toHaveBeenCalledWith('Enter');
  });

  it('goes to the line with Shift+Enter', () => {
    const { box, onSend } = setup();
    fireEvent.change(box, { target: { value: 'Bonjour' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('has a labelled attach button that opens the file picker', () => {
    setup();
    const button = screen.getByRole('button', { name: 'Joindre un fichier ou une image' });
    expect(button.textContent).toContain('Joindre');
  });

  it('uploads a photo with its progress, then sends it with the text; removing it keeps the text', async () => {
    const { box, onSend, choose } = setup();
    fireEvent.change(box, { target: { value: 'La salle' } });
    await act(async () => choose([new File([new Uint8Array(200)], 'salle.jpg', { type: 'image/jpeg' })]));
    const [xhr] = FakeXhr.sent;
    expect(xhr.url).toBe(`/api/threads/${threadId}/files`);
    act(() => xhr.progress(100, 200));
    expect(screen.getByRole('progressbar', { name: 'Envoi de « salle.jpg »' })).toBeTruthy();
    // Nothing goes while a file is on its way.
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    const stored = {
      id: '00000000-0000-4000-8000-0000000000f1',
      attachedTo: 'message',
      ficheId: null,
      meetingId: null,
      meetingSection: null,
      name: 'salle.jpg',
      mediaType: 'image/jpeg',
      kind: 'image',
      byteSize: 200,
      width: 10,
      height: 10,
      createdBy: { id: claire.id, displayName: 'Claire' },
      createdAt: '2026-12-05T10:00:00.000Z',
    };
    act(() => xhr.respond(201, stored));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Retirer « salle.jpg »' })).toBeTruthy());
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('La salle', [
      {
        id: stored.id,
        name: 'salle.jpg',
        mediaType: 'image/jpeg',
        kind: 'image',
        byteSize: 200,
        width: 10,
        height: 10,
      },
    ]);
    expect(screen.queryByRole('button', { name: 'Retirer « salle.jpg »' })).toBeNull();
  });

  it('refuses a file of another type or too large at once, in French naming the field, and loses no text', async () => {
    const { box, choose } = setup();
    fireEvent.change(box, { target: { value: 'Voici le plan' } });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await act(async () => choose([new File(['<svg/>'], 'plan.svg', { type: 'image/svg+xml' })]));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Fichiers joints : « plan.svg » n’est pas d’un type accepté (images JPEG, PNG, WebP, GIF, documents PDF, Word, Excel, PowerPoint ou OpenDocument).',
    );
    await waitFor(async () => {
      await act(async () =>
        choose([new File([new Uint8Array(2048)], 'gros.pdf', { type: 'application/pdf' })]),
      );
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Fichiers joints : « gros.pdf » pèse 2 ko, la limite est de 1 ko par fichier.',
      );
    });
    expect(FakeXhr.sent).toHaveLength(0);
    expect(box.value).toBe('Voici le plan');
    fireEvent.click(screen.getByRole('button', { name: 'Retirer « plan.svg »' }));
    expect(screen.queryByText(/plan\.svg/)).toBeNull();
  });
});
