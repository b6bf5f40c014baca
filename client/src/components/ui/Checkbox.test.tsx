import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Checkbox } from './Checkbox';

describe('Checkbox', () => {
  it('is a checkbox named by what it says, with its drawn box hidden from screen readers', () => {
    const onChange = vi.fn();
    render(<Checkbox onChange={onChange}>Afficher les commentaires résolus (2)</Checkbox>);
    const box = screen.getByRole('checkbox', {
      name: 'Afficher les commentaires résolus (2)',
    }) as HTMLInputElement;
    fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(box.checked).toBe(true);
    expect(document.querySelector('.checkbox__box')?.getAttribute('aria-hidden')).toBe('true');
  });
});
