import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { openDatabase } from '../infra/database/database.service';
import { DemoSeeder } from '../seed/demo-seeder';

/** `npm run seed`: applies migrations and loads the demo data into an empty database. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.env === 'production') {
    console.error('Refusé : pas de données de démonstration en production (NODE_ENV=production).');
    process.exit(1);
  }
  const database = await openDatabase(config.database);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database), {
    logger: ['error', 'warn'],
  });
  try {
    const result = await app.get(DemoSeeder).seedIfEmpty();
    console.log(result ? result.summary : 'La base contient déjà des données : rien à faire.');
    console.log(
      'Comptes : admin, amina, marc, julie, sophie, nadia @affluents.test — mot de passe affluents-demo',
    );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
