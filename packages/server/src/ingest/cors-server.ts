import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { corsHeaders } from './cors.js';

// The ingest endpoints SDKs call (docs/ingest.md › Endpoints), with or without the trailing slash.
const ingestPath = /^\/api\/[^/?#]+\/(?:envelope|store|security|minidump|unreal)(?:[/?#]|$)/;

export function isIngestPath(url: string): boolean {
  return ingestPath.test(url);
}

/**
 * Fastify's `serverFactory`: the plain HTTP server Fastify would build, whose request
 * listener first puts the ingest CORS headers on every response under an ingest path.
 * Fastify answers some requests before any route or hook of the ingest plugin runs — 404
 * for a method no route has, 503 while closing — and a browser SDK that cannot read those
 * answers reports a network error instead of the status. Headers set here merge with what
 * the reply writes later (the plugin's own hook sets the same values).
 */
export function ingestCorsServer(handler: (req: IncomingMessage, res: ServerResponse) => void, opts: Record<string, unknown>): Server {
  const server = createServer((req, res) => {
    if (isIngestPath(req.url ?? '')) for (const [name, value] of Object.entries(corsHeaders(req.headers.origin))) res.setHeader(name, value);
    handler(req, res);
  });
  // The timeouts Fastify sets on the server it builds itself (its defaults fill `opts`).
  if (typeof opts.keepAliveTimeout === 'number') server.keepAliveTimeout = opts.keepAliveTimeout;
  if (typeof opts.requestTimeout === 'number') server.requestTimeout = opts.requestTimeout;
  if (typeof opts.connectionTimeout === 'number') server.setTimeout(opts.connectionTimeout);
  if (typeof opts.maxRequestsPerSocket === 'number' && opts.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = opts.maxRequestsPerSocket;
  return server;
}
