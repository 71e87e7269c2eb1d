import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@app/config';
import { TokenService } from './token.service';

// Access tokens: HS256, issuer jixiao, expiring after JWT_EXPIRES_IN. Verified tokens are remembered
// per process, which must never make an expired, forged or foreign token pass.
describe('TokenService', () => {
  const config = { jwt: { secret: 'a-secret-of-at-least-32-characters!!', expiresInSeconds: 3600 } } as AppConfig;
  const claims = { sub: 'u1', username: 'unit1', role: 'unit' as const, orgId: 'o1' };
  const service = () => new TokenService(new JwtService(), config);

  // The clock of both jsonwebtoken and the cache is Date.now (fake timers would also stop its callbacks).
  const clockAt = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(new Date(iso).getTime());
  afterEach(() => jest.restoreAllMocks());

  it('verifies its own token, also when asked again', async () => {
    const tokens = service();
    const token = await tokens.sign(claims);
    expect(await tokens.verify(token)).toMatchObject(claims);
    expect(await tokens.verify(token)).toMatchObject(claims);
  });

  it('refuses a remembered token once it has expired', async () => {
    clockAt('2026-11-23T08:00:00Z');
    const tokens = service();
    const token = await tokens.sign(claims);
    expect(await tokens.verify(token)).toMatchObject(claims);
    clockAt('2026-11-23T08:59:59Z');
    expect(await tokens.verify(token)).toMatchObject(claims);
    clockAt('2026-11-23T09:00:01Z');
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses a token whose claims were changed after a valid one was remembered', async () => {
    const tokens = service();
    const token = await tokens.sign(claims);
    await tokens.verify(token);
    const [header, payload, signature] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(await tokens.verify(`${header}.${admin}.${signature}`)).toBeNull();
  });

  it('refuses a token signed with another secret or for another issuer', async () => {
    const tokens = service();
    const otherSecret = await new JwtService().signAsync(claims, { secret: 'another-secret-of-32-characters-or-more', issuer: 'jixiao', expiresIn: 60 });
    const otherIssuer = await new JwtService().signAsync(claims, { secret: config.jwt.secret, issuer: 'elsewhere', expiresIn: 60 });
    expect(await tokens.verify(otherSecret)).toBeNull();
    expect(await tokens.verify(otherIssuer)).toBeNull();
    expect(await tokens.verify('not-a-token')).toBeNull();
  });
});
