import type { AttachedFile } from '@affluents/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../i18n';
import { AttachedFiles } from './Attachments';

const photo: AttachedFile = {
  id: '00000000-0000-4000-8000-0000000000e1',
  name: 'atelier.jpg',
  mediaType: 'image/jpeg',
  kind: 'image',
  byteSize: 4096,
  width: 1200,
  height: 800,
};
const pdf: AttachedFile = {
  id: '00000000-0000-4000-8000-0000000000f1',
  name: 'formulaire.pdf',
  mediaType: 'application/pdf',
  kind: 'document',
  byteSize: 2048,
  width: null,
  height: null,
};
const sheet: AttachedFile = {
  ...pdf,
  id: '00000000-0000-4000-8000-0000000000f2',
  name: 'budget.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

describe('AttachedFiles', () => {
  it('shows an image as a thumbnail opening its screen version in a new tab', () => {
    render(<AttachedFiles files={[photo]} />);
    const link = screen.getByRole('link', { name: 'Ouvrir l’image « atelier.jpg » dans un nouvel onglet' });
    expect(link.getAttribute('href')).toBe(`/api/files/${photo.id}/display`);
    expect(link.getAttribute('target')).toBe('_blank');
    const img = screen.getByRole('img', { name: 'atelier.jpg' });
    expect(img.getAttribute('src')).toBe(`/api/files/${photo.id}/display`);
  });

  it('shows a PDF as a card with a preview in a new tab and its download', () => {
    render(<AttachedFiles files={[pdf]} />);
    const preview = screen.getByRole('link', { name: 'Aperçu de « formulaire.pdf » (nouvel onglet)' });
    expect(preview.getAttribute('href')).toBe(`/api/files/${pdf.id}/preview`);
    expect(preview.getAttribute('target')).toBe('_blank');
    const download = screen.getByRole('link', { name: 'Télécharger « formulaire.pdf » (2 ko)' });
    expect(download.getAttribute('href')).toBe(`/api/files/${pdf.id}`);
    expect(screen.getByText('Document PDF, 2 ko')).toBeTruthy();
  });

  it('shows another document as a download card with its name and size, without preview', () => {
    render(<AttachedFiles files={[sheet]} />);
    expect(screen.getByText('budget.xlsx')).toBeTruthy();
    expect(screen.getByText('Classeur Excel, 2 ko')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Aperçu/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Télécharger « budget.xlsx » (2 ko)' })).toBeTruthy();
  });
});
