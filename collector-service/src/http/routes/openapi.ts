/** GET /api/openapi.json (no key): the API described from the contract's schemas. */
import { Hono } from 'hono';
import type { ServiceContext } from '../../service-context';
import { openApiDocument } from '../openapi';

export function openApiRoutes(ctx: ServiceContext) {
  const app = new Hono();
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get('/api/openapi.json', (c) => c.json((document ??= openApiDocument(ctx.version))));
  return app;
}
