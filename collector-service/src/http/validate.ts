/** Turns query strings and JSON bodies into typed values, or a 400 naming what is wrong. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { describeIssue } from '@openmanager/contract';
import { badRequest } from './errors';

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw badRequest(describeIssue(result.error));
  return result.data;
}

export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('body: expected a JSON document', 'invalid_json');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw badRequest(describeIssue(result.error));
  return result.data;
}
