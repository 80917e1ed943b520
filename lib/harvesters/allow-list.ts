// HARVESTER_ALLOW_PRIVATE_ADDRESSES read (pure, no I/O: lib/config/env.ts validates it with this at
// start-up): the private addresses the webhook worker may post to anyway (lib/harvesters/destination.ts).
import ipaddr from 'ipaddr.js';

export type AllowList = Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

/** The list ("127.0.0.1, 10.0.0.0/8, ::1"), or null when an entry is neither an address nor a CIDR range. */
export function parseAllowList(text: string | undefined): AllowList | null {
  const list: AllowList = [];
  for (const entry of (text ?? '').split(',').map((part) => part.trim())) {
    if (!entry) continue;
    try {
      if (entry.includes('/')) list.push(ipaddr.parseCIDR(entry));
      else {
        const address = ipaddr.parse(entry);
        list.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      }
    } catch {
      return null;
    }
  }
  return list;
}
