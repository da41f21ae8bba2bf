import { DeliveryError } from './delivery-error.js';

export interface PostOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
}

/**
 * POSTs a body to a receiver and resolves on 2xx. Redirects are not followed: a
 * webhook URL that redirects is a misconfiguration, and following it would let a
 * receiver bounce the request to an address the admin never entered.
 */
export async function postBody(url: string, body: string, options: PostOptions): Promise<{ status: number; text: string }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Faultline-Alerts/1', ...options.headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (err) {
    const reason =
      err instanceof Error && err.name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs} ms`
        : err instanceof Error
          ? (errorCode(err) ?? err.message)
          : String(err);
    throw new DeliveryError(`request failed: ${reason}`, { cause: err });
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 200 && res.status < 300) return { status: res.status, text };
  const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
  throw new DeliveryError(`HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`, { permanent });
}

export function postJson(url: string, body: unknown, options: PostOptions): Promise<{ status: number; text: string }> {
  return postBody(url, JSON.stringify(body), options);
}

/** undici hides the socket error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function errorCode(err: Error): string | undefined {
  const cause = err.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return 'message' in cause && typeof cause.message === 'string' ? cause.message : cause.code;
  }
  return undefined;
}
