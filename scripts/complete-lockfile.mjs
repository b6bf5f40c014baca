#!/usr/bin/env node
// The npm registry mirror on our build machines serves only Linux builds, so `npm install` here leaves
// the other platforms' optional binaries (biome, swc, turbo... for macOS and Windows) out of
// package-lock.json, and `npm ci` then refuses the lock file as out of sync, on every machine.
// This adds the missing entries the way npm writes them for an unfetchable optional package: version
// plus os/cpu/libc, so npm skips them on other platforms and fetches them where they apply.
// Run it after any `npm install` that changed the lock file: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const lockPath = join(import.meta.dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
];
const CPU = {
  x64: 'x64',
  64: 'x64',
  arm64: 'arm64',
  ia32: 'ia32',
  arm: 'arm',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
  wasm32: 'wasm32',
};

/** Guesses os, cpu and libc from a platform package name such as `@swc/core-linux-x64-musl`. */
function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.map((t) => CPU[t]).find(Boolean);
  const libc = tokens.includes('musl')
    ? 'musl'
    : tokens.includes('gnu') && os === 'linux'
      ? 'glibc'
      : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`skipped ${name}@${spec} (not an exact version)`);
      continue;
    }
    packages[`node_modules/${name}`] = { version: spec, optional: true, ...platformOf(name) };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} off-platform optional entr${added === 1 ? 'y' : 'ies'} added`);
