import type { HealthResponse } from '@affluents/contracts';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RedisService } from '../../infra/redis/redis.service';

const version = process.env.npm_package_version ?? '0.1.0';

async function probe(check: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await check();
    return { status: 'up' as const, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { status: 'down' as const, error: err instanceof Error ? err.message : String(err) };
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 when the database (and Redis, when configured) answer; 503 when the database does not. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const database = await probe(() => this.dataSource.query('SELECT 1'));
    const redis = this.redis.enabled ? await probe(() => this.redis.ping()) : undefined;
    const status = database.status === 'down' ? 'down' : redis?.status === 'down' ? 'degraded' : 'ok';
    response.status(status === 'down' ? 503 : 200);
    return {
      status,
      mode: {
        database: this.config.database.mode,
        redis: this.config.redis ? 'redis' : 'single-node',
      },
      database,
      ...(redis ? { redis } : {}),
      version,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
