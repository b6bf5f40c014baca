import type { BassinSummary } from '@affluents/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { BassinList } from './BassinList';
import { MyGroups } from './MyGroups';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function bassin(n: number, name: string, memberOf: number | null = null): BassinSummary {
  const kinds = ['social_workers', 'managers', 'encadrants'] as const;
  return {
    id: id(n * 10),
    name,
    slug: name.toLowerCase(),
    archivedAt: null,
    mergedIntoId: null,
    groups: kinds.map((kind, i) => ({
      id: id(n * 10 + i + 1),
      kind,
      bassinId: id(n * 10),
      memberCount: i + 1,
      isMember: memberOf === i,
      myRole: memberOf === i ? ('member' as const) : null,
    })),
  };
}

const bassins = [bassin(1, 'Brabant wallon'), bassin(2, 'Hainaut Sud', 0)];
const memberGroupId = id(21);
const canOpenGroup = (groupId: string) => groupId === memberGroupId;

describe('BassinList', () => {
  it('lists every bassin with its three groups and member counts', () => {
    renderWithProviders(<BassinList bassins={bassins} canOpenGroup={canOpenGroup} />);
    expect(screen.getByRole('heading', { name: 'Brabant wallon' })).toBeTruthy();
    const hainaut = screen.getByRole('region', { name: 'Hainaut Sud' });
    expect(within(hainaut).getAllByRole('listitem')).toHaveLength(3);
    expect(within(hainaut).getByText('Personnel encadrant')).toBeTruthy();
    expect(within(hainaut).getByText('3 membres')).toBeTruthy();
    expect(within(hainaut).getByText('1 membre')).toBeTruthy();
  });

  it('marks my group with a text badge and links only the groups I may open', () => {
    renderWithProviders(<BassinList bassins={bassins} canOpenGroup={canOpenGroup} />);

    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe(`/groupes/${memberGroupId}`);
    expect(links[0]?.textContent).toBe('Hainaut Sud – Travailleurs sociaux');

    const mine = links[0]?.closest('li');
    expect(mine?.className).toContain('group-tile--mine');
    expect(within(mine as HTMLElement).getByText('Mon groupe')).toBeTruthy();
    expect(screen.getAllByText('Mon groupe')).toHaveLength(1);
    expect(screen.getAllByText('Réservé aux membres')).toHaveLength(5);
  });
});

describe('MyGroups', () => {
  it('summarises the groups I belong to', () => {
    renderWithProviders(<MyGroups bassins={bassins} isCoordination={false} />);
    const section = screen.getByRole('region', { name: 'Mes groupes' });
    const link = within(section).getByRole('link');
    expect(link.textContent).toBe('Hainaut SudTravailleurs sociaux');
    expect(link.getAttribute('href')).toBe(`/groupes/${memberGroupId}`);
  });

  it('says what to do when I belong to no group', () => {
    renderWithProviders(<MyGroups bassins={[bassin(1, 'Namur')]} isCoordination={false} />);
    expect(screen.getByRole('heading', { name: 'Vous ne faites encore partie d’aucun groupe' })).toBeTruthy();
    expect(screen.getByText(/peut vous y inviter/)).toBeTruthy();
  });
});
