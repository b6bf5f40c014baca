import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Cell, Column, Row, Table, TableBody, TableHeader } from './Table';

function Planned() {
  return (
    <Table aria-label="Rencontres proposées">
      <TableHeader>
        <Column isRowHeader>Titre</Column>
        <Column>Date</Column>
      </TableHeader>
      <TableBody>
        <Row id="a">
          <Cell>Rencontre 1</Cell>
          <Cell>3 mars</Cell>
        </Row>
        <Row id="b">
          <Cell>Rencontre 2</Cell>
          <Cell>5 mai</Cell>
        </Row>
      </TableBody>
    </Table>
  );
}

describe('Table', () => {
  it('is a named grid with column headers and a row header per row', () => {
    render(<Planned />);
    const grid = screen.getByRole('grid', { name: 'Rencontres proposées' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Titre', 'Date']);
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Rencontre 1', 'Rencontre 2']);
  });

  it('moves between rows with the arrow keys', () => {
    render(<Planned />);
    const first = screen.getByRole('rowheader', { name: 'Rencontre 1' }).closest('tr') as HTMLElement;
    first.focus();
    fireEvent.keyDown(document.activeElement ?? first, { key: 'ArrowDown' });
    expect(document.activeElement?.closest('tr')?.textContent).toContain('Rencontre 2');
  });
});
