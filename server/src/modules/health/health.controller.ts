import type { HealthResponse } from '@affluents/contracts';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CollabHealth, type CollabHealthReport } from '../../collab/collab-health';
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
    private readonly collab: CollabHealth,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * 200 `ok` when the database (and Redis, when configured) answer. 200 `degraded` while the database
   * or Redis is unreachable or document updates wait to be written: open documents keep working from
   * memory and are written once it is back, so the node must stay in rotation and not be restarted.
   */
  @Public()
  @Get()
  async health(
    @Res({ passthrough: true }) response: Response,
  ): Promise<HealthResponse & { collab: CollabHealthReport }> {
    const database = await probe(() => this.dataSource.query('SELECT 1'));
    const redis = this.redis.enabled ? await probe(() => this.redis.ping()) : undefined;
    const collab = this.collab.report();
    const degraded = database.status === 'down' || redis?.status === 'down' || collab.persistence !== 'ok';
    const status = degraded ? 'degraded' : 'ok';
    response.status(200);
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
      collab,
    };
  }
}
