import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderTestEditor } from '../formatting/test-editor';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Selects the words `text` of the document. */
function select(editor: ReturnType<typeof renderTestEditor>['editor'], text: string) {
  act(() => {
    let from = -1;
    editor.state.doc.descendants((node, pos) => {
      if (node.isText && node.text?.includes(text)) from = pos + (node.text?.indexOf(text) ?? 0);
    });
    editor
      .chain()
      .focus()
      .setTextSelection({ from, to: from + text.length })
      .run();
  });
}

/** Opens a react-aria menu from its trigger button as a mouse user does. */
function openMenu(name: string) {
  const trigger = screen.getByRole('button', { name });
  fireEvent.pointerDown(trigger, { pointerType: 'mouse', button: 0 });
  fireEvent.pointerUp(trigger, { pointerType: 'mouse', button: 0 });
  fireEvent.click(trigger);
  return screen.findByRole('menu');
}

function choose(item: HTMLElement) {
  fireEvent.pointerDown(item, { pointerType: 'mouse', button: 0 });
  fireEvent.pointerUp(item, { pointerType: 'mouse', button: 0 });
  fireEvent.click(item);
}

describe('EditorToolbar', () => {
  it('names every tool in French, shows words rather than "T2" or "G" glyphs, and leaves files out without a picker', () => {
    renderTestEditor('<p>Bonjour</p>');
    const toolbar = screen.getByRole('toolbar', { name: 'Mise en forme' });
    const names = within(toolbar)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Style : Texte',
      'Gras',
      'Italique',
      'Liste à puces',
      'Liste numérotée',
      'Liste de cases à cocher',
      'Lien',
      'Tableau',
      'Plus',
      'Aide à la mise en forme',
    ]);
    expect(toolbar.textContent).not.toMatch(/T2|T3/);
    for (const button of within(toolbar).getAllByRole('button')) {
      const visible = button.textContent ?? '';
      expect(['G', 'I', '•', '1.', '☑']).not.toContain(visible.trim());
      // WCAG 2.5.3: the accessible name contains the word shown.
      expect(button.getAttribute('aria-label')).toContain(visible.trim());
      expect(button.querySelector('svg')).not.toBeNull();
    }
    expect(within(toolbar).getByRole('button', { name: 'Style : Texte' }).textContent).toBe('Texte');
    expect(within(toolbar).getByRole('button', { name: 'Tableau' }).textContent).toBe('Tableau');
    expect(screen.getByRole('button', { name: 'Gras' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Image' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Fichier' })).toBeNull();
  });

  it('shows a French tooltip with the shortcut on keyboard focus and on hover', async () => {
    renderTestEditor('<p>Bonjour</p>');
    const bold = screen.getByRole('button', { name: 'Gras' });
    fireEvent.keyDown(document.body, { key: 'Tab' });
    act(() => bold.focus());
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toBe('Gras (Ctrl+B)');
    expect(bold.getAttribute('aria-describedby')).toContain(tooltip.id);
    act(() => bold.blur());
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());

    const list = screen.getByRole('button', { name: 'Liste numérotée' });
    fireEvent.pointerMove(document.body, { pointerType: 'mouse' });
    fireEvent.pointerEnter(list, { pointerType: 'mouse' });
    expect((await screen.findByRole('tooltip', {}, { timeout: 2000 })).textContent).toBe(
      'Liste numérotée (Ctrl+Maj+7)',
    );
  });

  it('applies bold and a list to the text and gives it the focus back', async () => {
    const { editor } = renderTestEditor('<p>Remettre le pied à l’étrier</p>');
    const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
    select(editor, 'pied');
    const bold = screen.getByRole('button', { name: 'Gras' });
    act(() => bold.focus());
    fireEvent.click(bold);
    await waitFor(() => expect(text.querySelector('strong')?.textContent).toBe('pied'));
    expect(bold.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(text));

    fireEvent.click(screen.getByRole('button', { name: 'Liste à puces' }));
    await waitFor(() =>
      expect(text.querySelector('ul > li')?.textContent).toBe('Remettre le pied à l’étrier'),
    );
    expect(screen.getByRole('button', { name: 'Liste à puces' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('changes the style from the "Style" menu, and keeps the template section titles as they are', async () => {
    const { editor } = renderTestEditor('<h2 data-section="objectifs">Objectifs</h2><p>Étapes</p>');
    const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
    select(editor, 'Étapes');
    const menu = await openMenu('Style : Texte');
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((i) => i.querySelector('.editor-menu__label')?.textContent)).toEqual([
      'Texte',
      'Titre de section',
      'Sous-titre',
      'Petit titre',
    ]);
    expect(items[0].getAttribute('aria-checked')).toBe('true');
    expect(items[2].querySelector('.editor-menu__shortcut')?.getAttribute('data-keys')).toBe('Ctrl+Alt+3');
    choose(items[2]);
    await waitFor(() => expect(text.querySelector('h3')?.textContent).toBe('Étapes'));
    await screen.findByRole('button', { name: 'Style : Sous-titre' });

    select(editor, 'Objectifs');
    const section = await screen.findByRole('button', { name: 'Style : Titre de rubrique' });
    expect(section.hasAttribute('disabled')).toBe(true);
  });

  it('inserts a table and offers its tools in words while the caret is in it', async () => {
    const { editor } = renderTestEditor('<p>Horaire</p>');
    const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
    select(editor, 'Horaire');
    fireEvent.click(screen.getByRole('button', { name: 'Tableau' }));
    await waitFor(() => expect(text.querySelectorAll('table tr')).toHaveLength(3));
    const tools = await screen.findByRole('toolbar', { name: 'Outils du tableau' });
    expect(
      within(tools)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Nouvelle ligne',
      'Nouvelle colonne',
      'Retirer la ligne',
      'Retirer la colonne',
      'Supprimer le tableau',
    ]);
    expect(screen.getByRole('button', { name: 'Tableau' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(tools).getByRole('button', { name: 'Nouvelle ligne' }));
    await waitFor(() => expect(text.querySelectorAll('table tr')).toHaveLength(4));
    fireEvent.click(within(tools).getByRole('button', { name: 'Nouvelle colonne' }));
    await waitFor(() => expect(text.querySelectorAll('table tr:first-child > *')).toHaveLength(4));
    fireEvent.click(within(tools).getByRole('button', { name: 'Supprimer le tableau' }));
    await waitFor(() => expect(text.querySelector('table')).toBeNull());
    expect(screen.queryByRole('toolbar', { name: 'Outils du tableau' })).toBeNull();
    expect(editor.isFocused || document.activeElement === text).toBe(true);
  });

  it('moves between its tools with the arrow keys', () => {
    renderTestEditor('<p>Bonjour</p>');
    const style = screen.getByRole('button', { name: 'Style : Texte' });
    act(() => style.focus());
    fireEvent.keyDown(style, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Gras' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Italique' }));
    // Left arrow and Tab out of the toolbar are checked in a real browser (e2e scenario 47).
  });

  it('calls the file picker from "Image" and "Fichier" when the page gives one', () => {
    const pick = vi.fn();
    renderTestEditor('<p>Bonjour</p>', { onPickFiles: pick });
    fireEvent.click(screen.getByRole('button', { name: 'Image' }));
    expect(pick).toHaveBeenLastCalledWith('image');
    fireEvent.click(screen.getByRole('button', { name: 'Fichier' }));
    expect(pick).toHaveBeenLastCalledWith('document');
  });

  it('on a phone keeps one row of icons and moves the other tools into "Plus"', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('max-width: 47.99rem'),
      media: query,
      addEventListener() {},
      removeEventListener() {},
    }));
    const pick = vi.fn();
    const { editor } = renderTestEditor('<p>Bonjour</p>', { onPickFiles: pick });
    const toolbar = screen.getByRole('toolbar', { name: 'Mise en forme' });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Style : Texte', 'Gras', 'Italique', 'Liste à puces', 'Liste numérotée', 'Lien', 'Plus']);
    // The style shows as an icon: the word stays the accessible name.
    expect(screen.getByRole('button', { name: 'Style : Texte' }).textContent).toBe('');
    select(editor, 'Bonjour');
    const menu = await openMenu('Plus');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.querySelector('.editor-menu__label')?.textContent),
    ).toEqual([
      'Liste de cases à cocher',
      'Tableau',
      'Image',
      'Fichier',
      'Citation',
      'Séparateur',
      'Aide à la mise en forme',
    ]);
    choose(within(menu).getByRole('menuitem', { name: /Citation/ }));
    await waitFor(() => expect(editor.isActive('blockquote')).toBe(true));
    await openMenu('Plus');
    choose(screen.getByRole('menuitem', { name: /Aide à la mise en forme/ }));
    const help = await screen.findByRole('dialog', { name: 'Aide à la mise en forme' });
    expect(help.textContent).toContain('Ctrl+B');
    expect(help.textContent).toContain('« / »');
  });
});
