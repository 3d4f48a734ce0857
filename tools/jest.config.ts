export default {
  displayName: 'tools',
  preset: '../jest.preset.js',
  rootDir: '.',
  // kafka/ holds the broker's jars and run data, which jest need not crawl.
  roots: ['<rootDir>/asyncapi', '<rootDir>/bench', '<rootDir>/stack'],
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
