// The sentry-cli web API captures kept in packages/server/test-fixtures/<cli-dir>/ (original names;
// docs/wire-format.md › Capture tags): the request as sent (head + body, binary bodies from .body.bin)
// and the minimum response that made the CLI proceed.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const cliFixtures = new URL('../../test-fixtures/', import.meta.url);

export interface CliCapture {
  method: string;
  /** as captured: `/api/0/organizations/myorg/…` */
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  response: { status: number; body: string };
}

function split(raw: Buffer): { head: string[]; body: Buffer } {
  const blank = raw.indexOf('\n\n');
  return { head: raw.subarray(0, blank).toString('utf8').split('\n'), body: raw.subarray(blank + 2) };
}

/** The capture whose file name starts with `prefix` (`008-`) in `dir`. */
export function loadCliCapture(dir: string, prefix: string): CliCapture {
  const files = readdirSync(new URL(`${dir}/`, cliFixtures)).filter((f) => f.startsWith(prefix));
  const request = files.find((f) => f.endsWith('.txt') && !f.endsWith('.response.txt'));
  const response = files.find((f) => f.endsWith('.response.txt'));
  const bin = files.find((f) => f.endsWith('.body.bin'));
  if (!request || !response) throw new Error(`no capture ${dir}/${prefix}*`);
  const req = split(readFileSync(new URL(`${dir}/${request}`, cliFixtures)));
  const res = split(readFileSync(new URL(`${dir}/${response}`, cliFixtures)));
  const [method = '', path = ''] = (req.head[0] ?? '').split(' ');
  const headers: Record<string, string> = {};
  for (const line of req.head.slice(1)) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
  return {
    method,
    path,
    headers,
    body: bin ? readFileSync(new URL(`${dir}/${bin}`, cliFixtures)) : req.body,
    response: { status: Number(/^HTTP (\d+)/.exec(res.head[0] ?? '')?.[1]), body: res.body.toString('utf8') },
  };
}

/** The parts of a captured multipart body: headers and raw bytes. */
export function multipartParts(capture: CliCapture): { disposition: string; body: Buffer }[] {
  const boundary = /boundary=(.+)$/.exec(capture.headers['content-type'] ?? '')?.[1];
  if (!boundary) throw new Error('not a multipart capture');
  const out: { disposition: string; body: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = capture.body.indexOf(delimiter);
  while (at >= 0) {
    const next = capture.body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = capture.body.subarray(at + delimiter.length + 2, next - 2);
    const blank = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, blank).toString('utf8');
    out.push({ disposition: /content-disposition:([^\r\n]*)/i.exec(head)?.[1]?.trim() ?? '', body: part.subarray(blank + 4) });
    at = next;
  }
  return out;
}

/** The source bundle sentry-cli uploaded in the capture's one chunk (gunzipped). */
export function capturedSourceBundle(dir: 'sentry-cli-2.58.6' | 'sentry-cli-3.8.0'): Buffer {
  const [part] = multipartParts(loadCliCapture(dir, '008-'));
  if (!part) throw new Error('the chunk capture has no part');
  return gunzipSync(part.body);
}
