import { isAllowedHref, linkTarget } from './links';

describe('isAllowedHref', () => {
  it.each([
    'https://www.forem.be/offres',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG',
    'mailto:accueil@cpas.be',
    '/fiches/0b6f6d52-3c8e-4c1f-9a55-6f9f7a3e1a10',
    '/discussions/0b6f6d52-3c8e-4c1f-9a55-6f9f7a3e1a10#m-4',
    '/',
  ])('lets %s become a link', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example.org',
    '//evil.example',
    '/\\evil.example',
    'fiches/abc',
    '#m-3',
    '',
  ])('keeps %j as text', (href) => {
    expect(isAllowedHref(href)).toBe(false);
  });
});

describe('linkTarget', () => {
  it('tells web and mail links from app paths', () => {
    expect(linkTarget('https://www.forem.be')).toBe('external');
    expect(linkTarget('mailto:a@b.be')).toBe('external');
    expect(linkTarget('/fiches/x')).toBe('app');
    expect(linkTarget('data:text/plain,x')).toBeNull();
  });
});
