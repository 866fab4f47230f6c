/**
 * A large JSON answer encoded once. Given a string (as `c.json` gives it), the Node adapter scans it for its
 * byte length and encodes it again when writing; range reads answer megabytes, so they hand over bytes.
 */
import type { Context } from 'hono';

export const jsonAnswer = (c: Context, body: unknown) =>
  c.body(Buffer.from(JSON.stringify(body)), 200, { 'content-type': 'application/json' });
