import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { serveClientApp } from './common/http/client-app';
import { compressResponses } from './common/http/compress';
import { originCheck } from './common/http/origin-check';
import type { AppConfig } from './config/app-config';
import { openDatabase } from './infra/database/database.service';
import { setupOpenApi } from './openapi/openapi.setup';

const version = '0.1.0';

/** A configured application, not yet listening. */
export interface CreatedApp {
  app: NestExpressApplication;
  servesClient: boolean;
}

/**
 * Opens the database (applying migrations), then builds the Nest application with every HTTP concern
 * wired: logs with request ids, compression, cookies, origin check, JSON limits, the API docs and the built client.
 */
export async function createApp(config: AppConfig): Promise<CreatedApp> {
  const database = await openDatabase(config.database);
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
      bufferLogs: true,
      bodyParser: false,
    });
  } catch (err) {
    await database.close();
    throw err;
  }
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  app.setGlobalPrefix('api');
  app.use(compressResponses());
  app.use(cookieParser());
  app.use('/api', originCheck(config.allowedOrigins));
  app.useBodyParser('json', { limit: '256kb' });
  setupOpenApi(app, version);
  const servesClient = serveClientApp(app, config.clientDist);
  await app.init();
  return { app, servesClient };
}
