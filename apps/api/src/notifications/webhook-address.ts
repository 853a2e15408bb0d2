import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where a webhook may point: an https URL whose host is not in a private, loopback,
 * link-local, carrier-grade NAT or other non-public range — Bearing must not become a way to
 * reach the machines beside it (server-side request forgery). Checked when a channel is saved
 * and again at send time after DNS (`publicOnlyLookup`), so a name that later resolves to a
 * private address is refused too. `allowLoopback` (BEARING_WEBHOOK_ALLOW_LOOPBACK=1, for tests)
 * admits loopback addresses, over http as well.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Why this address may not be called, or undefined when it may. */
export function refusedAddress(address: string, allowLoopback: boolean): string | undefined {
  const family = isIP(address);
  if (family === 0) return 'is not an IP address';
  let plain = address;
  let type: 'ipv4' | 'ipv6' = family === 4 ? 'ipv4' : 'ipv6';
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) {
    plain = mapped[1];
    type = 'ipv4';
  }
  if (LOOPBACK.check(plain, type)) {
    return allowLoopback ? undefined : 'points at a loopback address';
  }
  if (NON_PUBLIC.check(plain, type)) return 'points at a private or reserved address';
  return undefined;
}

/** Why this webhook URL is refused (a sentence naming no secret), or undefined when fine. */
export function refusedWebhookUrl(text: string, allowLoopback: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be a URL such as https://hooks.slack.com/services/…';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  const loopbackName = host === 'localhost' || host.endsWith('.localhost');
  if (url.protocol !== 'https:') {
    const loopbackHost =
      loopbackName || (literal && LOOPBACK.check(host, isIP(host) === 4 ? 'ipv4' : 'ipv6'));
    if (!(allowLoopback && url.protocol === 'http:' && loopbackHost)) return 'must use https';
  }
  if (loopbackName) return allowLoopback ? undefined : 'points at a loopback address';
  if (literal) {
    const problem = refusedAddress(host, allowLoopback);
    if (problem) return problem;
  }
  return undefined;
}

/** Thrown (as a lookup error) when a webhook's host resolves to a refused address. */
export class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

/**
 * A `lookup` for http(s).request that resolves the host and refuses the connection when any of
 * its addresses is not public: the socket then connects to exactly the address that was
 * checked, so a DNS answer cannot change between the check and the connection.
 */
export function publicOnlyLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const list = Array.isArray(addresses) ? addresses : [];
      for (const entry of list) {
        const problem = refusedAddress(entry.address, allowLoopback);
        if (problem) {
          callback(new RefusedAddressError(`the webhook's host ${problem}`), '', 0);
          return;
        }
      }
      const first = list[0];
      if (!first) {
        callback(new RefusedAddressError("the webhook's host has no address"), '', 0);
        return;
      }
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (error: null, addresses: typeof list) => void)(null, list);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}
