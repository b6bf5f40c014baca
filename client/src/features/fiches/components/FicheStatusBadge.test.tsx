import { ficheStatuses } from '@affluents/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { FicheStatusBadge, ficheStatusTone } from './FicheStatusBadge';

describe('FicheStatusBadge', () => {
  it.each([
    ['draft', 'Brouillon', 'neutral'],
    ['review', 'En relecture', 'info'],
    ['published', 'Publiée', 'success'],
    ['archived', 'Archivée', 'warning'],
  ] as const)('shows %s as “%s”', (status, label, tone) => {
    render(<FicheStatusBadge status={status} />);
    const badge = screen.getByText(label);
    expect(badge.className).toBe(`badge badge--${tone}`);
    expect(ficheStatusTone(status)).toBe(tone);
  });

  it('has a label for every status in both languages', () => {
    for (const lng of ['fr', 'en'] as const)
      for (const status of ficheStatuses) {
        const label = i18n.getFixedT(lng)(`fiches.status.${status}`);
        expect(label).not.toBe(`fiches.status.${status}`);
      }
  });
});
