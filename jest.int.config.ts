/** Integration and end-to-end suites: the real broker (started once) and the real Postgres. */
export default {
  displayName: 'integration',
  preset: './jest.preset.js',
  rootDir: '.',
  testMatch: [
    '<rootDir>/{apps,libs,examples}/**/*.int-spec.ts',
    '<rootDir>/tests/**/*.e2e-spec.ts',
  ],
  // Anchored to the root: a clone under /tmp (or any path holding "dist") must still find its
  // suites; only the repository's own build output and scratch folder are skipped.
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
  // Suites share one broker and one database and start OS processes: one at a time on 2 cores.
  maxWorkers: 1,
  testTimeout: 120_000,
};
