/** The body of every failed request: `{"error": {"code", "message"}}`, the message naming what is wrong. */
import { z } from 'zod';

export const apiErrorBody = z.object({
  error: z.object({
    code: z.string().describe('Machine-readable: bad_request, unauthorized, not_found, ...'),
    message: z.string().describe('One line naming what is wrong, e.g. `from: must be before to`'),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
