import type { LookupAddress } from 'node:dns';
import { AddressPolicy } from './address-policy';
import { FetchRefusedError } from './fetch-refused.error';
import { checkedConnectionLookup, lookupChecked, type LookupAll } from './resolve-and-check';

const strict = AddressPolicy.fromConfig([]);

function answering(addresses: LookupAddress[]): jest.MockedFunction<LookupAll> {
  return jest.fn<Promise<LookupAddress[]>, [string]>().mockResolvedValue(addresses);
}

const publicV4: LookupAddress = { address: '93.184.215.14', family: 4 };
const publicV6: LookupAddress = { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 };

describe(lookupChecked.name, () => {
  it('returns every address of a public name', async () => {
    const lookup = answering([publicV4, publicV6]);
    await expect(lookupChecked('example.com', strict, lookup)).resolves.toEqual([
      publicV4,
      publicV6,
    ]);
    expect(lookup).toHaveBeenCalledWith('example.com');
  });

  it('refuses a name answering one public and one private address (DNS rebinding)', async () => {
    const lookup = answering([publicV4, { address: '10.0.0.1', family: 4 }]);
    const attempt = lookupChecked('rebind.example', strict, lookup);
    await expect(attempt).rejects.toBeInstanceOf(FetchRefusedError);
    await expect(attempt).rejects.toMatchObject({
      code: 'address',
      target: 'rebind.example',
      reason: '10.0.0.1 is a private address',
    });
  });

  it('lists every refused address', async () => {
    const lookup = answering([
      { address: '127.0.0.1', family: 4 },
      { address: '::ffff:169.254.169.254', family: 6 },
    ]);
    await expect(lookupChecked('localhost', strict, lookup)).rejects.toMatchObject({
      reason: '127.0.0.1 is a loopback address; ::ffff:169.254.169.254 is a linkLocal address',
    });
  });

  it('lets an allow-listed network through', async () => {
    const lookup = answering([{ address: '127.0.0.1', family: 4 }]);
    await expect(
      lookupChecked('localhost', AddressPolicy.fromConfig(['127.0.0.0/8']), lookup),
    ).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('checks a literal address without asking DNS', async () => {
    const lookup = answering([publicV4]);
    await expect(lookupChecked('[::1]', strict, lookup)).rejects.toMatchObject({
      code: 'address',
      target: '::1',
    });
    await expect(lookupChecked('8.8.8.8', strict, lookup)).resolves.toEqual([
      { address: '8.8.8.8', family: 4 },
    ]);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('refuses a metadata name before asking DNS', async () => {
    const lookup = answering([publicV4]);
    await expect(lookupChecked('metadata.google.internal', strict, lookup)).rejects.toMatchObject({
      code: 'host',
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('fails when DNS answers nothing', async () => {
    await expect(lookupChecked('empty.example', strict, answering([]))).rejects.toThrow(
      'empty.example resolved to no address',
    );
  });
});

describe(checkedConnectionLookup.name, () => {
  type Outcome = { error: NodeJS.ErrnoException | null; address: unknown; family?: number };

  function call(
    lookup: LookupAll,
    options: { all?: boolean; family?: number | 'IPv4' | 'IPv6' },
    policy = strict,
  ): Promise<Outcome> {
    return new Promise((resolve) => {
      checkedConnectionLookup(policy, lookup)('host.example', options, (error, address, family) =>
        resolve({ error, address, family }),
      );
    });
  }

  it('answers all checked addresses when asked for all', async () => {
    const outcome = await call(answering([publicV4, publicV6]), { all: true });
    expect(outcome).toEqual({ error: null, address: [publicV4, publicV6], family: undefined });
  });

  it('answers the first address of the wanted family', async () => {
    const lookup = answering([publicV4, publicV6]);
    expect(await call(lookup, {})).toEqual({ error: null, address: publicV4.address, family: 4 });
    expect(await call(lookup, { family: 'IPv6' })).toEqual({
      error: null,
      address: publicV6.address,
      family: 6,
    });
  });

  it('passes the refusal on instead of an address', async () => {
    const outcome = await call(answering([publicV4, { address: 'fe80::1', family: 6 }]), {
      all: true,
    });
    expect(outcome.error).toBeInstanceOf(FetchRefusedError);
    expect(outcome.error?.message).toBe(
      'refused to fetch host.example: fe80::1 is a linkLocal address',
    );
  });

  it('reports ENOTFOUND when no address of the wanted family exists', async () => {
    const outcome = await call(answering([publicV4]), { family: 6 });
    expect(outcome.error?.code).toBe('ENOTFOUND');
  });
});
