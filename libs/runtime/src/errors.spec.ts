import { InvalidEventError, parseEvent, Topic } from '@newsflow/contracts';
import {
  DependencyUnavailableError,
  UnprocessableError,
  classifyFailure,
  errorMessage,
} from './errors';

function invalidEvent(): InvalidEventError {
  try {
    parseEvent(Topic.ArticleFetched, 'not json');
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
  }
  throw new Error('parseEvent accepted garbage');
}

describe(classifyFailure.name, () => {
  it('dead-letters invalid events with their own code', () => {
    expect(classifyFailure(invalidEvent())).toEqual({ kind: 'permanent', code: 'invalid-json' });
  });

  it('dead-letters unprocessable messages at once', () => {
    expect(classifyFailure(new UnprocessableError('empty page'))).toEqual({
      kind: 'permanent',
      code: 'unprocessable',
    });
  });

  it('waits out a dependency that is down, however it is wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(classifyFailure(new DependencyUnavailableError('db'))).toEqual({ kind: 'dependency' });
    expect(classifyFailure(refused)).toEqual({ kind: 'dependency' });
    expect(classifyFailure(new Error('query failed', { cause: refused }))).toEqual({
      kind: 'dependency',
    });
    expect(classifyFailure(new AggregateError([refused], 'all addresses failed'))).toEqual({
      kind: 'dependency',
    });
  });

  it('retries anything else', () => {
    expect(classifyFailure(new Error('boom'))).toEqual({ kind: 'transient' });
    expect(classifyFailure(Object.assign(new Error('dup'), { code: '23505' }))).toEqual({
      kind: 'transient',
    });
  });
});

describe(errorMessage.name, () => {
  it('reads messages from errors and error-like objects', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage({ status: 'error', message: 'Internal server error' })).toBe(
      'Internal server error',
    );
    expect(errorMessage({ code: 7 })).toBe('{"code":7}');
    expect(errorMessage('plain')).toBe('plain');
  });
});
