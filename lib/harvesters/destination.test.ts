// Where the webhook worker may post (lib/harvesters/destination.ts): public unicast addresses only,
// the allow-list aside; a name is judged by every address it resolves to.
import { describe, expect, it } from 'vitest';
import { addressRefusal, guardedLookup, hostRefusal, literalAddress, parseAllowList, RefusedDestination } from './destination';

const NONE = parseAllowList('')!;

describe('the addresses a harvester may be posted to', () => {
  it('refuses this machine, private networks, link-local (cloud metadata) and every other non-public range', () => {
    const refused = [
      '127.0.0.1',
      '127.8.9.10',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '192.0.2.1',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
      '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
      '2002:a9fe:a9fe::1', // 6to4
      '::7f00:1', // IPv4-compatible
      '2001:db8::1',
      'ff02::1',
    ];
    for (const address of refused) expect(addressRefusal(address, NONE), address).not.toBeNull();
    expect(addressRefusal('127.0.0.1', NONE)).toBe('boucle locale de ce serveur');
    expect(addressRefusal('10.1.2.3', NONE)).toBe('réseau privé');
    expect(addressRefusal('169.254.169.254', NONE)).toMatch(/métadonnées/);
    for (const address of ['8.8.8.8', '193.51.24.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(addressRefusal(address, NONE), address).toBeNull();
  });

  it('allows the addresses and ranges of HARVESTER_ALLOW_PRIVATE_ADDRESSES, and only those', () => {
    const allow = parseAllowList('127.0.0.1, 10.0.4.0/24, ::1')!;
    expect(allow).toHaveLength(3);
    expect(['127.0.0.1', '::ffff:127.0.0.1', '10.0.4.200', '::1'].map((a) => addressRefusal(a, allow))).toEqual([null, null, null, null]);
    expect(['127.0.0.2', '10.0.5.1', '169.254.169.254'].map((a) => addressRefusal(a, allow)).every(Boolean)).toBe(true);
    expect(parseAllowList('localhost')).toBeNull();
    expect(parseAllowList('10.0.0.0/33')).toBeNull();
    expect(parseAllowList(undefined)).toEqual([]);
  });

  it('reads the host of a URL as an address whatever its spelling', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/', 'http://[::ffff:7f00:1]/', 'http://[::1]:8080/']) {
      const literal = literalAddress(new URL(url).hostname);
      expect(literal, url).not.toBeNull();
      expect(addressRefusal(literal!, NONE), url).not.toBeNull();
    }
    expect(literalAddress('exemple.fr')).toBeNull();
  });

  it('judges a name by what it resolves to, at registration and in the socket’s own lookup', async () => {
    delete process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES;
    expect(await hostRefusal('localhost')).toMatch(/^(127\.0\.0\.1|::1) : boucle locale/);
    expect(await hostRefusal('169.254.169.254')).toMatch(/métadonnées/);
    expect(await hostRefusal('nom-qui-n-existe-pas.invalid')).toBeNull(); // checked again at delivery
    const lookup = (allow: string) =>
      new Promise<unknown>((resolve) => guardedLookup(parseAllowList(allow)!)('localhost', { all: true }, (error, addresses) => resolve(error ?? addresses)));
    expect(await lookup('')).toBeInstanceOf(RefusedDestination);
    expect(await lookup('127.0.0.1, ::1')).toEqual(expect.arrayContaining([expect.objectContaining({ address: '127.0.0.1' })]));
  });
});
