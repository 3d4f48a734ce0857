import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvSchema, EnvVar } from './env-schema';

/** Where each app declares its environment: `apps/<app>/src/config/<app>.config.ts`. */
function appConfigFile(root: string, app: string): string {
  return join(root, 'apps', app, 'src', 'config', `${app}.config`);
}

function isEnvSchema(value: unknown): value is EnvSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every(
      (spec: Partial<EnvVar<unknown>>) =>
        typeof spec?.description === 'string' && typeof spec.parse === 'function',
    )
  );
}

/**
 * Every app's environment schema by app name, for the specs that hold the README's
 * configuration table and the deployment manifests to the code. Each app exports its own as
 * `<app>Env` from its config file; a library may not import an app, so they are found by that
 * convention rather than imported. Runs where the config files are: the sources under jest, or
 * dist once built.
 */
export function appEnvSchemas(root: string): Map<string, EnvSchema> {
  const schemas = new Map<string, EnvSchema>();
  for (const app of readdirSync(join(root, 'apps')).sort()) {
    const file = appConfigFile(root, app);
    if (!existsSync(`${file}.ts`) && !existsSync(`${file}.js`)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- found by path, see above
    const schema = (require(file) as Record<string, unknown>)[`${app}Env`];
    if (!isEnvSchema(schema)) throw new Error(`${file} exports no ${app}Env schema`);
    schemas.set(app, schema);
  }
  return schemas;
}
