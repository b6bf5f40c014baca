import { cleanFileName, MAX_FILE_NAME_LENGTH, recogniseType } from './file-checks';

describe('file names', () => {
  it('keeps the last part of a path, without control characters, bidi overrides or quotes', () => {
    expect(cleanFileName('C:\\Users\\léa\\Documents\\Bilan 2026.pdf')).toBe('Bilan 2026.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('a\u0000b\u0007c\t d"e.pdf')).toBe('abc de.pdf');
    expect(cleanFileName('...cache.pdf')).toBe('cache.pdf');
  });

  it('composes accents and names what is left empty "fichier"', () => {
    expect(cleanFileName('e\u0301te\u0301.pdf')).toBe('été.pdf');
    expect(cleanFileName('')).toBe('fichier');
    expect(cleanFileName(undefined)).toBe('fichier');
    expect(cleanFileName('/\u202E/')).toBe('fichier');
  });

  it('cuts a long name before its extension, counting characters, not UTF-16 units', () => {
    const long = `${'é'.repeat(150)}${'😀'.repeat(100)}.docx`;
    const cut = cleanFileName(long);
    expect(Array.from(cut)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cut.endsWith('😀.docx')).toBe(true);
  });
});

describe('types recognised from the content', () => {
  it('knows the image and PDF signatures whatever the name', async () => {
    const png = Buffer.from('89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489', 'hex');
    expect(await recogniseType(png, 'image.pdf')).toEqual({ mediaType: 'image/png', kind: 'image' });
    expect(await recogniseType(Buffer.from('%PDF-1.7\n1 0 obj\n'), 'sans-extension')).toEqual({
      mediaType: 'application/pdf',
      kind: 'document',
    });
  });

  it('names the application of a Compound File by its extension only, and refuses other ones', async () => {
    const cfb = Buffer.alloc(2048);
    Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(cfb);
    expect((await recogniseType(cfb, 'budget.xls'))?.mediaType).toBe('application/vnd.ms-excel');
    expect((await recogniseType(cfb, 'slides.PPT'))?.mediaType).toBe('application/vnd.ms-powerpoint');
    expect(await recogniseType(cfb, 'setup.msi')).toBeNull();
    // A .doc name on something else is no Word document.
    expect(await recogniseType(Buffer.from('<html></html>'), 'lettre.doc')).toBeNull();
  });

  it('never recognises text formats: SVG, HTML, scripts', async () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '<!DOCTYPE html><html/>',
      '#!/bin/sh\nrm -rf /',
    ])
      expect(await recogniseType(Buffer.from(text), 'fichier.png')).toBeNull();
  });
});
