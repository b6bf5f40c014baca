import { describe, expect, it } from 'vitest';
import { acceptFor, checkFile, likelyKind } from './file-checks';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });
const space = {
  limits: { maxFileBytes: 1000, maxFicheBytes: 3000 },
  usedBytes: 1500,
  pendingBytes: 600,
};

describe('file checks before sending', () => {
  it('accepts the allowed types, and a file the browser does not type when its name is allowed', () => {
    expect(checkFile(file('photo.jpg', 'image/jpeg'))).toBeNull();
    expect(checkFile(file('compte-rendu.odt', ''))).toBeNull();
    expect(checkFile(file('budget.xlsx', 'application/octet-stream'))).toBeNull();
  });

  it('refuses other types, whatever their name says', () => {
    expect(checkFile(file('logo.svg', 'image/svg+xml'))).toEqual({ reason: 'type' });
    expect(checkFile(file('setup.exe', 'application/x-msdownload'))).toEqual({ reason: 'type' });
    expect(checkFile(file('notes.txt', ''))).toEqual({ reason: 'type' });
  });

  it('refuses a file over the per-file limit, or over the space left in the fiche (uploads under way count)', () => {
    expect(checkFile(file('grand.pdf', 'application/pdf', 1001), space)).toEqual({
      reason: 'tooLarge',
      maxBytes: 1000,
    });
    expect(checkFile(file('moyen.pdf', 'application/pdf', 901), space)).toEqual({
      reason: 'ficheFull',
      freeBytes: 900,
      maxBytes: 3000,
    });
    expect(checkFile(file('petit.pdf', 'application/pdf', 900), space)).toBeNull();
  });

  it('tells images from documents and offers each kind its own types in the picker', () => {
    expect(likelyKind(file('photo.webp', 'image/webp'))).toBe('image');
    expect(likelyKind(file('photo.png', ''))).toBe('image');
    expect(likelyKind(file('rapport.pdf', 'application/pdf'))).toBe('document');
    expect(acceptFor('image').split(',')).toEqual(expect.arrayContaining(['image/png', '.jpg']));
    expect(acceptFor('image')).not.toContain('.pdf');
    expect(acceptFor('document').split(',')).toEqual(
      expect.arrayContaining(['application/pdf', '.pdf', '.docx', '.odt']),
    );
    expect(acceptFor('document')).not.toContain('.png');
  });
});
