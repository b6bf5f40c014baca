/**
 * Jest with SWC. NestJS 12 ships ESM only, so its packages go through the transform too.
 * PGlite loads its WASM with a dynamic import, which Jest's VM allows only under --experimental-vm-modules
 * (set in the test script). happy-dom (the editor's DOM in concurrent-starts.spec.ts) is ESM only as well.
 * Type-checking is `tsc --noEmit` (npm run typecheck), not Jest's job.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      keepClassNames: true,
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testTimeout: 30000,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|uid|strtok3|token-types|@tokenizer|@borewit|uint8array-extras|load-esm|happy-dom)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
