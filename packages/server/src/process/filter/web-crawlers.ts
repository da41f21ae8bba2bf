import type { NormalizedEvent } from '../normalize/index.js';
import { userAgentOf } from './event-user-agent.js';

// Relay's web_crawlers filter (relay-filter/src/web_crawlers.rs): search engines, link
// unfurlers, SEO and uptime bots, AI crawlers and generic `bot`/`spider` tokens…
const WEB_CRAWLERS = new RegExp(
  [
    'Mediapartners-Google',
    'AdsBot-Google',
    'Googlebot',
    'FeedFetcher-Google',
    'Storebot-Google',
    'BingBot',
    'BingPreview',
    'Baiduspider',
    'Slurp',
    'Sogou',
    'facebook',
    'meta-externalagent',
    'ia_archiver',
    'bots?[/\\s\\);]',
    'spider[/\\s\\);]',
    'Slack',
    'Calypso AppCrawler',
    'pingdom',
    'lyticsbot',
    'AWS Security Scanner',
    'HubSpot Crawler',
    'Bytespider',
    'Better Uptime',
    'Cloudflare-Healthchecks',
    'GTmetrix',
    'BrightEdgeOnCrawl',
    'ELB-HealthChecker',
    'naver\\.me/spd',
    'ClaudeBot',
    'CCBot',
    'OAI-SearchBot',
    'GPTBot',
  ].join('|'),
  'i',
);

// …except the ones that act for a person (Slack's link expander for a user, ChatGPT browsing).
const ALLOWED_CRAWLERS = /Slackbot\s1\.\d+|SentryUptimeBot|ChatGPT-User/i;

export function isWebCrawler(event: NormalizedEvent): boolean {
  const ua = userAgentOf(event);
  if (ua === undefined) return false;
  return WEB_CRAWLERS.test(ua) && !ALLOWED_CRAWLERS.test(ua);
}
