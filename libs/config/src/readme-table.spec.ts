import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appEnvSchemas } from './app-env-registry';

describe('README configuration table', () => {
  const root = resolve(__dirname, '../../..');
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('## Running one service alone'),
  );
  const documented = new Set([...section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((m) => m[1]));
  const schemas = appEnvSchemas(root);

  it('finds the schema of each app that reads its environment', () => {
    expect([...schemas.keys()]).toEqual(['api', 'enricher', 'fetcher', 'parser', 'store']);
  });

  it('lists exactly the variables the services read', () => {
    const inCode = new Set([...schemas.values()].flatMap((schema) => Object.keys(schema)));
    expect([...documented].sort()).toEqual([...inCode].sort());
  });

  it('gives each default the code uses', () => {
    for (const schema of schemas.values()) {
      for (const [name, spec] of Object.entries(schema)) {
        if (name === 'HTTP_PORT') continue; // one default per service, listed together
        const row = section
          .split('\n')
          .find((line) => new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`).test(line));
        const shown = Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
        const cell = shown === '' ? '(none)' : `\`${shown}\``;
        expect({ name, row: row?.includes(cell) }).toEqual({ name, row: true });
      }
    }
  });
});
