/**
 * The fault suite (`npm run test:faults`): the pipeline's processes, a broker and Postgres of its
 * own, broken on purpose while real pages stream. It starts and stops its own broker.
 */
export default {
  displayName: 'faults',
  preset: './jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/tests/faults/**/*.fault-spec.ts'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
  maxWorkers: 1,
  testTimeout: 600_000,
};
