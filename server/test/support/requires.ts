/**
 * Suites that need the real shared services: they run when the variables are set (CI, the developers'
 * machines) and otherwise are skipped LOUDLY, so that nobody reads a green run without them as a pass.
 */
type ServiceVariable = 'DATABASE_URL' | 'REDIS_URL';

function missing(variables: ServiceVariable[]): ServiceVariable[] {
  return variables.filter((name) => !process.env[name]);
}

function warnSkipped(what: string, absent: ServiceVariable[]): void {
  console.warn(
    `\n*** SKIPPED: ${what} needs ${absent.join(' and ')} (a shared PostgreSQL / Redis); ` +
      'set them to run it, as CI does. ***\n',
  );
}

/** `describe` when every variable is set, else `describe.skip` with a warning naming the suite. */
export function describeWith(variables: ServiceVariable[], name: string): jest.Describe {
  const absent = missing(variables);
  if (absent.length === 0) return describe;
  warnSkipped(`the suite "${name}"`, absent);
  return describe.skip;
}

/** `it` when every variable is set, else `it.skip` with a warning naming the test. */
export function itWith(variables: ServiceVariable[], name: string): jest.It {
  const absent = missing(variables);
  if (absent.length === 0) return it;
  warnSkipped(`the test "${name}"`, absent);
  return it.skip;
}
