import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { examplePath } from './example-apps.test-support.js';

/**
 * examples/browser in headless Chromium: the page bundled with esbuild (as an
 * app would ship it), served by a tiny static server on `localhost` — another
 * origin than the DSN's `127.0.0.1`, so every envelope is a cross-origin
 * request — and driven by playwright-core.
 */
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExamplePage {
  /** `http://localhost:<port>` */
  origin: string;
  close(): Promise<void>;
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Why the browser test cannot run here, or null when it can. */
export async function browserUnavailable(): Promise<string | null> {
  if (!existsSync(chromiumPath)) return `${chromiumPath} is not installed (apt install chromium)`;
  for (const name of ['playwright-core', 'esbuild']) {
    try {
      await import(name);
    } catch (error) {
      return `${name} cannot be loaded: ${String(error)}`;
    }
  }
  return null;
}

/** Bundles app.js (or another page script of examples/browser) with @sentry/browser from node_modules (unminified, so function names survive). */
export async function bundleBrowserExample(entry = 'app.js'): Promise<Uint8Array> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [examplePath(`browser/${entry}`)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no bundle');
  return out.contents;
}

export async function serveExamplePage(bundle: Uint8Array): Promise<ExamplePage> {
  const html = readFileSync(examplePath('browser/index.html'));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (path === '/dist/bundle.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Debian's Chromium with a fresh profile directory, removed on close. */
export async function launchChromium(): Promise<Chromium> {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'faultline-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 15_000 });
    return {
      context,
      async close() {
        await context.close().catch(() => {});
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
