import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NumberField } from './NumberField';

describe('NumberField', () => {
  it('is named by its label, described by its help, and reports an empty field as null', () => {
    const onChange = vi.fn();
    render(
      <NumberField
        label="Quorum"
        description="Nombre minimum de votes."
        minValue={1}
        maxValue={1000}
        value={null}
        onChange={onChange}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Quorum' });
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Nombre minimum de votes.',
    );
    fireEvent.change(input, { target: { value: '12' } });
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith(12);
  });

  it('keeps the value within its bounds', () => {
    const onChange = vi.fn();
    render(<NumberField label="Quorum" minValue={1} maxValue={1000} value={null} onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Quorum' });
    fireEvent.change(input, { target: { value: '5000' } });
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith(1000);
  });
});
