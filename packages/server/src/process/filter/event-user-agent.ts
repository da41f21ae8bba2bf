import { type NormalizedEvent, parseUserAgent, type UserAgentInfo } from '../normalize/index.js';

/** The request's User-Agent header (normalize gives header names canonical case). */
export function userAgentOf(event: NormalizedEvent): string | undefined {
  const headers = event.request?.headers;
  if (headers === undefined) return undefined;
  for (const [name, value] of headers) if (name === 'User-Agent') return value;
  return undefined;
}

/** Browser from the User-Agent, else from a `browser` context the SDK sent. */
export function browserOf(event: NormalizedEvent): UserAgentInfo['browser'] {
  const ua = userAgentOf(event);
  const fromUa = ua === undefined ? undefined : parseUserAgent(ua).browser;
  if (fromUa !== undefined) return fromUa;
  const context = event.contexts?.browser;
  const name = context?.name;
  const version = context?.version;
  return typeof name === 'string' && typeof version === 'string' ? { name, version } : undefined;
}
