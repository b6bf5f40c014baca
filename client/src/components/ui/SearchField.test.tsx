import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SearchField } from './SearchField';

describe('SearchField', () => {
  it('is a search box named by its label and described by its help; Escape clears it', () => {
    const onChange = vi.fn();
    const onClear = vi.fn();
    render(
      <SearchField
        label="Rechercher dans les fiches"
        description="Un mot du titre ou du texte."
        defaultValue="vélo"
        onChange={onChange}
        onClear={onClear}
      />,
    );
    const box = screen.getByRole('searchbox', { name: 'Rechercher dans les fiches' }) as HTMLInputElement;
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Un mot du titre ou du texte.',
    );
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onClear).toHaveBeenCalled();
    expect(box.value).toBe('');
  });
});
