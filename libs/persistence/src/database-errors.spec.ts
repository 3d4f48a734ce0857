import { DependencyUnavailableError, classifyFailure } from '@newsflow/runtime';
import { DatabaseBoundary, databaseFailure, isDatabaseUnavailable } from './database-errors';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe(isDatabaseUnavailable.name, () => {
  it('knows Postgres shutting down or full, a lost connection and a refused socket', () => {
    expect(isDatabaseUnavailable({ driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('too many'), { code: '53300' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ driverError: refused() })).toBe(true);
    expect(isDatabaseUnavailable(new Error('query failed', { cause: refused() }))).toBe(true);
  });

  it('leaves a query the database refused to the caller', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable({ driverError: { code: '22021' } })).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection terminated by a bad plan'))).toBe(false);
  });
});

describe(databaseFailure.name, () => {
  it('turns an unavailable database into a wait, keeping the message and the cause', () => {
    const lost = { driverError: { code: '57P01' }, message: 'terminating connection' };
    const failure = databaseFailure(lost);
    expect(failure).toBeInstanceOf(DependencyUnavailableError);
    expect((failure as Error).message).toBe('terminating connection');
    expect((failure as Error).cause).toBe(lost);
    expect(classifyFailure(failure)).toEqual({ kind: 'dependency' });
  });

  it('passes any other error through untouched', () => {
    const duplicate = Object.assign(new Error('dup'), { code: '23505' });
    expect(databaseFailure(duplicate)).toBe(duplicate);
  });
});

describe(DatabaseBoundary.name, () => {
  @DatabaseBoundary()
  class Repository {
    constructor(private readonly failure: unknown) {}
    async read(): Promise<string> {
      await Promise.resolve();
      throw this.failure;
    }
    write(): string {
      throw this.failure;
    }
    ok(): Promise<number> {
      return Promise.resolve(this.twice(21));
    }
    private twice(n: number): number {
      return n * 2;
    }
  }

  it('turns a method failure into DependencyUnavailableError when Postgres is down', async () => {
    const down = new Repository({ driverError: { code: '57P03' }, message: 'starting up' });
    await expect(down.read()).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(() => down.write()).toThrow(DependencyUnavailableError);
  });

  it('leaves other failures and every result as they were', async () => {
    const duplicate = Object.assign(new Error('dup'), { code: '23505' });
    const refusing = new Repository(duplicate);
    await expect(refusing.read()).rejects.toBe(duplicate);
    await expect(refusing.ok()).resolves.toBe(42);
  });
});
