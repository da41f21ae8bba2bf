import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the end-to-end suites cannot run here, or false when they can: `describe`'s
 * `skip` option, so a machine without Chromium skips them with the reason printed
 * (scripts/test.mjs installs it first where it can).
 */
export function chromiumMissing(): string | false {
  return existsSync(CHROMIUM) ? false : `web end-to-end suites: ${CHROMIUM} not found (apt-get install chromium)`;
}

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors other than expected HTTP statuses. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile, so no state survives between runs. */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'faultline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The browser logs every 4xx; the sign-in probe (401) and optional endpoints (404) are expected.
    if (m.type() === 'error' && !/status of (401|404)/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
