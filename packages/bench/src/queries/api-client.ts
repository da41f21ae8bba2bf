import http from 'node:http';

export interface ApiAnswer {
  readonly status: number;
  readonly body: Buffer;
  /** from writing the request to the last byte of the answer */
  readonly ms: number;
}

export interface ApiClient {
  get(path: string): Promise<ApiAnswer>;
  close(): void;
}

/** GETs against the read API with the bootstrap token, over keep-alive connections (as a browser holds them). */
export function createApiClient(host: string, port: number, token: string, timeoutMs = 30_000): ApiClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  return {
    get(path) {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const req = http.get(
          { host, port, path, agent, timeout: timeoutMs, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - started }));
            res.once('error', reject);
          },
        );
        req.once('timeout', () => req.destroy(new Error(`GET ${path} took longer than ${timeoutMs} ms`)));
        req.once('error', reject);
      });
    },
    close: () => agent.destroy(),
  };
}
