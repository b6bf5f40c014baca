import { act, screen, waitFor } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { describe, expect, it, vi } from 'vitest';
import { slashMenuKey } from './slash-menu';
import { renderTestEditor } from './test-editor';

const optionNames = () =>
  screen.getAllByRole('option').map((o) => o.querySelector('.slash-menu__label')?.textContent);

/**
 * Whether the "/" menu is open in the editor's state: decided as each keystroke is applied, before the
 * list is drawn, so a test reads it at once instead of waiting to see that no list appears.
 */
const menuActive = (editor: Editor) => slashMenuKey.getState(editor.state)?.active === true;

describe('the "/" menu', () => {
  it('opens on "/" at the start of a line with the blocks in French, and inserts a table chosen by "/tab"', async () => {
    const { editor, press, typeAfter } = renderTestEditor('<p>Premier paragraphe</p><p></p>');
    const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
    act(() => {
      editor
        .chain()
        .focus()
        .setTextSelection(editor.state.doc.content.size - 1)
        .insertContent('/')
        .run();
    });
    const list = await screen.findByRole('listbox', { name: 'Insérer un élément' });
    expect(optionNames()).toEqual([
      'Titre de section',
      'Sous-titre',
      'Petit titre',
      'Liste à puces',
      'Liste numérotée',
      'Liste de cases à cocher',
      'Tableau',
      'Citation',
      'Séparateur',
      'Mentionner quelqu’un',
    ]);
    expect(text.getAttribute('aria-controls')).toBe(list.id);
    expect(text.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0].id);

    typeAfter('', 'tab');
    await waitFor(() => expect(optionNames()).toEqual(['Tableau']));
    press('Enter');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(text.querySelector('table')).not.toBeNull();
    expect(text.querySelectorAll('table tr')).toHaveLength(3);
    expect(editor.getText()).not.toContain('/tab');
    expect(text.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('filters without accents or case, moves with the arrows and inserts the heading picked', async () => {
    const { editor, press, typeAfter } = renderTestEditor('<p>Le contexte du projet</p>');
    const text = screen.getByRole('textbox', { name: 'Texte de la fiche' });
    typeAfter('Le contexte', ' /NUMERO');
    await waitFor(() => expect(optionNames()).toEqual(['Liste numérotée']));
    // "/titre" finds the three headings; the second arrow down picks "Petit titre".
    act(() => editor.commands.setContent('<p>Étapes</p>'));
    typeAfter('Étapes', ' /titre');
    await waitFor(() => expect(optionNames()).toEqual(['Titre de section', 'Sous-titre', 'Petit titre']));
    press('ArrowDown');
    press('ArrowDown');
    const options = screen.getAllByRole('option');
    await waitFor(() => expect(text.getAttribute('aria-activedescendant')).toBe(options[2].id));
    expect(options[2].getAttribute('aria-selected')).toBe('true');
    press('ArrowUp');
    await waitFor(() => expect(text.getAttribute('aria-activedescendant')).toBe(options[1].id));
    press('Enter');
    await waitFor(() => expect(text.querySelector('h3')?.textContent).toBe('Étapes '));
    expect(editor.getText()).not.toContain('/');
  });

  it('closes on Escape and leaves the "/" typed as text', async () => {
    const { editor, press, typeAfter } = renderTestEditor('<p>Une date</p>');
    typeAfter('Une date', ' /');
    await screen.findByRole('listbox', { name: 'Insérer un élément' });
    press('Escape');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(editor.getText()).toBe('Une date /');
    // Typing on does not bring it back for the same "/".
    typeAfter('Une date', 'tab');
    expect(menuActive(editor)).toBe(false);
    expect(editor.getText()).toBe('Une date /tab');
    // A new "/" opens it again: what the check above reads does see a menu open.
    typeAfter('Une date', ' /');
    expect(menuActive(editor)).toBe(true);
    await screen.findByRole('listbox', { name: 'Insérer un élément' });
  });

  it('does not open in the middle of a word, nor in a section title of the template', async () => {
    const { editor, typeAfter } = renderTestEditor(
      '<h2 data-section="objectifs">Objectifs</h2><p>et/ou</p><p>Ailleurs</p>',
    );
    typeAfter('et/ou', '/');
    expect(menuActive(editor)).toBe(false);
    typeAfter('Objectifs', ' /');
    expect(menuActive(editor)).toBe(false);
    // Where it belongs, a "/" opens it: what the checks above read does see a menu open.
    typeAfter('Ailleurs', ' /');
    expect(menuActive(editor)).toBe(true);
    await screen.findByRole('listbox', { name: 'Insérer un élément' });
  });

  it('offers "Image" and "Fichier" only with a file picker, and "Mentionner quelqu’un" types the "@"', async () => {
    const pick = vi.fn();
    const { editor, press, typeAfter } = renderTestEditor('<p>Voir</p>', { onPickFiles: pick });
    typeAfter('Voir', ' /fich');
    await waitFor(() => expect(optionNames()).toEqual(['Fichier']));
    press('Enter');
    expect(pick).toHaveBeenCalledWith('document');
    expect(editor.getText()).toBe('Voir ');
    typeAfter('Voir', '/photo');
    await waitFor(() => expect(optionNames()).toEqual(['Image']));
    press('Enter');
    expect(pick).toHaveBeenLastCalledWith('image');
    typeAfter('Voir', '/mention');
    await waitFor(() => expect(optionNames()).toEqual(['Mentionner quelqu’un']));
    press('Enter');
    await waitFor(() => expect(editor.getText()).toBe('Voir @'));
  });
});
