import type { JsonObject } from '@faultline/protocol';
import type { Rng } from './rng.js';
import { sourceLine } from './source-lines.js';
import { ENVIRONMENTS, INTEGRATIONS, MODULES, NOUNS, RELEASES, type Sdk, SERVER_NAMES, VERBS } from './vocabulary.js';

// The parts every Node SDK event carries besides the exception: sdk, contexts, modules,
// user, request, breadcrumbs, tags. Shapes follow sentry-node-11.12.0/006 and 8.55.2/012.

export interface Trace {
  readonly traceId: string;
  readonly spanId: string;
}

export function newTrace(rng: Rng): Trace {
  return { traceId: rng.hex(32), spanId: rng.hex(16) };
}

/** Seconds with millisecond fraction, as the JS SDK writes `timestamp`. */
export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

export function sdkInfo(sdk: Sdk): JsonObject {
  return { integrations: [...INTEGRATIONS], name: sdk.name, version: sdk.version, packages: [{ name: 'npm:@sentry/node', version: sdk.version }] };
}

export interface Deployment {
  readonly release: string;
  readonly environment: string;
  readonly serverName: string;
}

export function deployment(rng: Rng): Deployment {
  return { release: rng.pick(RELEASES), environment: rng.pick(ENVIRONMENTS), serverName: rng.pick(SERVER_NAMES) };
}

export function contexts(rng: Rng, trace: Trace, nowMs: number): JsonObject {
  const freeMemory = rng.int(20_000_000_000, 24_000_000_000);
  return {
    trace: { trace_id: trace.traceId, span_id: trace.spanId, ...(rng.chance(0.6) ? { parent_span_id: rng.hex(16) } : {}) },
    runtime: { name: 'node', version: 'v20.20.2' },
    app: { app_start_time: new Date(nowMs - rng.int(60_000, 86_400_000)).toISOString(), app_memory: rng.int(90_000_000, 400_000_000), free_memory: freeMemory },
    os: { kernel_version: '6.18.44-fc-v669', name: 'Debian', version: '12.11\n' },
    device: {
      boot_time: new Date(nowMs - 3 * 86_400_000).toISOString(),
      arch: 'x64',
      memory_size: 25_276_502_016,
      free_memory: freeMemory,
      processor_count: 2,
      cpu_description: 'Intel(R) Xeon(R) Processor',
      processor_frequency: 0,
    },
    culture: { locale: 'en-US', timezone: 'UTC' },
    cloud_resource: {},
  };
}

export function modules(): JsonObject {
  return { ...MODULES };
}

export function user(rng: Rng): JsonObject {
  const id = rng.int(1, 5000);
  return { id: String(id), email: `user${id}@example.com`, username: `user${id}`, ip_address: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}` };
}

export function request(rng: Rng, method: string, route: string, trace: Trace): JsonObject {
  const path = route.replace(':id', String(rng.int(1, 99_999)));
  const query = rng.chance(0.4) ? `verbose=1&page=${rng.int(1, 20)}` : '';
  const host = `api.example.com`;
  return {
    headers: {
      'user-agent': rng.pick([
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
        'okhttp/4.12.0',
        'axios/1.11.0',
      ]),
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'en-US,en;q=0.9',
      cookie: '[Filtered]',
      host,
      'x-request-id': rng.hex(32),
      'x-forwarded-for': `203.0.113.${rng.int(1, 254)}`,
      'sentry-trace': `${trace.traceId}-${rng.hex(16)}`,
      baggage: `sentry-environment=production,sentry-release=myapp%401.2.3,sentry-public_key=publickey,sentry-trace_id=${trace.traceId}`,
      connection: 'keep-alive',
    },
    method,
    url: `https://${host}${path}${query ? `?${query}` : ''}`,
    cookies: { sid: '[Filtered]' },
    ...(query ? { query_string: query } : {}),
    ...(method === 'POST' || method === 'PUT' ? { data: { [rng.pick(NOUNS)]: { id: rng.int(1, 9999), note: sourceLine(rng) } } } : {}),
  };
}

export function breadcrumbs(rng: Rng, count: number, endMs: number): JsonObject[] {
  const crumbs: JsonObject[] = [];
  let t = endMs - count * rng.int(50, 400);
  for (let i = 0; i < count; i++) {
    t += rng.int(5, 400);
    const timestamp = seconds(t);
    const r = rng.next();
    if (r < 0.45) {
      crumbs.push({
        timestamp,
        category: 'http',
        type: 'http',
        data: {
          'http.request.method': rng.pick(['GET', 'POST']),
          url: `http://${rng.pick(NOUNS)}-service.internal:8080/v1/${rng.pick(NOUNS)}s/${rng.int(1, 9999)}`,
          status_code: rng.pick([200, 200, 201, 404, 500]),
        },
      });
    } else if (r < 0.75) {
      crumbs.push({
        timestamp,
        category: 'console',
        level: rng.pick(['log', 'info', 'warning']),
        message: `${rng.pick(VERBS)} ${rng.pick(NOUNS)} ${rng.int(1, 9999)}: ${sourceLine(rng).trim()}`,
      });
    } else if (r < 0.9) {
      crumbs.push({
        timestamp,
        category: 'query',
        message: `select * from ${rng.pick(NOUNS)}s where id = $1 and ${rng.pick(NOUNS)}_id = $2`,
        data: { duration_ms: rng.int(1, 250) },
      });
    } else {
      crumbs.push({ timestamp, category: 'auth', message: 'User logged in', level: 'info' });
    }
  }
  return crumbs;
}

export function tags(rng: Rng, route: string): JsonObject {
  return {
    feature: rng.pick(['checkout', 'search', 'billing', 'onboarding', 'reports']),
    region: rng.pick(['eu-west-1', 'us-east-1', 'ap-southeast-2']),
    route,
    ...(rng.chance(0.5) ? { tenant: `tenant-${rng.pick(['a', 'b', 'c', 'd'])}` } : {}),
  };
}
