import { addressBucket, authPolicies } from './login-rate-limiter';

describe('addressBucket', () => {
  it('keeps IPv4 addresses, unwraps IPv4-mapped IPv6, and groups IPv6 by /64', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
  });
});

describe('authPolicies', () => {
  it('caps the account-wide wait at a minute (slows, never locks) and the pair at 15 minutes', () => {
    const p = authPolicies({
      failuresPerAccountAndAddress: 5,
      failuresPerAccount: 20,
      failuresPerAddress: 60,
      passwordResetsPerAccount: 3,
      passwordResetsPerAddress: 10,
    });
    expect(p.account.maxDelayMs).toBe(60_000);
    expect(p.pair.maxDelayMs).toBe(15 * 60_000);
    // A reset budget of 3 an hour: 3 at once, then one every 20 minutes.
    expect(p.resetAccount).toEqual({
      free: 3,
      perHour: 3,
      baseDelayMs: 20 * 60_000,
      maxDelayMs: 20 * 60_000,
    });
  });
});
