/**
 * A tiny typed environment reader: each variable declares how to parse it and its default, and
 * `readEnv` reports every bad variable in one error instead of failing on the first.
 */
export interface EnvVar<T> {
  /** Human description, shown in errors and the README's configuration table. */
  description: string;
  default?: T;
  parse(raw: string): T;
}

export type EnvSchema = Record<string, EnvVar<unknown>>;

export type EnvValues<S extends EnvSchema> = {
  [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function readEnv<S extends EnvSchema>(
  schema: S,
  env: Readonly<Record<string, string | undefined>> = process.env,
): EnvValues<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      if (spec.default === undefined) problems.push(`${name} is required (${spec.description})`);
      else values[name] = spec.default;
      continue;
    }
    try {
      values[name] = spec.parse(raw.trim());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push(`${name}=${JSON.stringify(raw)}: ${reason}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as EnvValues<S>;
}

export const str = (description: string, fallback?: string): EnvVar<string> => ({
  description,
  default: fallback,
  parse: (raw) => raw,
});

export const int = (
  description: string,
  fallback: number | undefined,
  bounds: { min?: number; max?: number } = {},
): EnvVar<number> => ({
  description,
  default: fallback,
  parse(raw) {
    if (!/^-?\d+$/.test(raw)) throw new Error('must be an integer');
    const value = Number(raw);
    if (bounds.min !== undefined && value < bounds.min) throw new Error(`must be >= ${bounds.min}`);
    if (bounds.max !== undefined && value > bounds.max) throw new Error(`must be <= ${bounds.max}`);
    return value;
  },
});

export const list = (description: string, fallback?: string[]): EnvVar<string[]> => ({
  description,
  default: fallback,
  parse(raw) {
    const items = raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    if (items.length === 0) throw new Error('must list at least one value');
    return items;
  },
});

export function oneOf<const T extends string>(
  description: string,
  choices: readonly T[],
  fallback?: T,
): EnvVar<T> {
  return {
    description,
    default: fallback,
    parse(raw) {
      if (!(choices as readonly string[]).includes(raw)) {
        throw new Error(`must be one of ${choices.join(', ')}`);
      }
      return raw as T;
    },
  };
}
