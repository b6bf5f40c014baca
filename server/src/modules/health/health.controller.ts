import type { HealthResponse } from '@affluents/contracts';
import { routes } from '@affluents/contracts';
import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CollabHealth, type CollabHealthReport } from '../../collab/collab-health';
import { Route } from '../../common/http/route.decorator';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { pingDatabase } from '../../infra/database/database-ping';
import { RedisService } from '../../infra/redis/redis.service';

const r = routes.health;

/**
 * Longest wait for each dependency's answer: the checks run side by side, so the endpoint answers
 * within about this long whatever is down (a load balancer's check must not time out and drop every
 * node at once).
 */
const PROBE_TIMEOUT_MS = 800;

async function probe(name: string, check: () => Promise<unknown>) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} ne répond pas (${PROBE_TIMEOUT_MS} ms)`)),
      PROBE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' as const, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { status: 'down' as const, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

@Controller()
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
   * `database.error` / `redis.error` say which is down. Answers within about PROBE_TIMEOUT_MS.
   */
  @Route(r.health)
  async health(
    @Res({ passthrough: true }) response: Response,
  ): Promise<HealthResponse & { collab: CollabHealthReport }> {
    const [database, redis] = await Promise.all([
      probe('PostgreSQL', () =>
        pingDatabase(this.dataSource, this.config.database.mode === 'embedded', PROBE_TIMEOUT_MS),
      ),
      this.redis.enabled ? probe('Redis', () => this.redis.ping()) : undefined,
    ]);
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
      version: this.config.version,
      uptimeSeconds: Math.round(process.uptime()),
      collab,
    };
  }
}
