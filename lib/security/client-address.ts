// Who is asking: the client address that per-address rate limits count, read so that a client
// cannot choose it.
//
// Next.js gives route handlers and the proxy no socket. It fills X-Forwarded-For with the TCP
// peer only when the request has none, so that header alone is whatever the client wrote. The
// server therefore records the peer itself, in PEER_HEADER, overwriting any value a client sent
// (recordPeerAddresses, installed by instrumentation.ts in the Node.js server). Then:
// - TRUSTED_PROXY_HOPS = 0 (default): X-Forwarded-For is ignored; the client is the peer.
// - TRUSTED_PROXY_HOPS = N: the chain is X-Forwarded-For's addresses followed by the peer; the N
//   right-most hops are our own proxies, the one before them is the client. Addresses further
//   left were written by the client and are never used.
// Addresses are then grouped: IPv4-mapped IPv6 as the IPv4, other IPv6 by /64 (one subscriber
// usually holds a whole /64 and could otherwise rotate through 2^64 addresses).
import http from 'node:http';
import ipaddr from 'ipaddr.js';

/** Set by the server from the socket, never trusted from the client (it is overwritten). */
export const PEER_HEADER = 'x-reperes-peer';

/** When the peer is unknown (a runtime that did not install the recorder) and no proxy is
 * trusted: every such request shares this one bucket — strict, never bypassable. */
export const UNKNOWN_CLIENT = 'unknown';

/** A parsed address as its rate-limit group: "203.0.113.7", "2001:db8:0:1::/64", or null. */
export function addressGroup(raw: string | null | undefined): string | null {
  let value = (raw ?? '').trim();
  if (!value) return null;
  // "[2001:db8::1]:443" and "203.0.113.7:5678" (some proxies add the port), zone ids "%eth0".
  const bracketed = value.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.indexOf(':'));
  value = value.replace(/%.*$/, '');
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value).toString();
  if (!ipaddr.IPv6.isValid(value)) return null;
  const v6 = ipaddr.IPv6.parse(value);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const groups = v6
    .toNormalizedString()
    .split(':')
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''));
  return `${groups.join(':')}::/64`;
}

function trustedHops(): number {
  const raw = process.env.TRUSTED_PROXY_HOPS;
  const hops = raw ? Number(raw) : 0;
  // lib/config/env.ts validates the variable at start-up; a bad value here counts as no proxy.
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/** The client's address group for rate limits (see the top of this file). */
export function clientIp(headers: Pick<Headers, 'get'>, hops = trustedHops()): string {
  const peer = addressGroup(headers.get(PEER_HEADER));
  if (hops === 0) return peer ?? UNKNOWN_CLIENT;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = peer ? [...forwarded, peer] : forwarded;
  // Without the peer, the right-most forwarded entry was written by the nearest trusted proxy.
  const index = peer ? chain.length - 1 - hops : chain.length - hops;
  // Fewer entries than trusted hops: the request came through fewer proxies than configured;
  // the left-most entry is still one a trusted party wrote.
  const chosen = chain[Math.max(0, index)];
  return addressGroup(chosen) ?? peer ?? UNKNOWN_CLIENT;
}

type PatchedServer = { __reperesPeer?: true };

/**
 * Makes every HTTP server of this process write the TCP peer into PEER_HEADER before Next.js
 * sees the request, replacing whatever the client sent under that name. Idempotent.
 */
export function recordPeerAddresses(server: typeof http.Server = http.Server): void {
  const proto = server.prototype as unknown as PatchedServer & { emit: (event: string, ...args: unknown[]) => boolean };
  if (proto.__reperesPeer) return;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
  proto.__reperesPeer = true;
}
