import type { FastifyError, FastifyInstance } from 'fastify';
import { isFaultlineError, type Logger } from '../kernel/index.js';

/**
 * The one handler unexpected errors reach. Client mistakes become 4xx with
 * `{"detail": …}` (the body Sentry clients print); anything else is logged,
 * counted and answered 500 without internals.
 */
export function installErrorHandling(app: FastifyInstance, logger: Logger, counters: { unexpected: number }, spaFallback: boolean): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (isFaultlineError(err)) {
      void reply.code(err.status).headers(err.headers).send({ detail: err.message });
      return;
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      void reply.code(status).send({ detail: clientMessage(err as FastifyError) });
      return;
    }
    counters.unexpected += 1;
    logger.error({ err, method: request.method, url: request.url }, 'unexpected error');
    void reply.code(500).send({ detail: 'Internal server error' });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (spaFallback && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/_')) return reply.sendFile('index.html');
    return reply.code(404).send({ detail: `No route for ${request.method} ${path}` });
  });
}

function clientMessage(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'Request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported Content-Type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Request body is empty but Content-Type is application/json';
    default:
      return err.message;
  }
}
