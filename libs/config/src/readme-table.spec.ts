import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiEnv } from './api.config';
import { kafkaEnv } from './kafka.config';
import { stageEnv } from './stage.config';

describe('README configuration table', () => {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('## Running one service alone'),
  );
  const documented = new Set([...section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((m) => m[1]));
  const inCode = new Set([
    ...Object.keys(kafkaEnv),
    ...Object.keys(apiEnv),
    ...Object.values(stageEnv).flatMap((vars) => Object.keys(vars)),
  ]);

  it('lists exactly the variables the services read', () => {
    expect([...documented].sort()).toEqual([...inCode].sort());
  });

  it('gives each default the code uses', () => {
    const all = {
      ...kafkaEnv,
      ...apiEnv,
      ...stageEnv.fetcher,
      ...stageEnv.parser,
      ...stageEnv.store,
    };
    for (const [name, spec] of Object.entries(all)) {
      if (name === 'HTTP_PORT') continue; // one default per service, listed together
      const row = section
        .split('\n')
        .find((line) => new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`).test(line));
      const shown = Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
      const cell = shown === '' ? '(none)' : `\`${shown}\``;
      expect({ name, row: row?.includes(cell) }).toEqual({ name, row: true });
    }
  });
});
