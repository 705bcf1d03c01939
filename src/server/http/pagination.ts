import { z } from 'zod';

/** API.md: every list takes ?limit=&offset= with limit ≤ 200. */
export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type Page = z.infer<typeof Pagination>;

export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
