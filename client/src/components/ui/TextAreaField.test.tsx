import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TextAreaField } from './TextAreaField';

describe('TextAreaField', () => {
  it('is a multi-line text box named by its label and described by its help', () => {
    const onChange = vi.fn();
    render(<TextAreaField label="Résultat" description="Ce que le groupe retient." onChange={onChange} />);
    const box = screen.getByRole('textbox', { name: 'Résultat' });
    expect(box.tagName).toBe('TEXTAREA');
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Ce que le groupe retient.',
    );
    fireEvent.change(box, { target: { value: 'Adopté' } });
    expect(onChange).toHaveBeenCalledWith('Adopté');
  });

  it('shows its validation message and marks the box invalid', () => {
    render(
      <TextAreaField
        label="Raison"
        validationBehavior="aria"
        isRequired
        validate={(value) => (value.trim() ? null : 'Indiquez une raison.')}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Raison' });
    expect(box.getAttribute('aria-required')).toBe('true');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Indiquez une raison.')).toBeTruthy();
  });
});
