import { z } from 'zod';

/** `GET /api/groups/:groupId/sessions?when=`: upcoming (default), past or all. */
export const ListSessionsQuery = z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') });
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;
