import type { ScrubSettings } from './scrub-settings.js';

/**
 * Key-name fragments whose values are secrets: Sentry's defaults (password, secret, passwd,
 * api_key, apikey, auth, credentials, mysql_pwd, privatekey, private_key, token, session,
 * stripetoken) plus sessid (PHPSESSID), cookie, csrf and xsrf. Matched as substrings of the key after lower-casing and
 * turning `-`/spaces into `_`, so `X-Api-Key`, `Authorization`, `AWS_SECRET_ACCESS_KEY`,
 * `sessionid`, `Set-Cookie` and `GITHUB_TOKEN` all match. Known false positives (accepted,
 * as in Sentry): `author`, `max_tokens`.
 */
export const SENSITIVE_KEY_FRAGMENTS: readonly string[] = Object.freeze([
  'password',
  'passwd',
  'secret',
  'api_key',
  'apikey',
  'token',
  'auth',
  'credential',
  'session',
  'sessid',
  'cookie',
  'csrf',
  'xsrf',
  'private_key',
  'privatekey',
  'mysql_pwd',
  'creditcard',
  'cardnumber',
  'cvv',
  'cvc',
]);

/**
 * Matched as whole words only (`card`, `card_number`, `cardNumber`, `card[exp]`,
 * `credit-card`), so `discard`, `cardinality` or `postcard` are not scrubbed.
 */
export const SENSITIVE_KEY_WORDS: readonly string[] = Object.freeze(['card']);

/** With `scrubIpAddresses`: fields and headers that carry client addresses. */
export const IP_KEY_FRAGMENTS: readonly string[] = Object.freeze([
  'ip_address',
  'remote_addr',
  'forwarded',
  'x_real_ip',
  'client_ip',
  'cf_connecting_ip',
  'true_client_ip',
  'client.address',
  'network.peer.address',
]);

export interface KeyRules {
  /** The value under this key must be replaced (unless the key is safe). */
  isSensitive(key: string): boolean;
  /** This key and everything below it is left alone. */
  isSafe(key: string): boolean;
  /** Cheap pre-check for free text: could it contain a `key=value` with a sensitive key? */
  mentionsSensitiveKey(text: string): boolean;
}

const CACHE_LIMIT = 4096;
const rulesBySettings = new WeakMap<ScrubSettings, KeyRules>();

/** Compiled rules for a settings object, cached per object (one per project). */
export function keyRulesFor(settings: ScrubSettings): KeyRules {
  let rules = rulesBySettings.get(settings);
  if (rules === undefined) {
    rules = compileKeyRules(settings);
    rulesBySettings.set(settings, rules);
  }
  return rules;
}

function compileKeyRules(settings: ScrubSettings): KeyRules {
  const fragments = [
    ...(settings.enabled ? SENSITIVE_KEY_FRAGMENTS : []),
    ...(settings.enabled ? settings.sensitiveFields.map(normalizeKey) : []),
    ...(settings.scrubIpAddresses ? IP_KEY_FRAGMENTS : []),
  ];
  const words = new Set(settings.enabled ? SENSITIVE_KEY_WORDS : []);
  const safe = new Set(settings.safeFields.map(normalizeKey));
  // Keys repeat across events (header names, env vars): remember verdicts, bounded.
  const verdicts = new Map<string, boolean>();
  const decide = (key: string): boolean => {
    const normalized = normalizeKey(key);
    for (const fragment of fragments) if (normalized.includes(fragment)) return true;
    return words.size > 0 && splitWords(key).some((w) => words.has(w));
  };
  // The fragments as one text search (project settings become a RegExp, so see mentionSource).
  const alternatives = [...fragments, ...words].map(mentionSource);
  const mention = alternatives.length === 0 ? undefined : new RegExp(alternatives.join('|'), 'i');
  return {
    isSafe: (key) => safe.size > 0 && safe.has(normalizeKey(key)),
    mentionsSensitiveKey: (text) => mention?.test(text) ?? false,
    isSensitive(key) {
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = decide(key);
        if (verdicts.size >= CACHE_LIMIT) verdicts.clear();
        verdicts.set(key, verdict);
      }
      return verdict;
    },
  };
}

/**
 * One fragment as a RegExp alternative: `_` also matches the `-`/space runs normalizeKey folds,
 * so a run of k `_` is k or more separators. Written as one bounded repeat, not k adjacent `+`
 * (a field `a____b` then took seconds on a message of 300 spaces), and a leading run starts only
 * where a run of separators starts, so each run is scanned once: linear in the text.
 */
function mentionSource(fragment: string): string {
  return fragment
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/_+/g, (run: string, at: number) => `${at === 0 ? '(?<![-_\\s])' : ''}[-_\\s]{${run.length},}`);
}

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[\s-]+/g, '_');
}

/** `creditCardNumber` / `credit_card[number]` → `credit card number`. */
function splitWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
}
