import { SignJWT } from 'jose';
import { tokenVerifier } from './verify-token';

const jwtSecret = 'a test secret of at least 32 characters';
const nowSeconds = () => Math.floor(Date.now() / 1000);
const token = (claims: { sub: string; exp: number }, secret = jwtSecret) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

describe('tokenVerifier', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a kept token until its expiry, then refuses it as expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T09:00:00Z') });
    const verify = tokenVerifier({ jwtSecret }, 60);
    const kim = await token({ sub: 'kim', exp: nowSeconds() + 30 });
    expect(await verify(kim)).toBe('kim');
    jest.setSystemTime(Date.now() + 29_000);
    expect(await verify(kim)).toBe('kim');
    jest.setSystemTime(Date.now() + 1_000);
    await expect(verify(kim)).rejects.toThrow(/expired/);
  });

  it('keeps no refusal: a forged token is refused every time', async () => {
    const verify = tokenVerifier({ jwtSecret }, 60);
    const forged = await token({ sub: 'kim', exp: nowSeconds() + 3600 }, 'another secret of 32 characters!!');
    await expect(verify(forged)).rejects.toThrow(/signature does not verify/);
    await expect(verify(forged)).rejects.toThrow(/signature does not verify/);
  });
});
