// Flat config: Nx boundaries driven by project tags, type-checked TypeScript rules as errors.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/tmp',
      '**/.nx',
      'tools/kafka/jars',
      'tools/kafka/.run',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // The contracts are the vocabulary every stage shares: they depend on nothing.
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts'] },
            // Logging, failure classes and backoff (libs/runtime): framework-free, for everyone.
            { sourceTag: 'scope:runtime', onlyDependOnLibsWithTags: ['scope:contracts'] },
            // Domain logic (extraction, enrichment, sources) is pure: contracts and runtime only.
            // scope:testing is allowed in every project for its specs; the rule below keeps
            // production files from importing it.
            {
              sourceTag: 'scope:domain',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:runtime', 'scope:testing'],
            },
            // The I/O of sources (fetching: HTTP, DNS, folders) drives the pure source logic.
            {
              sourceTag: 'scope:io',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:runtime',
                'scope:domain',
                'scope:testing',
              ],
            },
            // Plumbing (config, messaging, persistence) may use contracts and each other.
            {
              sourceTag: 'scope:infra',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:runtime',
                'scope:infra',
                'scope:testing',
              ],
            },
            {
              sourceTag: 'scope:testing',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:runtime',
                'scope:infra',
                'scope:domain',
              ],
            },
            // Apps are thin adapters over libraries and never import another app.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:runtime',
                'scope:infra',
                'scope:domain',
                'scope:io',
                'scope:testing',
              ],
            },
            // The local stack launcher (npm start) wires processes together like the e2e suite.
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:runtime',
                'scope:infra',
                'scope:domain',
                'scope:io',
                'scope:testing',
              ],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'scope:contracts',
                'scope:runtime',
                'scope:infra',
                'scope:domain',
                'scope:io',
                'scope:testing',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // scope:testing is allowed above for specs only: production code never imports it.
    files: ['**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/test/**',
      'tests/**',
      'tools/stack/**',
      // Benchmarks make throwaway databases as the tests do.
      'tools/bench/**',
      // An operator's check of a running stack, reading the dashboard as the observability spec does.
      'tools/observability/**',
      'libs/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@newsflow/testing', message: 'test helpers are for specs only' }] },
      ],
    },
  },
  {
    // Specs may use jest's loosely typed matchers (expect.any, objectContaining).
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
