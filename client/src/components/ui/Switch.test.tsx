import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Switch } from './Switch';

describe('Switch', () => {
  it('is a switch named by its label that reports each toggle', () => {
    const onChange = vi.fn();
    render(<Switch label="Afficher les actions faites" onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: 'Afficher les actions faites' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(toggle.checked).toBe(true);
  });
});

describe('Switch with help', () => {
  it('says what it does under its label, and is still named by the label first', () => {
    render(
      <Switch label="Résumé quotidien" description="Un courriel par jour." isSelected onChange={vi.fn()} />,
    );
    const toggle = screen.getByRole('switch', { name: /^Résumé quotidien/ }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(screen.getByText('Un courriel par jour.')).toBeTruthy();
  });
});
