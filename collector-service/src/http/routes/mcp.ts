/** /mcp: the MCP streamable HTTP endpoint behind the same API keys as the rest (read role). */
import { Hono } from 'hono';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { errorResponse } from '../errors';
import { handleMcpRequest } from '../../mcp/server';
import { requestBudget } from '../request-budget';

export function mcpRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.use('/mcp', requireRole('read'));
  app.post('/mcp', (c) => handleMcpRequest(ctx, c.req.raw, requestBudget(ctx, c)));
  // Stateless: no server-initiated stream to open, no session to end.
  app.on(['GET', 'DELETE'], '/mcp', (c) => {
    c.header('Allow', 'POST');
    return errorResponse(
      c,
      405,
      'method_not_allowed',
      'this MCP endpoint is stateless: send JSON-RPC requests with POST'
    );
  });
  return app;
}
