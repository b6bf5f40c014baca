import { originAllowed } from './origin-check';

describe('originAllowed', () => {
  it('lets an Origin of the allow-list through, and requests without Origin, nothing else', () => {
    const allowed = new Set(['https://affluents.be', 'http://localhost:5173']);
    expect(originAllowed('https://affluents.be', allowed)).toBe(true);
    expect(originAllowed(undefined, allowed)).toBe(true);
    // An empty header is no Origin either: browsers always name theirs.
    expect(originAllowed('', allowed)).toBe(true);
    expect(originAllowed('https://evil.example', allowed)).toBe(false);
    expect(originAllowed('https://affluents.be.evil.example', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
  });
});
