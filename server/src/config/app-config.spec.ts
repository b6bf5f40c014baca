import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to embedded PostgreSQL and single-node mode on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.mode).toBe('embedded');
    expect(config.redis).toBeNull();
    expect(config.seedDemo).toBe(true);
    expect(config.allowedOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://affluents.be' }).allowedOrigins).toEqual(
      ['https://affluents.be'],
    );
  });

  it('uses PostgreSQL and Redis when their URLs are given', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/a', REDIS_URL: 'redis://r:6379' });
    expect(config.database).toMatchObject({ mode: 'postgres', url: 'postgres://u@db:5432/a' });
    expect(config.redis?.url).toBe('redis://r:6379');
  });

  it('names every bad variable in one error', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('LOG_LEVEL');
  });

  it('refuses demo data in production and turns secure cookies on there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(production.seedDemo).toBe(false);
    expect(production.session.cookieSecure).toBe(true);
  });

  it('keeps the embedded database in memory for :memory:', () => {
    expect(loadConfig({ DATA_DIR: ':memory:' }).database).toEqual({ mode: 'embedded', dataDir: null });
  });
});
