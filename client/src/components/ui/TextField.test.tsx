import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextField } from './TextField';

describe('TextField', () => {
  it('keeps a hidden label as the accessible name', () => {
    render(<TextField label="Choix 1" isLabelHidden />);
    const input = screen.getByRole('textbox', { name: 'Choix 1' });
    const label = document.querySelector(`label[for="${input.id}"]`);
    expect(label?.className).toBe('visually-hidden');
  });

  it('takes a date type and keeps its label', () => {
    render(<TextField label="Date" type="date" />);
    expect(screen.getByLabelText('Date').getAttribute('type')).toBe('date');
  });
});
