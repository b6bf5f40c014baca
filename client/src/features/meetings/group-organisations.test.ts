import { describe, expect, it } from 'vitest';
import { groupOrganisations } from './group-organisations';

const member = (organisation: { id: string; name: string } | null) =>
  ({ organisation }) as unknown as { organisation: { id: string; name: string } | null };

describe('groupOrganisations (the possible hosts of a meeting)', () => {
  it('lists the members’ organisations once each, by name in French order', () => {
    const members = [
      member({ id: 'o2', name: 'Éco-Atelier' }),
      member({ id: 'o1', name: 'CISP Aulne' }),
      member(null),
      member({ id: 'o2', name: 'Éco-Atelier' }),
      member({ id: 'o3', name: 'Ferme du Bois' }),
    ];
    expect(groupOrganisations({ members } as never)).toEqual([
      { id: 'o1', label: 'CISP Aulne' },
      { id: 'o2', label: 'Éco-Atelier' },
      { id: 'o3', label: 'Ferme du Bois' },
    ]);
  });

  it('is empty for a group not loaded yet or without structures', () => {
    expect(groupOrganisations(undefined)).toEqual([]);
    expect(groupOrganisations({ members: [member(null)] } as never)).toEqual([]);
  });
});
