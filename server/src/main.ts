import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { DemoSeeder } from './seed/demo-seeder';

async function bootstrap(): Promise<void> {
  const started = performance.now();
  // Last resort only: every promise is handled where it is made (a Redis or database outage must not
  // reject one unheard, issue 11). Should one slip through, it is logged loudly rather than ending the
  // node and every connection it holds; an uncaught exception still ends it (state may be corrupt).
  const processLogger = new Logger('Process');
  process.on('unhandledRejection', (reason: unknown) => {
    processLogger.error(
      `unhandled promise rejection (a bug to fix): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { app, servesClient } = await createApp(config);
  const logger = new Logger('Affluents');
  if (config.env === 'production' && !servesClient) {
    logger.error(`Client introuvable dans ${config.clientDist}: lancez "npm run build" avant de démarrer.`);
    await app.close();
    process.exit(1);
  }
  if (config.seedDemo) {
    const seeded = await app.get(DemoSeeder).seedIfEmpty();
    if (seeded) logger.log(seeded.summary);
  }
  await app.listen(config.port, config.host);
  const db =
    config.database.mode === 'embedded'
      ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir ?? 'memory'}`
      : 'PostgreSQL';
  const redis = config.redis
    ? 'Redis (multi-node ready)'
    : 'single node, in-process presence and fan-out (no REDIS_URL)';
  logger.log(`mode: ${config.env}; database: ${db}; realtime: ${redis}`);
  logger.log(`client: ${servesClient ? `served from ${config.clientDist}` : 'not built (API only)'}`);
  if (config.seedDemo) {
    logger.log(
      'demo accounts (password affluents-demo): admin, amina, marc, julie, sophie, nadia @affluents.test',
    );
  }
  logger.log(`Affluents ready on ${config.publicUrl} in ${Math.round(performance.now() - started)} ms`);
}

void bootstrap().catch((err: unknown) => {
  console.error('Affluents failed to start:', err);
  process.exit(1);
});
