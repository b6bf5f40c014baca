import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RadioGroupField } from './RadioGroupField';

const options = [
  { id: 'agree', label: 'D’accord' },
  { id: 'block', label: 'Objection', description: 'Bloque la décision' },
];

function Controlled({ onChange }: { onChange: (value: string) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <RadioGroupField
      label="Votre position"
      options={options}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('RadioGroupField', () => {
  it('names the group by its label and each radio by its option', () => {
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    expect(screen.getByRole('radiogroup', { name: 'Votre position' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Objection Bloque la décision' }));
    expect(onChange).toHaveBeenLastCalledWith('block');
    expect((screen.getByRole('radio', { name: /^Objection/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('moves the choice with the arrow keys', () => {
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const agree = screen.getByRole('radio', { name: 'D’accord' });
    fireEvent.click(agree);
    agree.focus();
    fireEvent.keyDown(agree, { key: 'ArrowDown' });
    expect(onChange).toHaveBeenLastCalledWith('block');
  });
});
