import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { demoPeople } from '../src/seed/demo-data';

const root = path.join(__dirname, '..', '..');
const architecture = readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
const folders = (relative: string) =>
  readdirSync(path.join(root, relative), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

describe('docs/ARCHITECTURE.md names every module and feature', () => {
  it('has a row for each folder of server/src/modules', () => {
    const unnamed = folders('server/src/modules').filter(
      (name) => !architecture.includes(`server/src/modules/${name}/`),
    );
    expect(unnamed).toEqual([]);
  });

  it('names each folder of client/src/features in its features row', () => {
    const row = architecture
      .split('\n')
      .find((line) => line.startsWith('| `client/src/features/<feature>/`'));
    expect(row).toBeDefined();
    const unnamed = folders('client/src/features').filter(
      (name) => !new RegExp(`\\b${name}\\b`).test(row as string),
    );
    expect(unnamed).toEqual([]);
  });
});

describe('README.md lists every demo account', () => {
  it('names each email the seeder creates', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(demoPeople.map((person) => person.email).filter((email) => !readme.includes(email))).toEqual([]);
  });
});
