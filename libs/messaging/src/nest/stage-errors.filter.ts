import { Catch, Controller, UseFilters, applyDecorators } from '@nestjs/common';
import type { RpcExceptionFilter } from '@nestjs/common';
import { throwError } from 'rxjs';
import type { Observable } from 'rxjs';

/**
 * Nest's default RPC exception filter turns any error into `{ status: 'error', message:
 * 'Internal server error' }`, which would hide from the consumer runner whether a failure is
 * permanent (dead-letter now) or transient (retry). This filter hands the original error on.
 */
@Catch()
export class StageErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Marks a class as a stage's Kafka consumer: a Nest controller whose handlers' errors reach the
 * consumer runner as they were thrown. Applied per class because in a hybrid app the
 * microservice's handlers are built when it is connected, before global filters could be set.
 */
export const StageConsumer = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(StageErrorsFilter));
