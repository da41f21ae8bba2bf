import type { KeyRules } from './key-rules.js';

/** Sentry's replacement value. */
export const FILTERED = '[Filtered]';

export interface StringScrubber {
  readonly rules: KeyRules;
  /** Replacements made so far. */
  count: number;
}

const PEM_PRIVATE_KEY = /-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY-----|$)/g;
// scheme://user:password@host → the password part. Bounded runs keep hostile text linear.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@?#]{0,256}:)([^\s/@?#]{1,256})(@)/gi;
// Sentry's @bearer rule; 8+ characters so prose like "Bearer token missing" survives.
const BEARER = /\b(Bearer\s+)([A-Za-z0-9\-._~+/]{8,}=*)/gi;
const BASIC = /\b(Basic\s+)([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])/gi;
// key=value in query strings, cookies, env dumps and log lines.
const KEY_VALUE = /(^|[\s?&;,])([A-Za-z0-9_.\-[\]]{1,64})=([^\s&;#,]*)/g;
// "key": value inside JSON text (request bodies and extra values sent as strings).
const JSON_MEMBER = /("([A-Za-z0-9_.\-[\]]{1,64})"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/g;
// 13–19 contiguous digits, or the printed groupings (4-4-4-4[-n], Amex 4-6-5) with spaces or
// dashes. Issuer digits 2–6 (Visa, Mastercard, Amex, Discover, JCB, UnionPay…) keep
// millisecond timestamps out; the Luhn check keeps most other numbers out.
const CARD_NUMBER = /\b(?:[2-6]\d{12,18}|[2-6]\d{3}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|3[47]\d{2}[ -]\d{6}[ -]\d{5})\b/g;
const BEARER_OR_BASIC = /bearer|basic/i;
// Every card format starts with four digits in a row.
const FOUR_DIGITS = /\d{4}/;

/**
 * Replaces secrets inside free text: PEM private keys, URL passwords, Bearer and Basic
 * credentials, `key=value` and JSON `"key": value` pairs whose key is sensitive, and card
 * numbers that pass the Luhn check. Idempotent: `[Filtered]` never matches again.
 */
export function scrubString(text: string, s: StringScrubber): string {
  if (text.length < 8) return text;
  let out = text;
  if (out.includes('PRIVATE KEY-----')) out = out.replace(PEM_PRIVATE_KEY, () => hit(s));
  if (out.includes('://') && out.includes('@')) {
    out = out.replace(URL_PASSWORD, (m, head: string, pw: string, at: string) => (pw === FILTERED ? m : `${head}${hit(s)}${at}`));
  }
  if (BEARER_OR_BASIC.test(out)) {
    out = out.replace(BEARER, (_m, head: string) => `${head}${hit(s)}`);
    out = out.replace(BASIC, (m, head: string, token: string) => (isBasicCredential(token) ? `${head}${hit(s)}` : m));
  }
  // Pairs can only be sensitive if a sensitive key name occurs in the text at all: one cheap
  // test skips both pair scans for nearly every source line and message.
  if ((out.includes('=') || out.includes('":')) && s.rules.mentionsSensitiveKey(out)) {
    out = out.replace(KEY_VALUE, (m, pre: string, key: string, value: string) =>
      value === '' || value === FILTERED || !sensitive(key, s) ? m : `${pre}${key}=${hit(s)}`,
    );
    out = out.replace(JSON_MEMBER, (m, head: string, key: string, value: string) =>
      value === `"${FILTERED}"` || value === '""' || !sensitive(key, s) ? m : `${head}"${hit(s)}"`,
    );
  }
  if (FOUR_DIGITS.test(out)) out = out.replace(CARD_NUMBER, (m) => scrubCardCandidate(m, s));
  return out;
}

/** A grouped match may have swallowed a trailing group (`4111 1111 1111 1111 12`): retry without it. */
function scrubCardCandidate(match: string, s: StringScrubber): string {
  if (passesLuhn(match)) return hit(s);
  const cut = Math.max(match.lastIndexOf(' '), match.lastIndexOf('-'));
  if (cut > 0 && passesLuhn(match.slice(0, cut))) return `${hit(s)}${match.slice(cut)}`;
  return match;
}

function hit(s: StringScrubber): string {
  s.count++;
  return FILTERED;
}

function sensitive(key: string, s: StringScrubber): boolean {
  return s.rules.isSensitive(key) && !s.rules.isSafe(key);
}

/** Basic credentials are base64 of `user:password`; anything else is prose ("Basic usage"). */
function isBasicCredential(token: string): boolean {
  return Buffer.from(token, 'base64').toString('latin1').includes(':');
}

export function passesLuhn(candidate: string): boolean {
  let sum = 0;
  let digits = 0;
  for (let i = candidate.length - 1; i >= 0; i--) {
    const code = candidate.charCodeAt(i) - 48;
    if (code < 0 || code > 9) continue;
    sum += digits % 2 === 1 ? (code * 2 > 9 ? code * 2 - 9 : code * 2) : code;
    digits++;
  }
  return digits >= 13 && digits <= 19 && sum % 10 === 0;
}
