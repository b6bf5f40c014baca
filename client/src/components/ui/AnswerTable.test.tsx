import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AnswerTable } from './AnswerTable';

const answers = [
  { id: 'yes', label: 'Oui' },
  { id: 'no', label: 'Non' },
] as const;

describe('AnswerTable', () => {
  it('is a table named by its caption, one radio group per row, each button named by its answer and row', () => {
    const onChange = vi.fn();
    render(
      <AnswerTable
        caption="Vos disponibilités"
        rowHeader="Créneau"
        answers={answers}
        rows={[
          { id: 'a', label: 'lundi' },
          { id: 'b', label: 'mardi' },
        ]}
        value={{ a: 'no' }}
        onChange={onChange}
        answerLabel={(answer, row) => `${answer.label} pour ${row.label}`}
      />,
    );
    const table = screen.getByRole('table', { name: 'Vos disponibilités' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Créneau', 'Oui', 'Non']);
    expect((screen.getByRole('radio', { name: 'Non pour lundi' }) as HTMLInputElement).checked).toBe(true);
    const yesMonday = screen.getByRole('radio', { name: 'Oui pour lundi' }) as HTMLInputElement;
    const yesTuesday = screen.getByRole('radio', { name: 'Oui pour mardi' }) as HTMLInputElement;
    expect(yesMonday.name).not.toBe(yesTuesday.name);
    fireEvent.click(yesTuesday);
    expect(onChange).toHaveBeenCalledWith('b', 'yes');
  });
});
