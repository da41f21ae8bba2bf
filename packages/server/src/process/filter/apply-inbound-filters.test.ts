import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capturedEvent, loadCapturedEvents, normalizeCaptured, payloadCopy } from '../normalize/sdk-events.test-support.js';
import { browserEvent, eventFrom } from './filter-test-events.test-support.js';
import { applyInboundFilters, DEFAULT_INBOUND_FILTER_SETTINGS, type InboundFilterSettings } from './index.js';

const ALL_ON: InboundFilterSettings = { ...DEFAULT_INBOUND_FILTER_SETTINGS, localhost: true };
const ALL_OFF: InboundFilterSettings = {
  browserExtensions: false,
  localhost: false,
  legacyBrowsers: false,
  webCrawlers: false,
  healthChecks: false,
  errorMessages: [],
  releases: [],
};

function reason(event: ReturnType<typeof eventFrom>, settings: InboundFilterSettings = DEFAULT_INBOUND_FILTER_SETTINGS): string | undefined {
  const result = applyInboundFilters(event, settings);
  return result.filtered ? result.reason : undefined;
}

describe('applyInboundFilters on real SDK events', () => {
  it('default settings let every captured event and transaction through', () => {
    for (const capture of loadCapturedEvents()) {
      assert.equal(reason(normalizeCaptured(capture.name)), undefined, capture.name);
    }
  });

  it('localhost (opt-in): browser page on localhost:8080, node user ::ffff:127.0.0.1, python request to 127.0.0.1', () => {
    for (const name of [
      'sentry-browser-11.12.0/004-default--envelope-event.txt',
      'sentry-node-11.12.0/006-express--envelope-event.txt',
      'sentry-python-1.9.10/008-wsgi--store.txt',
    ]) {
      assert.equal(reason(normalizeCaptured(name), ALL_ON), 'localhost', name);
      assert.equal(reason(normalizeCaptured(name), DEFAULT_INBOUND_FILTER_SETTINGS), undefined, name);
    }
    assert.equal(reason(normalizeCaptured('sentry-node-8.55.2/006-errors--envelope-event.txt'), ALL_ON), undefined);
  });

  it('health-check transactions: a renamed real transaction is filtered, real routes are not', () => {
    const name = 'sentry-node-11.12.0/011-express-static--envelope-transaction.txt';
    const raw = payloadCopy(name);
    raw.transaction = 'GET /health';
    assert.equal(reason(normalizeCaptured(name, raw)), 'filtered-transaction');
    assert.equal(reason(normalizeCaptured(name, raw), { ...DEFAULT_INBOUND_FILTER_SETTINGS, healthChecks: false }), undefined);
    assert.equal(reason(normalizeCaptured(name)), undefined);
    assert.equal(capturedEvent(name).itemType, 'transaction');
  });

  it('release and error-message globs on real events', () => {
    const error = normalizeCaptured('sentry-node-8.55.2/006-errors--envelope-event.txt');
    assert.equal(reason(error, { ...ALL_OFF, releases: ['myapp@1.*'] }), 'release-version');
    assert.equal(reason(error, { ...ALL_OFF, releases: ['myapp@2.*'] }), undefined);
    assert.equal(reason(error, { ...ALL_OFF, errorMessages: ['TypeError: Cannot read items*'] }), 'error-message');
    assert.equal(reason(error, { ...ALL_OFF, errorMessages: ['cannot READ items of order ?'] }), 'error-message');
    const message = normalizeCaptured('sentry-python-1.9.10/002-errors--store.txt');
    assert.equal(reason(message, { ...ALL_OFF, errorMessages: ['Payment provider returned 5??'] }), 'error-message');
    assert.equal(reason(message, { ...ALL_OFF, errorMessages: ['Payment provider returned 4??'] }), undefined);
  });
});

describe('applyInboundFilters rules', () => {
  it('error-message globs match Type: value, the value alone, type-only and the message', () => {
    const resize = eventFrom({ exception: [{ type: 'Error', value: 'ResizeObserver loop limit exceeded' }] });
    assert.equal(reason(resize, { ...ALL_OFF, errorMessages: ['ResizeObserver loop*'] }), 'error-message');
    assert.equal(reason(resize, { ...ALL_OFF, errorMessages: ['Error: ResizeObserver*'] }), 'error-message');
    assert.equal(reason(eventFrom({ exception: [{ type: 'ChunkLoadError' }] }), { ...ALL_OFF, errorMessages: ['ChunkLoad*'] }), 'error-message');
    assert.equal(reason(eventFrom({ message: 'multi\nline' }), { ...ALL_OFF, errorMessages: ['multi*'] }), 'error-message');
    assert.equal(reason(resize, { ...ALL_OFF, errorMessages: ['loop*'] }), undefined, 'anchored at the start');
  });

  it('browser extensions: known messages and extension script URLs', () => {
    const byMessage = eventFrom({ exception: [{ type: 'TypeError', value: "Cannot read property 'top.GLOBALS' of undefined" }] });
    assert.equal(reason(byMessage), 'browser-extensions');
    assert.equal(reason(eventFrom({ exception: [{ type: 'Error', value: 'Extension context invalidated.' }] })), 'browser-extensions');
    const byFrame = eventFrom({
      exception: [
        { type: 'Error', value: 'boom', stacktrace: { frames: [{ filename: 'https://app/x.js' }, { filename: 'chrome-extension://abc/inject.js' }] } },
      ],
    });
    assert.equal(reason(byFrame), 'browser-extensions');
    assert.equal(reason(byFrame, { ...DEFAULT_INBOUND_FILTER_SETTINGS, browserExtensions: false }), undefined);
    const ownCode = eventFrom({
      exception: [{ type: 'Error', value: 'boom', stacktrace: { frames: [{ filename: 'moz-extension://a/x.js' }, { filename: 'https://app/x.js' }] } }],
    });
    assert.equal(reason(ownCode), undefined, 'only the crashing frame counts');
  });

  it('localhost: loopback user IPs and localhost/file URLs only', () => {
    assert.equal(reason(eventFrom({ user: { ip_address: '::1' } }), ALL_ON), 'localhost');
    assert.equal(reason(eventFrom({ request: { url: 'file:///C:/app/index.html' } }), ALL_ON), 'localhost');
    assert.equal(reason(eventFrom({ request: { url: 'http://api.localhost:3000/x' } }), ALL_ON), 'localhost');
    assert.equal(reason(eventFrom({ request: { url: 'http://[::1]:8080/' } }), ALL_ON), 'localhost');
    assert.equal(reason(eventFrom({ request: { url: 'https://localhost.example.com/' } }), ALL_ON), undefined);
    assert.equal(reason(eventFrom({ user: { ip_address: '127.0.0.2' }, request: { url: 'https://example.com/' } }), ALL_ON), undefined);
  });

  it('legacy browsers: IE, EdgeHTML and old Chrome/Firefox/Safari/Opera; current ones pass', () => {
    const legacy = [
      'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/62.0.3202.94 Safari/537.36',
      'Mozilla/5.0 (Windows NT 10.0; rv:66.0) Gecko/20100101 Firefox/66.0',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.1.2 Safari/605.1.15',
      'Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/63.0.3239.132 Safari/537.36 OPR/50.0.2762.67',
    ];
    for (const ua of legacy) assert.equal(reason(browserEvent(ua)), 'legacy-browsers', ua);
    const current = [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/63.0.3239.132 Safari/537.36',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
      'Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0',
    ];
    for (const ua of current) assert.equal(reason(browserEvent(ua)), undefined, ua);
    assert.equal(reason(browserEvent(legacy[0] as string), { ...DEFAULT_INBOUND_FILTER_SETTINGS, legacyBrowsers: false }), undefined);
  });

  it('legacy browsers: falls back to a browser context when there is no User-Agent', () => {
    assert.equal(reason(eventFrom({ contexts: { browser: { name: 'IE', version: '10.0' } } })), 'legacy-browsers');
    assert.equal(reason(eventFrom({ contexts: { browser: { name: 'Chrome', version: '120.0' } } })), undefined);
  });

  it('web crawlers, except bots acting for a person', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.1; +https://openai.com/gptbot)',
      'ELB-HealthChecker/2.0',
    ]) {
      assert.equal(reason(browserEvent(ua)), 'web-crawlers', ua);
    }
    assert.equal(reason(browserEvent('Slackbot 1.0 (+https://api.slack.com/robots)')), undefined);
    assert.equal(reason(browserEvent('Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0')), undefined);
  });

  it("health checks: Sentry's default globs, transactions only", () => {
    const tx = (name: string) => eventFrom({ transaction: name, timestamp: Date.UTC(2026, 10, 21) / 1000 }, 'transaction');
    for (const name of ['GET /health', 'GET /healthz', '/api/healthcheck', 'GET /ping', 'readyz', '/readyz', 'GET /live', 'heartbeat-task', 'live']) {
      assert.equal(reason(tx(name)), 'filtered-transaction', name);
    }
    for (const name of ['GET /users/:id', 'GET /delivery', 'GET /health/db', 'GET /pinged']) assert.equal(reason(tx(name)), undefined, name);
    assert.equal(reason(eventFrom({ transaction: 'GET /health', message: 'x' })), undefined, 'errors in health checks are kept');
  });

  it('with every filter off nothing is filtered', () => {
    const bot = browserEvent('Googlebot/2.1', { user: { ip_address: '127.0.0.1' }, exception: [{ value: 'top.GLOBALS' }] });
    assert.equal(reason(bot, ALL_OFF), undefined);
    assert.equal(reason(bot, ALL_ON), 'localhost', 'Relay order: localhost before extensions and crawlers');
  });
});
