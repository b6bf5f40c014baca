import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../../i18n';
import { Composer } from './Composer';

const claire = { id: '00000000-0000-4000-8000-00000000000c', label: 'Claire Dubois', detail: null };

function setup() {
  const onSend = vi.fn();
  const onPageKey = vi.fn();
  render(
    // biome-ignore lint/a11y/noStaticElementInteractions: stands for the page, which hears the keys that bubble.
    <div onKeyDown={(event) => onPageKey(event.key)}>
      <Composer
        members={[claire]}
        replyTo={null}
        onCancelReply={vi.fn()}
        onSend={onSend}
        onTyping={vi.fn()}
      />
    </div>,
  );
  const box = screen.getByRole('textbox', { name: 'Votre message' }) as HTMLTextAreaElement;
  return { box, onSend, onPageKey };
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
    expect(onSend).toHaveBeenCalledWith(`Bonjour @[Claire Dubois](user:${claire.id})`);
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
});
