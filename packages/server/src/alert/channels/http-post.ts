import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { DeliveryError } from './delivery-error.js';
import type { OutboundPolicy, ResolvedDestination } from './outbound-policy.js';

export interface PostOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** where requests may go; checked after DNS resolution, per request */
  policy: OutboundPolicy;
}

/**
 * POSTs a body to a receiver and resolves on 2xx. The host is resolved and every address
 * checked against the outbound policy first, and the connection goes to the checked address
 * (TLS still verifies the host name). A refusal is a permanent failure: retrying cannot help.
 * Redirects are not followed: a webhook URL that redirects is a misconfiguration, and
 * following it would let a receiver bounce the request to an address the admin never entered.
 */
export async function postBody(url: string, body: string, options: PostOptions): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const checked = await options.policy.destination(target.hostname);
  if (!checked.ok) throw new DeliveryError(checked.reason, { permanent: checked.kind === 'refused' });
  let res: { status: number; text: string };
  try {
    res = await send(target, body, checked.destination, options);
  } catch (err) {
    const reason =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
        ? `no answer within ${options.timeoutMs} ms`
        : err instanceof Error
          ? ((err as NodeJS.ErrnoException).code ?? err.message)
          : String(err);
    throw new DeliveryError(`request failed: ${reason}`, { cause: err });
  }
  if (res.status >= 200 && res.status < 300) return res;
  const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
  throw new DeliveryError(`HTTP ${res.status}${res.text ? `: ${res.text.slice(0, 300)}` : ''}`, { permanent });
}

export function postJson(url: string, body: unknown, options: PostOptions): Promise<{ status: number; text: string }> {
  return postBody(url, JSON.stringify(body), options);
}

const maxResponseBytes = 64 * 1024;

function send(target: URL, body: string, destination: ResolvedDestination, options: PostOptions): Promise<{ status: number; text: string }> {
  // The connection uses the address the policy checked, never a second DNS answer.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  };
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Faultline-Alerts/1',
          ...options.headers,
          'content-length': String(Buffer.byteLength(body)),
        },
        lookup: pinned,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          // Only the start of an error body is shown; the rest is read and dropped.
          if (size < maxResponseBytes) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, maxResponseBytes) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
