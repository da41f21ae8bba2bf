// Session replay from the real @sentry/browser 11 in Chromium (examples/browser/replay.js):
// replayIntegration in session mode (replaysSessionSampleRate 1) and in buffer mode
// (replaysOnErrorSampleRate 1, sent when an error is captured). With the SDK's masking turned
// off, a card number and a password typed into the page reach the server in what the SDK
// sent, and neither reaches storage: the data directory's raw bytes and every stored segment,
// inflated, are scanned. With default masking the recording still plays (a full snapshot).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inflateSync } from 'node:zlib';
import { isJsonObject, type JsonObject, parseEnvelope } from '@faultline/protocol';
import {
  browserUnavailable,
  bundleBrowserExample,
  type Chromium,
  type ExamplePage,
  launchChromium,
  serveExamplePage,
} from '../ingest/live-clients/browser-page.test-support.js';
import { apiFetch, startTestServer, type TestServer } from '../testing/index.js';
import { parseRecording } from './recording-parser.js';

const CARD = '4111 1111 1111 1111';
const PASSWORD = 'Tr0ub4dor&3horse';
const unavailable = await browserUnavailable();

interface PageResult {
  replayId: string | null;
  errorId: string | null;
  sent: { status: number | null; items: JsonObject[] }[];
  /** the rrweb events of every replay_recording the page sent, read from the request bodies */
  recorded: JsonObject[];
}

describe('session replay from @sentry/browser 11 in Chromium', { skip: unavailable ?? false }, () => {
  let chromium: Chromium | undefined;
  let page: ExamplePage | undefined;
  let server: TestServer;
  const api = async <T>(path: string) => apiFetch<T>(server.url, path, { as: { token: server.workspace.token } });

  async function record(query: Record<string, string>, typeInto: boolean): Promise<PageResult> {
    const tab = await (chromium as Chromium).context.newPage();
    const bodies: Buffer[] = [];
    tab.on('request', (request) => {
      const body = request.postDataBuffer();
      if (request.url().includes('/envelope/') && body !== null) bodies.push(body);
    });
    try {
      await tab.goto(`${(page as ExamplePage).origin}/?${new URLSearchParams({ dsn: server.workspace.dsn, ...query })}`);
      await tab.waitForFunction('window.__ready === true', undefined, { timeout: 15_000 });
      if (typeInto) {
        await tab.locator('#card').pressSequentially(CARD, { delay: 5 });
        await tab.locator('#password').pressSequentially(PASSWORD, { delay: 5 });
        await tab.locator('#card').press('Tab');
      }
      await sleep(300);
      const result: unknown = await tab.evaluate('window.__finish()');
      assert.ok(isJsonObject(result), JSON.stringify(result));
      const recorded: JsonObject[] = [];
      for (const body of bodies) {
        const envelope = parseEnvelope(body);
        assert.ok(envelope.ok);
        for (const item of envelope.envelope.items) {
          if (item.type !== 'replay_recording') continue;
          const parsed = parseRecording(item.payload, 1 << 26);
          assert.ok(parsed.ok);
          recorded.push(...(parsed.recording.events as JsonObject[]));
        }
      }
      return { ...(result as unknown as Omit<PageResult, 'recorded'>), recorded };
    } finally {
      await tab.close();
    }
  }

  /** Waits until the worker stored the replay with at least `segments` segments. */
  async function storedReplay(replayId: string, segments = 1): Promise<Record<string, unknown>> {
    for (let i = 0; i < 100; i++) {
      const res = await api<{ data: Record<string, unknown> }>(`/api/0/organizations/${server.workspace.org}/replays/${replayId}/`);
      if (res.status === 200 && Number(res.body.data.count_segments) >= segments) return res.body.data;
      await sleep(100);
    }
    assert.fail(`replay ${replayId} was not stored`);
  }

  async function download(replayId: string): Promise<JsonObject[][]> {
    const res = await fetch(
      `${server.url}/api/0/projects/${server.workspace.org}/${server.workspace.projectId}/replays/${replayId}/recording-segments/?download=true`,
      {
        headers: { authorization: `Bearer ${server.workspace.token}` },
      },
    );
    assert.equal(res.status, 200);
    return (await res.json()) as JsonObject[][];
  }

  before(async () => {
    page = await serveExamplePage(await bundleBrowserExample('replay.js'));
    chromium = await launchChromium();
    server = await startTestServer({ dialect: 'sqlite' });
  });
  after(async () => {
    await chromium?.close();
    await page?.close();
    await server?.close();
  });

  it('with the SDK’s masking off, the typed card number and password never reach storage', async () => {
    const result = await record({ mode: 'session', mask: 'off' }, true);
    assert.ok(result.replayId, JSON.stringify(result));
    const replayId = result.replayId;
    assert.ok(
      result.sent.some((e) => e.items.some((i) => i.type === 'replay_recording')) && result.sent.every((e) => e.status === 200),
      JSON.stringify(result.sent),
    );
    const replay = await storedReplay(replayId);
    assert.equal(replay.replay_type, 'session');
    const segments = await download(replayId);
    const inputs = segments.flat().filter((e) => e.type === 3 && isJsonObject(e.data) && e.data.source === 5);
    assert.ok(inputs.length > 0, 'the SDK recorded the typing');
    const texts = inputs.map((e) => String((e.data as JsonObject).text));
    // The SDK sent the card number as typed (its masking was off): the server scrubbed it. rrweb
    // masks password inputs itself; the server masks them too (scrub-recording.test.ts).
    assert.ok(JSON.stringify(result.recorded).includes(CARD), 'the SDK sent the card number unmasked');
    assert.ok(
      texts.some((t) => t.includes('[Filtered]')),
      `card typed: ${texts.join(' | ')}`,
    );
    assert.ok(
      texts.some((t) => /^\*+$/.test(t) && t.length >= 8),
      `password masked: ${texts.join(' | ')}`,
    );
    await assertNowhereStored();
  });

  it('with default masking the recording still plays: meta and full snapshot are stored', async () => {
    const result = await record({ mode: 'session' }, true);
    assert.ok(result.replayId);
    await storedReplay(result.replayId);
    const events = (await download(result.replayId)).flat();
    assert.ok(
      events.some((e) => e.type === 4 && isJsonObject(e.data) && typeof e.data.href === 'string'),
      'meta with the page URL',
    );
    assert.ok(
      events.some((e) => e.type === 2 && isJsonObject(e.data) && isJsonObject(e.data.node)),
      'a full snapshot to replay from',
    );
    await assertNowhereStored();
  });

  it('buffer mode: the error sends the replay; the error names the replay and the replay lists the error', async () => {
    const result = await record({ mode: 'buffer' }, false);
    assert.ok(result.replayId && result.errorId, JSON.stringify(result));
    const errorItem = result.sent.flatMap((e) => e.items).find((i) => i.type === 'event');
    assert.equal(errorItem?.replayTag, result.replayId, 'the SDK tagged the error with the replay id');
    const replay = await storedReplay(result.replayId);
    assert.equal(replay.replay_type, 'buffer');
    assert.ok((replay.error_ids as string[]).includes(result.errorId), JSON.stringify(replay.error_ids));
    assert.ok(Number(replay.count_errors) >= 1);
    let issueId: number | null = null;
    for (let i = 0; i < 100 && issueId === null; i++) {
      const row = await server.store.db.selectFrom('events').select('issue_id').where('event_id', '=', result.errorId).executeTakeFirst();
      issueId = row?.issue_id ?? null;
      if (issueId === null) await sleep(100);
    }
    assert.ok(issueId !== null, 'the error was stored');
    const count = await api<Record<string, string[]>>(
      `/api/0/organizations/${server.workspace.org}/replay-count/?returnIds=true&query=issue.id:[${issueId}]&statsPeriod=90d&project=-1`,
    );
    assert.deepEqual(count.body, { [String(issueId)]: [result.replayId] });
  });

  /** Raw bytes of every file of the data directory (database, WAL), and every stored segment inflated. */
  async function assertNowhereStored(): Promise<void> {
    const secrets = [CARD, CARD.replaceAll(' ', ''), PASSWORD];
    for (const file of filesUnder(server.database.dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of secrets) assert.equal(bytes.indexOf(secret), -1, `${secret} in ${file}`);
    }
    const rows = await server.store.db.selectFrom('replay_segments').select('recording').execute();
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const text = inflateSync(row.recording).toString('utf8');
      for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} in a stored segment`);
    }
    const summaries = await server.store.db.selectFrom('replays').select('summary').execute();
    for (const s of summaries) for (const secret of secrets) assert.ok(!s.summary.includes(secret));
  }
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
