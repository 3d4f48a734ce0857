import { Catch, HttpStatus, Inject } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DependencyUnavailableError, LOGGER } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import { QueryFailedError } from 'typeorm';

/**
 * SQLSTATE class 22, "data exception": a value Postgres cannot take (out of range, bad
 * encoding, NUL in text). The API's only values are the client's parameters, so these are the
 * client's error; the DTOs refuse every case found so far, and this is the net under them.
 */
const DATA_EXCEPTION = /^22/;

/**
 * A failed query as an HTTP answer: 400 when a parameter was the cause, else 500. The log line
 * has the SQLSTATE and Postgres's message, never the SQL or the bound values, and a client's
 * error is a warning: Nest's default logged the whole statement at error level. An unavailable
 * database reaches here as the repositories' DependencyUnavailableError, the query's error as
 * its cause.
 */
@Catch(QueryFailedError, DependencyUnavailableError)
export class DatabaseErrorsFilter
  implements ExceptionFilter<QueryFailedError | DependencyUnavailableError>
{
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  catch(error: QueryFailedError | DependencyUnavailableError, host: ArgumentsHost): void {
    const sqlState = sqlStateOf(error);
    const context = { sqlState, error: error.message };
    const clientError = sqlState !== undefined && DATA_EXCEPTION.test(sqlState);
    if (clientError) this.logger.warn(context, 'query refused a parameter');
    else this.logger.error(context, 'query failed');
    const status = clientError ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
    const body = clientError
      ? {
          statusCode: status,
          error: 'Bad Request',
          message: ['a parameter is outside what the database accepts'],
        }
      : { statusCode: status, message: 'Internal server error' };
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, status);
  }
}

function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof DependencyUnavailableError) return sqlStateOf(error.cause);
  if (!(error instanceof QueryFailedError)) return undefined;
  const code: unknown = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
