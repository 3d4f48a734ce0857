import ipaddr from 'ipaddr.js';
import { FetchRefusedError } from './fetch-refused.error';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Network = [Address, number];

const SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * Names of cloud instance-metadata services (which hand out credentials), refused by name so an
 * allow-listed network or a resolver quirk cannot open them. The usual address of such services,
 * 169.254.169.254, is link-local and refused by address.
 */
const METADATA_HOSTS: ReadonlySet<string> = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
]);

/**
 * ipaddr.js calls IPv4-compatible IPv6 addresses (::a.b.c.d, deprecated by RFC 4291) plain
 * unicast, yet some stacks route them to the embedded IPv4 address.
 */
const ALSO_REFUSED: readonly Network[] = [ipaddr.IPv6.parseCIDR('::/96')];

/**
 * Which addresses the fetcher may connect to: public unicast only, unless an operator opens a
 * network with `FETCH_ALLOWED_NETWORKS`. Everything else (loopback, private, link-local with the
 * metadata address, CGNAT, unspecified, multicast, broadcast, reserved, unique-local, NAT64 ...)
 * would let a submitted URL reach the cluster's own services.
 */
export class AddressPolicy {
  private constructor(private readonly allowedNetworks: readonly Network[]) {}

  /** @throws Error naming the first entry that is not a CIDR network. */
  static fromConfig(allowedNetworks: readonly string[]): AddressPolicy {
    return new AddressPolicy(
      allowedNetworks
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map(parseNetwork),
    );
  }

  /** Refuses what can be refused before any lookup: the scheme, a literal IP, a metadata name. */
  checkUrl(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FetchRefusedError('url', url, 'not a URL');
    }
    if (!SCHEMES.has(parsed.protocol))
      throw new FetchRefusedError('scheme', url, `scheme ${parsed.protocol} is not http or https`);

    const host = unbracket(parsed.hostname);
    if (ipaddr.isValid(host)) {
      const reason = this.refusalOf(host);
      if (reason !== null) throw new FetchRefusedError('address', url, reason);
    } else if (isMetadataHost(host)) {
      throw new FetchRefusedError('host', url, `${host} is a cloud metadata service`);
    }
  }

  checkHostname(hostname: string): void {
    if (isMetadataHost(hostname))
      throw new FetchRefusedError('host', hostname, `${hostname} is a cloud metadata service`);
  }

  /** For an address a host name resolved to. */
  checkAddress(ip: string): void {
    const reason = this.refusalOf(ip);
    if (reason !== null) throw new FetchRefusedError('address', ip, reason);
  }

  /** Why `ip` is refused, or null when it may be reached. */
  refusalOf(ip: string): string | null {
    const address = parseAddress(ip);
    if (address === null) return `${ip} is not an IP address`;
    if (this.allowedNetworks.some((network) => inNetwork(address, network))) return null;

    const range = address.range();
    if (range !== 'unicast') return `${ip} is a ${range} address`;
    if (ALSO_REFUSED.some((network) => inNetwork(address, network)))
      return `${ip} is an IPv4-compatible address`;
    return null;
  }
}

function parseNetwork(cidr: string): Network {
  // Four-part decimal only: ipaddr.js also reads "127.1/8" or hex octets, which are likelier typos.
  const valid = ipaddr.IPv4.isValidCIDRFourPartDecimal(cidr) || ipaddr.IPv6.isValidCIDR(cidr);
  if (!valid)
    throw new Error(
      `FETCH_ALLOWED_NETWORKS: "${cidr}" is not a network in CIDR notation, such as 127.0.0.0/8 or fd00::/8`,
    );
  const network = ipaddr.parseCIDR(cidr);
  if (network[0].kind() === 'ipv6' && (network[0] as ipaddr.IPv6).isIPv4MappedAddress())
    // Mapped addresses are judged as their IPv4 form, so a mapped network would never match.
    throw new Error(`FETCH_ALLOWED_NETWORKS: write "${cidr}" as an IPv4 network`);
  return network;
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) comes back as its IPv4 address. */
function parseAddress(ip: string): Address | null {
  const bare = unbracket(ip);
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return ipaddr.IPv4.parse(bare);
  if (ipaddr.IPv6.isValid(bare)) return ipaddr.process(bare);
  return null;
}

function inNetwork(address: Address, [base, bits]: Network): boolean {
  return address.kind() === base.kind() && address.match(base, bits);
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isMetadataHost(hostname: string): boolean {
  // A trailing dot names the same host (fully qualified) and must not slip past the list.
  return METADATA_HOSTS.has(hostname.toLowerCase().replace(/\.$/, ''));
}
