import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckboxGroupField } from './CheckboxGroupField';

function Controlled() {
  const [value, setValue] = useState<string[]>(['a']);
  return (
    <>
      <CheckboxGroupField
        label="Choisissez une ou plusieurs options"
        options={[
          { id: 'a', label: 'Charleroi' },
          { id: 'b', label: 'Thuin' },
        ]}
        value={value}
        onChange={setValue}
      />
      <output>{value.join(',')}</output>
    </>
  );
}

describe('CheckboxGroupField', () => {
  it('names the group by its label and toggles each named checkbox', () => {
    render(<Controlled />);
    expect(screen.getByRole('group', { name: 'Choisissez une ou plusieurs options' })).toBeTruthy();
    const charleroi = screen.getByRole('checkbox', { name: 'Charleroi' }) as HTMLInputElement;
    expect(charleroi.checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Thuin' }));
    expect(screen.getByRole('status').textContent).toBe('a,b');
    fireEvent.click(charleroi);
    expect(screen.getByRole('status').textContent).toBe('b');
  });
});
