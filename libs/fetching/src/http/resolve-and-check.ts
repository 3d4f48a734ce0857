import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import type { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';

/** Every address a host name resolves to; injectable so specs never touch the network. */
export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true });

/**
 * Resolves `hostname` and refuses it when ANY of its addresses is refused: a name answering one
 * public and one private address (DNS rebinding) could otherwise be connected to the private one.
 * Returns the checked addresses; connect to those, never re-resolve, or a second answer could
 * differ from the one checked.
 */
export async function lookupChecked(
  hostname: string,
  policy: AddressPolicy,
  lookup: LookupAll = systemLookup,
): Promise<LookupAddress[]> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(host);
  if (family !== 0) {
    policy.checkAddress(host);
    return [{ address: host, family }];
  }

  policy.checkHostname(host);
  const addresses = await lookup(host);
  if (addresses.length === 0) throw new Error(`${host} resolved to no address`);
  const refusals = addresses.flatMap(({ address }) => policy.refusalOf(address) ?? []);
  if (refusals.length > 0) throw new FetchRefusedError('address', host, refusals.join('; '));
  return addresses;
}

/**
 * A `lookup` for `http.Agent`, `net.connect` or undici's `connect` option: every connection the
 * agent opens, redirects included, goes through `lookupChecked`, and connects to the very
 * address that was checked.
 */
export function checkedConnectionLookup(
  policy: AddressPolicy,
  lookup: LookupAll = systemLookup,
): LookupFunction {
  return (hostname, options, callback) => {
    lookupChecked(hostname, policy, lookup).then(
      (addresses) => {
        const wanted = ofFamily(addresses, options.family);
        if (options.all === true) return callback(null, wanted);
        const first = wanted[0];
        if (first === undefined) return callback(notFound(hostname), '');
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
    );
  };
}

function ofFamily(addresses: LookupAddress[], family: LookupOptions['family']): LookupAddress[] {
  const wanted = family === 'IPv4' ? 4 : family === 'IPv6' ? 6 : (family ?? 0);
  return wanted === 0 ? addresses : addresses.filter((address) => address.family === wanted);
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    hostname,
  });
}
