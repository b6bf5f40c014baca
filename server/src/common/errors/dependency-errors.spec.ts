import { ClientOfflineError, TimeoutError } from 'redis';
import { QueryFailedError } from 'typeorm';
import { isDependencyUnavailable } from './dependency-errors';

describe('isDependencyUnavailable', () => {
  it('recognises a database or Redis that is down, refusing or too slow', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDependencyUnavailable(refused)).toBe(true);
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDependencyUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isDependencyUnavailable(new ClientOfflineError())).toBe(true);
    expect(isDependencyUnavailable(new TimeoutError('late'))).toBe(true);
    const shuttingDown = Object.assign(new Error('terminating connection'), { code: '57P01' });
    expect(isDependencyUnavailable(new QueryFailedError('SELECT 1', [], shuttingDown))).toBe(true);
    expect(isDependencyUnavailable(new Error('wrapped', { cause: refused }))).toBe(true);
  });

  it('leaves the errors of the request or the code alone', () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(isDependencyUnavailable(new QueryFailedError('INSERT', [], unique))).toBe(false);
    expect(isDependencyUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDependencyUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDependencyUnavailable(null)).toBe(false);
  });
});
