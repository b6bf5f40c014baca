import { z } from 'zod';

/** State of one dependency. */
export const ComponentHealth = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});

/**
 * GET /api/health, answered 200 within about a second: `degraded` while PostgreSQL or Redis is down
 * (its `error` says why) or document updates wait to be written; the node keeps serving what it can.
 */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  mode: z.object({
    database: z.enum(['postgres', 'embedded']),
    redis: z.enum(['redis', 'single-node']),
  }),
  database: ComponentHealth,
  redis: ComponentHealth.optional(),
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
