import type { NormalizedEvent } from '../normalize/index.js';

// Relay's localhost filter (relay-filter/src/localhost.rs), plus the IPv4-mapped loopback
// that Node reports for local connections (`::ffff:127.0.0.1`, [node11/006]).
const LOCAL_IPS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i;

/** User IP is loopback, or the page URL is `file:`, `localhost`, `*.localhost` or loopback. */
export function isLocalhostEvent(event: NormalizedEvent): boolean {
  const ip = event.user?.ip_address;
  if (ip !== undefined && LOCAL_IPS.has(ip)) return true;
  const url = event.request?.url;
  if (url === undefined) return false;
  if (/^file:/i.test(url)) return true;
  const host = HOST.exec(url)?.[1]?.toLowerCase().replace(/\.$/, '');
  if (host === undefined) return false;
  return host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '[::1]';
}
