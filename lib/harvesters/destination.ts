// Where the webhook worker may post (server-side request forgery, docs/security.md). An admin types
// a harvester's URL; without this, a URL naming 127.0.0.1, 10.x, 169.254.169.254 (a cloud's
// metadata service), ::1, fc00::/7, or a host name resolving there would make the server post into
// its own network. Only public unicast addresses are allowed: IPv4 that ipaddr.js calls "unicast",
// IPv6 in 2000::/3 likewise (IPv4-mapped IPv6 judged as its IPv4; NAT64, 6to4, Teredo refused). The
// addresses of HARVESTER_ALLOW_PRIVATE_ADDRESSES (IPs or CIDR ranges, validated in lib/config/env.ts;
// none by default) are allowed too: tests and a harvester on the operator's own network.
// Checked twice: at registration (lib/harvesters/store.ts, for a clear French message) and at
// delivery (lib/harvesters/deliver.ts), where `guardedLookup` is the socket's own DNS lookup, so the
// address checked is the address connected to (a name that changes its answer after the check gains
// nothing), and no redirect is ever followed.
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { parseAllowList, type AllowList } from './allow-list';

export { parseAllowList, type AllowList };

const RANGE_WORDS: Record<string, string> = {
  loopback: 'boucle locale de ce serveur',
  private: 'réseau privé',
  uniqueLocal: 'réseau privé',
  linkLocal: 'lien local, dont le service de métadonnées du nuage',
  unspecified: 'adresse non spécifiée',
  carrierGradeNat: 'réseau partagé d’opérateur',
  multicast: 'diffusion',
  broadcast: 'diffusion',
};

/** The allow-list of this process's environment (read at each call, like TRUSTED_PROXY_HOPS; a bad value counts as none: env.ts stops the app on it). */
export function allowedPrivateAddresses(): AllowList {
  return parseAllowList(process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES) ?? [];
}

/** The address as ipaddr.js parses it, IPv4-mapped IPv6 as its IPv4; null when it is not an address. */
function parsed(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return null;
  const value = ipaddr.parse(bare);
  return value.kind() === 'ipv6' && (value as ipaddr.IPv6).isIPv4MappedAddress() ? (value as ipaddr.IPv6).toIPv4Address() : value;
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** Why the worker must not post to this address, in French ("réseau privé"), or null when it may. */
export function addressRefusal(address: string, allow: AllowList = allowedPrivateAddresses()): string | null {
  const value = parsed(address);
  if (!value) return 'adresse illisible';
  if (allow.some(([range, bits]) => range.kind() === value.kind() && value.match(range, bits))) return null;
  const range = value.range();
  if (range === 'unicast' && (value.kind() === 'ipv4' || value.match(GLOBAL_UNICAST_V6))) return null;
  return RANGE_WORDS[range] ?? 'plage réservée, non publique';
}

/** A URL's host as an address when it is one (URL keeps IPv6 in brackets), else null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) ? bare : null;
}

export class RefusedDestination extends Error {
  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super(`adresse refusée : ${address} (${reason})`);
    this.name = 'RefusedDestination';
  }
}

type LookupAddress = { address: string; family: number };

/**
 * A DNS lookup for http(s).request that refuses a name when any of its addresses is refused (all of
 * them: the socket may try each), so the socket connects only to an address checked here.
 */
export function guardedLookup(allow: AllowList = allowedPrivateAddresses()): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const { address } of found) {
        const reason = addressRefusal(address, allow);
        if (reason) return callback(new RefusedDestination(address, reason), '', 0);
      }
      if (!found.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, found);
      callback(null, found[0].address, found[0].family);
    });
  };
}

/**
 * At registration: the French reason a URL's host leads to a refused address ("10.0.0.5 : réseau
 * privé"), or null. A name that does not resolve (yet) is accepted: delivery checks it again.
 */
export async function hostRefusal(hostname: string, timeoutMs = 3_000): Promise<string | null> {
  const literal = literalAddress(hostname);
  const check = (address: string) => {
    const reason = addressRefusal(address);
    return reason ? `${address} : ${reason}` : null;
  };
  if (literal) return check(literal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const found = await Promise.race([dns.promises.lookup(hostname, { all: true }).catch(() => null), timeout]).finally(() => clearTimeout(timer));
  for (const { address } of found ?? []) {
    const reason = check(address);
    if (reason) return reason;
  }
  return null;
}
