import { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';

function refusal(action: () => void): FetchRefusedError {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof FetchRefusedError) return error;
    throw error;
  }
  throw new Error('expected a FetchRefusedError, nothing was thrown');
}

describe(AddressPolicy.name, () => {
  const strict = AddressPolicy.fromConfig([]);

  describe('checkAddress', () => {
    it.each([
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['::1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.254', 'private'],
      ['192.168.1.1', 'private'],
      ['fc00::1', 'uniqueLocal'],
      ['fd00:ec2::254', 'uniqueLocal'],
      ['169.254.169.254', 'linkLocal'],
      ['169.254.0.1', 'linkLocal'],
      ['fe80::1', 'linkLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['100.100.100.200', 'carrierGradeNat'],
      ['0.0.0.0', 'unspecified'],
      ['0.1.2.3', 'unspecified'],
      ['::', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['ff02::1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['240.0.0.1', 'reserved'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:169.254.169.254', 'linkLocal'],
      ['64:ff9b::a00:1', 'rfc6052'],
    ])('refuses %s as %s', (ip, range) => {
      const error = refusal(() => strict.checkAddress(ip));
      expect(error.code).toBe('address');
      expect(error.target).toBe(ip);
      expect(error.reason).toBe(`${ip} is a ${range} address`);
    });

    it('refuses IPv4-compatible IPv6 addresses, which some stacks route to IPv4', () => {
      expect(refusal(() => strict.checkAddress('::7f00:1')).reason).toBe(
        '::7f00:1 is an IPv4-compatible address',
      );
    });

    it('refuses what is not an IP address, including IPv4 written in octal', () => {
      expect(refusal(() => strict.checkAddress('example.com')).reason).toBe(
        'example.com is not an IP address',
      );
      expect(refusal(() => strict.checkAddress('0177.0.0.1')).reason).toBe(
        '0177.0.0.1 is not an IP address',
      );
    });

    it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
      'allows the public address %s',
      (ip) => {
        expect(strict.refusalOf(ip)).toBeNull();
        expect(() => strict.checkAddress(ip)).not.toThrow();
      },
    );
  });

  describe('with an allow-list', () => {
    const loopbackOpen = AddressPolicy.fromConfig(['127.0.0.0/8']);

    it('opens the listed network, IPv4-mapped forms included', () => {
      expect(() => loopbackOpen.checkAddress('127.0.0.1')).not.toThrow();
      expect(() => loopbackOpen.checkAddress('127.1.2.3')).not.toThrow();
      expect(() => loopbackOpen.checkAddress('::ffff:127.0.0.1')).not.toThrow();
      expect(() => loopbackOpen.checkUrl('http://127.0.0.1:8080/page')).not.toThrow();
    });

    it('keeps everything else refused', () => {
      expect(refusal(() => loopbackOpen.checkAddress('10.0.0.1')).reason).toBe(
        '10.0.0.1 is a private address',
      );
      expect(refusal(() => loopbackOpen.checkAddress('::1')).reason).toBe(
        '::1 is a loopback address',
      );
      expect(refusal(() => loopbackOpen.checkAddress('169.254.169.254')).code).toBe('address');
    });

    it('opens IPv6 networks and ignores blank entries', () => {
      const policy = AddressPolicy.fromConfig([' fd00::/8 ', '', '10.1.0.0/16']);
      expect(() => policy.checkAddress('fd12::1')).not.toThrow();
      expect(() => policy.checkAddress('10.1.200.3')).not.toThrow();
      expect(refusal(() => policy.checkAddress('fc00::1')).code).toBe('address');
      expect(refusal(() => policy.checkAddress('10.2.0.1')).code).toBe('address');
    });

    it('never opens metadata services by name', () => {
      const open = AddressPolicy.fromConfig(['0.0.0.0/0']);
      expect(refusal(() => open.checkUrl('http://metadata.google.internal/')).code).toBe('host');
    });

    it.each(['127.0.0.0', '127.0.0.0/33', 'localhost/8', '127.1/8', 'fe80::/129', 'not-a-network'])(
      'rejects the invalid network %s when built',
      (cidr) => {
        expect(() => AddressPolicy.fromConfig([cidr])).toThrow(
          `FETCH_ALLOWED_NETWORKS: "${cidr}" is not a network in CIDR notation, such as 127.0.0.0/8 or fd00::/8`,
        );
      },
    );

    it('asks for IPv4 networks in IPv4 form', () => {
      expect(() => AddressPolicy.fromConfig(['::ffff:127.0.0.0/104'])).toThrow(
        'FETCH_ALLOWED_NETWORKS: write "::ffff:127.0.0.0/104" as an IPv4 network',
      );
    });
  });

  describe('checkUrl', () => {
    it.each([
      'file:///etc/passwd',
      'ftp://example.com/file',
      'gopher://example.com:70/1',
      'data:text/html,<p>hi</p>',
      'javascript:alert(1)',
    ])('refuses the non-http scheme of %s', (url) => {
      const error = refusal(() => strict.checkUrl(url));
      expect(error.code).toBe('scheme');
      expect(error.target).toBe(url);
    });

    it('refuses what is not a URL', () => {
      expect(refusal(() => strict.checkUrl('not a url')).code).toBe('url');
    });

    it.each([
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a linkLocal address'],
      ['http://10.0.0.1/', '10.0.0.1 is a private address'],
      ['http://[::1]:3000/', '::1 is a loopback address'],
      ['http://[fe80::1]/', 'fe80::1 is a linkLocal address'],
      ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is a loopback address'],
      // WHATWG URL reads these as 127.0.0.1, so the shorthand cannot hide loopback.
      ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
      ['http://2130706433/', '127.0.0.1 is a loopback address'],
      ['http://0177.0.0.1/', '127.0.0.1 is a loopback address'],
      ['http://0.0.0.0/', '0.0.0.0 is a unspecified address'],
      ['http://[::]/', ':: is a unspecified address'],
      ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe is a linkLocal address'],
    ])('refuses the literal address in %s', (url, reason) => {
      const error = refusal(() => strict.checkUrl(url));
      expect(error.code).toBe('address');
      expect(error.target).toBe(url);
      expect(error.reason).toBe(reason);
    });

    it.each([
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://METADATA.google.internal./',
      'http://metadata.goog/',
      'http://metadata/',
    ])('refuses the metadata host of %s by name', (url) => {
      expect(refusal(() => strict.checkUrl(url)).code).toBe('host');
    });

    it('lets public URLs through, to be checked again once resolved', () => {
      expect(() => strict.checkUrl('https://example.com/news?id=1')).not.toThrow();
      expect(() => strict.checkUrl('http://8.8.8.8/')).not.toThrow();
      expect(() => strict.checkUrl('http://[2001:4860:4860::8888]/')).not.toThrow();
    });
  });
});
