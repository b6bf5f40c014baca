import { z } from 'zod';

/** `GET /api/groups/:groupId/meetings?when=`: upcoming (default), past or all. */
export const ListMeetingsQuery = z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') });
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuery>;
