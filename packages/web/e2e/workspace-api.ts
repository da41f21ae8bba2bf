import assert from 'node:assert/strict';
import type { RunningFaultline } from './faultline-process.js';

/** A call to the running server's /api/0/ with the workspace's token, answered as it came: status and JSON body (null when empty). */
export async function apiCall<T>(fl: RunningFaultline, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${fl.base}/api/0/${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${fl.workspace.token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The same call when the test needs it to succeed: a read must answer 200, a write any 2xx; the body is returned. */
export async function api<T>(fl: RunningFaultline, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const { status, body } = await apiCall<T>(fl, path, init);
  assert.ok(method === 'GET' ? status === 200 : status >= 200 && status < 300, `${method} ${path}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Polls `check` every 250 ms until it holds; fails after 30 s, naming what was awaited. */
export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    assert.ok(Date.now() < deadline, `${what} within 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
