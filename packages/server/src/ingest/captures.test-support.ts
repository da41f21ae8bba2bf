// Test support (not a test): the real SDK captures kept in packages/server/test-fixtures/<sdk-dir>/
// with their original names (docs/wire-format.md › Capture tags), and their replay over real HTTP.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';

export const fixtures = new URL('../../test-fixtures/', import.meta.url);

interface CaptureRecord {
  file: string;
  method: string;
  url: string;
  content_encoding: string | null;
  decoded_bytes: number;
  body_ends_with_newline: boolean | null;
  recorder_status: number;
  files: string[];
}

export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface IngestCapture {
  /** `<sdk-dir>/<file>` */
  name: string;
  method: string;
  /** as captured, e.g. `/api/1/envelope/?sentry_key=publickey…` or `/tunnel` */
  url: string;
  /** in captured order and case */
  headers: [string, string][];
  /** the decoded body, byte for byte */
  body: Buffer;
  contentEncoding: string | null;
  recorderStatus: number;
  /** what the recorder answered, when it was recorded (browser captures) */
  response?: CapturedResponse;
}

const ingestUrl = /^\/api\/\d+\/(envelope|store|security)\/|^\/tunnel/;

function splitHead(raw: Buffer): { lines: string[]; body: Buffer } {
  const blank = raw.indexOf('\n\n');
  if (blank === -1) throw new Error('capture without a blank line after its head');
  return { lines: raw.subarray(0, blank).toString('utf8').split('\n'), body: raw.subarray(blank + 2) };
}

function parseResponse(raw: Buffer): CapturedResponse {
  const { lines, body } = splitHead(raw);
  const status = Number(/^HTTP (\d+)/.exec(lines[0] ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body: body.toString('utf8') };
}

/** Every ingest request (envelope, store, tunnel, CORS preflight) of every copied SDK directory. */
export function loadIngestCaptures(): IngestCapture[] {
  const out: IngestCapture[] = [];
  const dirs = readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('sentry-'))
    .map((d) => d.name)
    .sort();
  for (const dir of dirs) {
    const records = readFileSync(new URL(`${dir}/requests.jsonl`, fixtures), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CaptureRecord);
    for (const record of records) {
      if (!ingestUrl.test(record.url)) continue;
      const raw = readFileSync(new URL(`${dir}/${record.file}`, fixtures));
      const { lines, body: textBody } = splitHead(raw);
      const [method = '', url = ''] = (lines[0] ?? '').split(' ');
      const headers = lines.slice(1).map((l): [string, string] => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]);
      const bin = record.files.find((f) => f.endsWith('.body.bin'));
      const body = bin ? readFileSync(new URL(`${dir}/${bin}`, fixtures)) : textBody;
      if (method === 'POST') {
        if (body.length !== record.decoded_bytes)
          throw new Error(`${dir}/${record.file}: body is ${body.length} bytes, requests.jsonl says ${record.decoded_bytes}`);
        if (record.body_ends_with_newline !== null && (body[body.length - 1] === 0x0a) !== record.body_ends_with_newline) {
          throw new Error(`${dir}/${record.file}: trailing newline does not match requests.jsonl`);
        }
      }
      const responseFile = record.files.find((f) => f.endsWith('.response.txt'));
      out.push({
        name: `${dir}/${record.file}`,
        method,
        url,
        headers,
        body,
        contentEncoding: record.content_encoding,
        recorderStatus: record.recorder_status,
        ...(responseFile ? { response: parseResponse(readFileSync(new URL(`${dir}/${responseFile}`, fixtures))) } : {}),
      });
    }
  }
  return out;
}

export interface ReplayTarget {
  /** http://127.0.0.1:port */
  baseUrl: string;
  projectId: number;
}

export interface Replayed {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** the decoded body actually sent (a tunnelled one has its dsn rewritten) */
  sent: Buffer;
}

const skippedHeaders = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * Sends a capture to a test server as the SDK sent it: same method, headers (order and
 * case), Content-Encoding (the body is re-gzipped: captures hold it decoded) and transfer
 * mode (chunked when the SDK streamed). Only the project id changes, to the test
 * project's; tunnel captures go where a tunnel forwards them, with the dsn rewritten alike.
 */
export function replayCapture(capture: IngestCapture, target: ReplayTarget): Promise<Replayed> {
  let path = capture.url.replace(/^\/api\/\d+\//, `/api/${target.projectId}/`);
  let body = capture.body;
  if (capture.url.startsWith('/tunnel')) {
    path = `/api/${target.projectId}/envelope/`;
    const headerEnd = body.indexOf(0x0a);
    const header = body
      .subarray(0, headerEnd === -1 ? body.length : headerEnd)
      .toString('utf8')
      .replace(/("dsn":"[^"]*\/)\d+"/, `$1${target.projectId}"`);
    body = Buffer.concat([Buffer.from(header), headerEnd === -1 ? Buffer.alloc(0) : body.subarray(headerEnd)]);
  }
  const chunked = capture.headers.some(([k, v]) => k.toLowerCase() === 'transfer-encoding' && /chunked/i.test(v));
  const wire = capture.contentEncoding === 'gzip' ? gzipSync(body) : body;
  const url = new URL(path, target.baseUrl);
  const headers: [string, string][] = capture.headers
    .map(([k, v]): [string, string] => (k.toLowerCase() === 'host' ? [k, url.host] : [k, v]))
    .filter(([k]) => !skippedHeaders.has(k.toLowerCase()));
  if (chunked) headers.push(['Transfer-Encoding', 'chunked']);
  else if (capture.method === 'POST') headers.push(['Content-Length', String(wire.length)]);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: capture.method, headers: headers.flat(), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), sent: body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (capture.method === 'POST') req.end(wire);
    else req.end();
  });
}
