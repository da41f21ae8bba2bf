// Word lists the generators draw from. Taken from what the captured Node apps look like
// (express routes, node internals, npm module names) so that payloads compress and parse
// like real ones rather than like random bytes.

function words(list: string): string[] {
  return list.split(' ');
}

export const NOUNS: readonly string[] = words(
  'order user invoice cart payment session account product shipment coupon tenant report webhook subscription customer ticket message upload job token',
);

export const VERBS: readonly string[] = words(
  'load save fetch update validate resolve parse render sync charge lookup enqueue notify refresh compute apply serialize authorize retry publish',
);

export const PROPERTIES = ['id', 'items', 'length', 'status', 'email', 'total', 'owner', 'config', 'headers', 'data', 'name', 'map'] as const;

export const APP_DIRS = ['src/routes', 'src/services', 'src/models', 'src/lib', 'src/jobs', 'src/middleware', 'src/db', 'src/integrations'] as const;

export const NODE_INTERNAL_FRAMES = [
  { filename: 'node:internal/process/task_queues', module: 'task_queues', function: 'process.processTicksAndRejections' },
  { filename: 'node:internal/timers', module: 'timers', function: 'listOnTimeout' },
  { filename: 'node:internal/timers', module: 'timers', function: 'process.processTimers' },
  { filename: 'node:events', module: 'node:events', function: 'EventEmitter.emit' },
  { filename: 'node:diagnostics_channel', module: 'node:diagnostics_channel', function: 'Channel.runStores' },
  { filename: 'node:async_hooks', module: 'node:async_hooks', function: 'AsyncLocalStorage.run' },
  { filename: 'node:_http_server', module: 'node:_http_server', function: 'Server.emit' },
  { filename: 'node:internal/streams/readable', module: 'readable', function: 'Readable.push' },
] as const;

export const LIBRARY_FRAMES = [
  { filename: '/app/node_modules/express/lib/router/layer.js', module: 'express.lib.router:layer', function: 'Layer.handle [as handle_request]' },
  { filename: '/app/node_modules/express/lib/router/route.js', module: 'express.lib.router:route', function: 'next' },
  { filename: '/app/node_modules/express/lib/router/index.js', module: 'express.lib.router:index', function: 'Function.process_params' },
  { filename: '/app/node_modules/express/lib/router/index.js', module: 'express.lib.router:index', function: 'next' },
  { filename: '/app/node_modules/pg/lib/client.js', module: 'pg.lib:client', function: 'Client._handleErrorMessage' },
  { filename: '/app/node_modules/pg-pool/index.js', module: 'pg-pool:index', function: '?' },
  { filename: '/app/node_modules/axios/lib/core/settle.js', module: 'axios.lib.core:settle', function: 'settle' },
  { filename: '/app/node_modules/axios/lib/adapters/http.js', module: 'axios.lib.adapters:http', function: 'IncomingMessage.handleStreamEnd' },
  { filename: '/app/node_modules/ioredis/built/Redis.js', module: 'ioredis.built:Redis', function: 'Redis.sendCommand' },
  { filename: '/app/node_modules/bullmq/dist/cjs/classes/worker.js', module: 'bullmq.dist.cjs.classes:worker', function: 'Worker.processJob' },
] as const;

export const EXCEPTION_KINDS = [
  { type: 'TypeError', template: "Cannot read properties of undefined (reading '{prop}')" },
  { type: 'TypeError', template: '{noun}.{prop} is not a function' },
  { type: 'Error', template: '{noun} {n} not found' },
  { type: 'Error', template: 'connect ECONNREFUSED 10.0.{n}.12:5432' },
  { type: 'RangeError', template: 'Invalid time value for {noun} {n}' },
  { type: 'ReferenceError', template: '{noun}Cache is not defined' },
  { type: 'SyntaxError', template: 'Unexpected token < in JSON at position {n}' },
  { type: 'ValidationError', template: '"{prop}" is required for {noun} {n}' },
  { type: 'TimeoutError', template: '{verb} {noun} timed out after {n}ms' },
  { type: 'AxiosError', template: 'Request failed with status code 50{d}' },
  { type: 'DatabaseError', template: 'duplicate key value violates unique constraint "{noun}s_pkey"' },
  { type: 'PaymentError', template: 'Payment provider returned 503 for {noun} {n}' },
] as const;

export const MECHANISMS = [
  { type: 'generic', handled: true },
  { type: 'auto.http.express', handled: false },
  { type: 'onuncaughtexception', handled: false },
  { type: 'onunhandledrejection', handled: false },
] as const;

export const HTTP_METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE'] as const;

export const RELEASES = ['myapp@1.2.3', 'myapp@1.2.4', 'myapp@1.3.0'] as const;
export const ENVIRONMENTS = ['production', 'production', 'production', 'staging'] as const;
export const SERVER_NAMES = ['web-1', 'web-2', 'web-3', 'worker-1'] as const;

export interface Sdk {
  readonly name: string;
  readonly version: string;
  readonly contextLines: number;
}

export const SDKS: readonly Sdk[] = [
  { name: 'sentry.javascript.node', version: '11.12.0', contextLines: 5 },
  { name: 'sentry.javascript.node', version: '11.12.0', contextLines: 5 },
  { name: 'sentry.javascript.node', version: '11.12.0', contextLines: 5 },
  { name: 'sentry.javascript.node', version: '8.55.2', contextLines: 7 },
];

export const INTEGRATIONS: readonly string[] = words(
  'EventFilters FunctionToString LinkedErrors Dedupe RequestData NodeSystemError Console Http NodeFetch OnUncaughtException OnUnhandledRejection ContextLines LocalVariablesAsync Context ChildProcess WorkerThreads ProcessSession Modules Express Fastify Hapi Koa Graphql Mongo Mongoose Mysql Mysql2 Redis Postgres Prisma Tedious Knex GenericPool Kafka Amqplib LruMemoizer Dataloader Aws VercelAI OpenAI',
);

/** The dependency list of the express capture, which the Modules integration sends with every event. */
export const MODULES: Readonly<Record<string, string>> = Object.fromEntries(
  words(
    '@sentry/node@11.12.0 express@4.22.3 @sentry/core@11.12.0 @opentelemetry/api@1.10.0 @sentry/opentelemetry@11.12.0 body-parser@1.20.9 depd@2.0.0 merge-descriptors@1.0.3 finalhandler@1.3.2 debug@2.6.9 ms@2.0.0 encodeurl@2.0.3 escape-html@1.0.3 on-finished@2.4.2 ee-first@1.1.1 parseurl@1.3.3 statuses@2.0.2 unpipe@1.0.0 array-flatten@1.1.1 path-to-regexp@0.1.13 methods@1.1.2 utils-merge@1.0.1 setprototypeof@1.2.0 qs@6.16.2 side-channel@1.1.1 es-errors@1.3.0 object-inspect@1.14.0 get-intrinsic@1.3.1 es-object-atoms@1.1.2 math-intrinsics@1.1.0 gopd@1.2.0 es-define-property@1.0.1 has-symbols@1.1.0 get-proto@1.0.1 dunder-proto@1.0.1 call-bind-apply-helpers@1.0.2 function-bind@1.1.2 hasown@2.0.4 call-bound@1.0.4 safe-buffer@5.2.1 content-disposition@0.5.4 content-type@1.0.5 send@0.19.2 http-errors@2.0.1 inherits@2.0.4 toidentifier@1.0.1 destroy@1.2.0 etag@1.8.1 fresh@0.5.2 mime@1.6.0 range-parser@1.2.1 proxy-addr@2.0.8 forwarded@0.2.0 ipaddr.js@1.9.1 accepts@1.3.8 negotiator@0.6.3 mime-types@2.1.35 mime-db@1.52.0 type-is@1.6.18 media-typer@0.3.0 cookie-signature@1.0.7 cookie@0.7.2 vary@1.1.2 bytes@3.1.2 raw-body@2.5.3 iconv-lite@0.4.24 safer-buffer@2.1.2 serve-static@1.16.3 pg@8.16.3 pg-pool@3.10.1 ioredis@5.6.1 axios@1.11.0 bullmq@5.56.0 zod@3.25.76 pino@9.9.0 dotenv@16.6.1 jsonwebtoken@9.0.2 uuid@11.1.0',
  ).map((spec) => [spec.slice(0, spec.lastIndexOf('@')), spec.slice(spec.lastIndexOf('@') + 1)]),
);
