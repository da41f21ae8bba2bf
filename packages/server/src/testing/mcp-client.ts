import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { TestServer } from './test-server.js';

/**
 * The real Sentry MCP server (`@sentry/mcp-server`, run as its CLI over stdio) pointed at a test
 * server, with the MCP SDK's client on this side: what an AI assistant's MCP host does. Tools are
 * called by name; what comes back is the text the assistant would read.
 */
export interface McpSession {
  /** names of the tools `tools/list` announces */
  listTools(): Promise<string[]>;
  /** the input schema's property names of one listed tool */
  inputProperties(tool: string): Promise<string[]>;
  /** calls a listed tool; throws with the tool's text when it reports an error */
  call(tool: string, args: Record<string, unknown>): Promise<string>;
  /** calls any tool through `execute_sentry_tool` (the only way to reach the unlisted ones) */
  execute(tool: string, args: Record<string, unknown>): Promise<string>;
  /** what the MCP server wrote to stderr so far (its warnings, its crash if any) */
  stderr(): string;
  close(): Promise<void>;
}

/** The CLI of the installed @sentry/mcp-server (its package exports `.` as dist/index.js, the CLI). */
export function mcpServerBin(): string {
  return fileURLToPath(import.meta.resolve('@sentry/mcp-server'));
}

/** What `call` and `execute` throw when the tool answers with an error: its text, as the assistant would read it. */
export interface McpToolError extends Error {
  readonly tool: string;
  readonly text: string;
}

/**
 * Spawns the MCP server for `server` with `token` (the workspace's by default). Its environment is
 * only PATH and HOME: no SENTRY_DSN (so it reports no telemetry anywhere) and no LLM keys (so
 * search tools take Sentry query syntax as is, which keeps answers deterministic).
 */
export async function startMcpSession(server: TestServer, token = server.workspace.token): Promise<McpSession> {
  const host = new URL(server.url).host;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [mcpServerBin(), `--access-token=${token}`, `--host=${host}`, '--insecure-http'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const client = new Client({ name: 'faultline-tests', version: '0.1.0' });
  try {
    await client.connect(transport);
  } catch (err) {
    await transport.close();
    throw new Error(`MCP server did not start: ${String(err)}\nstderr: ${stderr}`);
  }

  let tools: Awaited<ReturnType<Client['listTools']>>['tools'] | undefined;
  const listed = async () => {
    tools ??= (await client.listTools()).tools;
    return tools;
  };

  async function call(tool: string, args: Record<string, unknown>): Promise<string> {
    const result = await client.callTool({ name: tool, arguments: args }, undefined, { timeout: 30_000 });
    const content = Array.isArray(result.content) ? (result.content as { type: string; text?: string }[]) : [];
    const text = content
      .filter((c) => c.type === 'text')
      .map((c) => c.text ?? '')
      .join('\n');
    if (result.isError === true) {
      throw Object.assign(new Error(`MCP tool ${tool} failed: ${text}`), { tool, text }) satisfies McpToolError;
    }
    return text;
  }

  return {
    listTools: async () => (await listed()).map((t) => t.name),
    async inputProperties(tool) {
      const found = (await listed()).find((t) => t.name === tool);
      if (!found) throw new Error(`MCP server lists no tool ${tool}`);
      return Object.keys(found.inputSchema.properties ?? {});
    },
    call,
    execute: (tool, args) => call('execute_sentry_tool', { name: tool, arguments: args }),
    stderr: () => stderr,
    async close() {
      // Closing the client closes stdin and ends the child (the transport signals it if it lingers).
      await client.close();
    },
  };
}
