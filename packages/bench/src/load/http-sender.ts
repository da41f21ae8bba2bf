import { Agent, request } from 'node:http';
import type { LoadTarget } from './messages.js';

export type SendOutcome =
  | { readonly ok: true; readonly status: 200 }
  | { readonly ok: false; readonly status: number; readonly detail: string }
  | { readonly ok: false; readonly status: null; readonly code: string; readonly detail: string };

export interface Sender {
  send(body: Buffer, gzip: boolean, done: (outcome: SendOutcome) => void): void;
  close(): void;
}

const SDK_USER_AGENT = 'sentry.javascript.node/11.12.0';

/**
 * POSTs envelopes the way the Node SDK's transport does: auth in the query string, no
 * Content-Type, lower-case `content-encoding: gzip` on large bodies. Content-Length instead
 * of the SDK's chunked encoding keeps the generator cheap; servers must accept both.
 * A keep-alive agent with a fixed socket count models N long-lived SDK connections.
 */
export function createSender(target: LoadTarget, connections: number, timeoutMs: number): Sender {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, keepAliveMsecs: 10_000 });
  return {
    send(body, gzip, done) {
      let settled = false;
      const finish = (outcome: SendOutcome) => {
        if (settled) return;
        settled = true;
        done(outcome);
      };
      const headers: Record<string, string | number> = { 'content-length': body.length, 'user-agent': SDK_USER_AGENT };
      if (gzip) headers['content-encoding'] = 'gzip';
      const req = request({ agent, host: target.host, port: target.port, method: 'POST', path: target.path, headers }, (res) => {
        const status = res.statusCode ?? 0;
        if (status === 200) {
          res.resume(); // the body is {"id": …}; reading it is the client's only cost
          res.once('end', () => finish({ ok: true, status: 200 }));
          res.once('error', (err: NodeJS.ErrnoException) => finish({ ok: false, status: null, code: err.code ?? 'response_error', detail: err.message }));
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 300) text += chunk;
        });
        res.once('end', () => finish({ ok: false, status, detail: `${status} ${text.slice(0, 300)}` }));
        res.once('error', (err: NodeJS.ErrnoException) => finish({ ok: false, status: null, code: err.code ?? 'response_error', detail: err.message }));
      });
      req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'TIMEOUT' })));
      req.once('error', (err: NodeJS.ErrnoException) => finish({ ok: false, status: null, code: err.code ?? 'request_error', detail: err.message }));
      req.end(body);
    },
    close() {
      agent.destroy();
    },
  };
}
