import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { canonicalAddress, compileAddressList } from '../../kernel/index.js';

/**
 * Where alert channels may send (the SSRF guard): a channel's URL is entered by any
 * organization admin, but the request leaves from the Faultline server, inside its network.
 * Never allowed, whatever the settings: link-local addresses (169.254.0.0/16 holds the cloud
 * metadata services), "this network" 0.0.0.0/8, unspecified, multicast and broadcast, and the
 * metadata addresses outside link-local (AWS IPv6, Alibaba). Loopback and private ranges are
 * allowed by default — a self-hosted tracker often notifies a chat bridge on the same host or
 * network — and can be denied with FAULTLINE_OUTBOUND_DENY; FAULTLINE_OUTBOUND_ALLOW lists
 * exceptions to that list (e.g. deny `all`, allow `hooks.slack.com`).
 */
const neverAllowed = compileAddressList([
  '0.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/4',
  '255.255.255.255',
  '::/128',
  'fe80::/10',
  'ff00::/8',
  'fd00:ec2::254',
  '100.100.100.200',
]);

export interface ResolvedDestination {
  address: string;
  family: 4 | 6;
}

/** `refused`: the policy says no (permanent); `unresolved`: DNS failed (may work later). */
export type DestinationCheck = { ok: true; destination: ResolvedDestination } | { ok: false; kind: 'refused' | 'unresolved'; reason: string };

export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface OutboundPolicy {
  /**
   * Resolves a URL's host and checks every address it resolves to; the caller connects to
   * the returned (checked) address, so a DNS answer that changes between the check and the
   * connection (rebinding) cannot redirect the request.
   */
  destination(hostname: string): Promise<DestinationCheck>;
  /** Save-time check of a URL: the reason it is refused, or null. A host that does not resolve (yet) is not refused here. */
  refusal(url: string): Promise<string | null>;
}

const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export function createOutboundPolicy(settings: { deny: readonly string[]; allow: readonly string[]; resolve?: Resolve }): OutboundPolicy {
  const deny = compileAddressList(settings.deny);
  const allow = compileAddressList(settings.allow);
  const resolve = settings.resolve ?? systemResolve;

  function refuse(hostname: string, address: string): string | null {
    const shown = hostname === address ? address : `${hostname} (${address})`;
    if (neverAllowed.matchesAddress(address)) return `outbound policy: ${shown} is a link-local, metadata or reserved address, never allowed`;
    if (allow.matchesHost(hostname) || allow.matchesAddress(address)) return null;
    if (deny.matchesHost(hostname) || deny.matchesAddress(address)) return `outbound policy: ${shown} is denied by FAULTLINE_OUTBOUND_DENY`;
    return null;
  }

  async function addressesOf(hostname: string): Promise<{ address: string; family: 4 | 6 }[]> {
    const bare = hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(bare) !== 0) return [{ address: bare, family: isIP(bare) as 4 | 6 }];
    const found = await resolve(bare);
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }

  async function destination(hostname: string): Promise<DestinationCheck> {
    const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    let addresses: { address: string; family: 4 | 6 }[];
    try {
      addresses = await addressesOf(host);
    } catch (err) {
      const why = err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err);
      return { ok: false, kind: 'unresolved', reason: `cannot resolve ${host}: ${why}` };
    }
    if (addresses.length === 0) return { ok: false, kind: 'unresolved', reason: `cannot resolve ${host}` };
    // Every address must pass: a name that also resolves to a denied address is refused as a whole.
    for (const a of addresses) {
      const reason = refuse(host, canonicalAddress(a.address).address);
      if (reason !== null) return { ok: false, kind: 'refused', reason };
    }
    return { ok: true, destination: addresses[0] as ResolvedDestination };
  }

  return {
    destination,
    async refusal(url) {
      let hostname: string;
      try {
        hostname = new URL(url).hostname;
      } catch {
        return null;
      }
      const checked = await destination(hostname);
      return checked.ok || checked.kind === 'unresolved' ? null : checked.reason;
    },
  };
}
