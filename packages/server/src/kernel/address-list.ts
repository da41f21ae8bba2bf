import { BlockList, isIP } from 'node:net';

/**
 * Lists of network destinations, as operators write them in settings: IP addresses, CIDR
 * ranges, host names (`hooks.example.com`, `*.example.com` for its subdomains) and the
 * keywords `loopback`, `private` and `all`. Parsing is separate from matching so a list can
 * travel as plain strings (the config is cloned to worker threads) and be compiled where used.
 */
export const ADDRESS_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  // RFC 1918, carrier-grade NAT (RFC 6598) and IPv6 unique local addresses
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'],
  all: ['0.0.0.0/0', '::/0'],
};

const hostPattern = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

type EntryParse = { ok: true; value: string } | { ok: false; reason: string };

/** One entry, normalized (lower case, no brackets); a reason when it is none of the accepted forms. */
export function parseAddressEntry(raw: string): EntryParse {
  const entry = raw
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (entry in ADDRESS_KEYWORDS) return { ok: true, value: entry };
  const [address = '', prefix, extra] = entry.split('/');
  if (isIP(address) !== 0) {
    if (extra !== undefined) return { ok: false, reason: `"${raw}" is not an address or CIDR range` };
    if (prefix === undefined) return { ok: true, value: address };
    const bits = isIP(address) === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return { ok: false, reason: `"${raw}": the prefix length must be 0–${bits}` };
    return { ok: true, value: `${address}/${Number(prefix)}` };
  }
  if (prefix === undefined && hostPattern.test(entry)) return { ok: true, value: entry };
  return { ok: false, reason: `"${raw}" is not an IP address, CIDR range, host name or one of ${Object.keys(ADDRESS_KEYWORDS).join(', ')}` };
}

/** A comma-separated list (empty = no entries); every bad entry is reported. */
export function parseAddressList(raw: string): { ok: true; value: string[] } | { ok: false; reason: string } {
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const value: string[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const parsed = parseAddressEntry(part);
    if (parsed.ok) value.push(parsed.value);
    else problems.push(parsed.reason);
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, value };
}

export interface AddressList {
  /** the host name of a URL matches a name entry */
  matchesHost(hostname: string): boolean;
  /** an IP address lies in an address, range or keyword entry */
  matchesAddress(address: string): boolean;
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is the IPv4 address it carries: ranges of either family catch it. */
export function canonicalAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const bare = address.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  // The same in hex, as URL parsing writes it: [::ffff:a9fe:a9fe] is 169.254.169.254.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hex?.[1] && hex[2]) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return { address: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, family: 'ipv4' };
  }
  return { address: bare, family: isIP(bare) === 4 ? 'ipv4' : 'ipv6' };
}

/** Compiles normalized entries (from `parseAddressList`) into a matcher. */
export function compileAddressList(entries: readonly string[]): AddressList {
  const blocks = new BlockList();
  const exact = new Set<string>();
  const suffixes: string[] = [];
  const addRange = (range: string) => {
    const [address = '', prefix] = range.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address, family);
    else blocks.addSubnet(address, Number(prefix), family);
  };
  for (const entry of entries) {
    const keyword = ADDRESS_KEYWORDS[entry];
    if (keyword) for (const range of keyword) addRange(range);
    else if (isIP(entry.split('/')[0] ?? '') !== 0) addRange(entry);
    else if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else exact.add(entry);
  }
  return {
    matchesHost(hostname) {
      const h = hostname.toLowerCase().replace(/\.$/, '');
      return exact.has(h) || suffixes.some((s) => h.endsWith(s));
    },
    matchesAddress(address) {
      const { address: a, family } = canonicalAddress(address);
      return isIP(a) !== 0 && blocks.check(a, family);
    },
  };
}
