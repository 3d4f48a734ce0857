import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from '@newsflow/runtime';
import { QueryFailedError } from 'typeorm';
import { DatabaseErrorsFilter } from './database-errors.filter';

const SQL = 'SELECT a.id FROM articles a WHERE a.source_id = $1';

function failed(code: string, message: string): QueryFailedError {
  return new QueryFailedError(SQL, ['feed\u0000'], Object.assign(new Error(message), { code }));
}

function run(error: QueryFailedError) {
  const reply = jest.fn();
  const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const adapterHost = { httpAdapter: { reply } } as unknown as HttpAdapterHost;
  const host = { switchToHttp: () => ({ getResponse: () => 'response' }) } as ArgumentsHost;
  new DatabaseErrorsFilter(adapterHost, logger as Logger).catch(error, host);
  const logged = JSON.stringify([...logger.warn.mock.calls, ...logger.error.mock.calls]);
  return { reply, logger, logged };
}

describe(DatabaseErrorsFilter.name, () => {
  it('answers 400 to a value Postgres refused (SQLSTATE class 22), logged as a warning', () => {
    const { reply, logger, logged } = run(
      failed('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
    );

    expect(reply).toHaveBeenCalledWith(
      'response',
      {
        statusCode: 400,
        error: 'Bad Request',
        message: ['a parameter is outside what the database accepts'],
      },
      400,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      { sqlState: '22021', error: 'invalid byte sequence for encoding "UTF8": 0x00' },
      'query refused a parameter',
    );
    expect(logger.error).not.toHaveBeenCalled();
    expect(logged).not.toContain('SELECT');
  });

  it('answers 500 to any other failure, logged as an error without the SQL or its values', () => {
    const { reply, logger, logged } = run(failed('42P01', 'relation "articles" does not exist'));

    expect(reply).toHaveBeenCalledWith(
      'response',
      { statusCode: 500, message: 'Internal server error' },
      500,
    );
    expect(logger.error).toHaveBeenCalledWith(
      { sqlState: '42P01', error: 'relation "articles" does not exist' },
      'query failed',
    );
    expect(logged).not.toContain('SELECT');
    expect(logged).not.toContain('feed');
  });
});
