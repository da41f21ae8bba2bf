import type { FastifyInstance } from 'fastify';

/**
 * A POST or PUT whose body is empty but whose Content-Type says JSON is read as no body, as Sentry's
 * API reads it: the Sentry MCP server sends `Content-Type: application/json` on every request
 * (docs/mcp.md), including the bodiless POST of add_team_to_project. Anything else still goes
 * through Fastify's own JSON parser, prototype-poisoning checks included.
 */
export function acceptEmptyJsonBodies(server: FastifyInstance): void {
  const parseJson = server.getDefaultJsonParser('error', 'error');
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
