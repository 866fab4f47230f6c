/** The Model Context Protocol server of OpenManager, stateless: one server and transport per HTTP request. */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { ServiceContext } from '../service-context';
import { registerTools } from './tools';
import type { QueryBudget } from '../limits';

export function createMcpServer(ctx: ServiceContext, budget: QueryBudget): McpServer {
  const mcp = new McpServer(
    { name: 'openmanager', version: ctx.version },
    {
      instructions:
        'OpenManager monitors servers (cpu, memory, disk, network, load). Use ask for questions in Korean or English; the other tools give the inventory, raw series, anomalies and the alerts firing now.',
    }
  );
  registerTools(mcp, ctx.analysis, ctx, budget);
  return mcp;
}

/** Answers one MCP request (JSON responses, no session): connects a fresh server to a fresh transport and closes both after. */
export async function handleMcpRequest(ctx: ServiceContext, request: Request, budget: QueryBudget): Promise<Response> {
  const mcp = createMcpServer(ctx, budget);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await mcp.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await mcp.close();
  }
}
