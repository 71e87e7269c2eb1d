import { createSecretKey, KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '@app/config';
import type { AppConfig } from '@app/config';
import type { Role } from '@app/domain';

export interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  orgId: string | null;
}

/** Verified tokens remembered per process (each request would otherwise check the HMAC again). */
const MAX_VERIFIED = 10_000;

@Injectable()
export class TokenService {
  // A KeyObject made once: given a string, jsonwebtoken first tries to read it as a public key on
  // every call (createPublicKey throws, then it falls back), which cost ~14% of the API's CPU.
  private readonly key: KeyObject;
  /**
   * Tokens already verified, with their claims and expiry (ms). A token is a signed, immutable string:
   * once its signature checked out it stays valid until it expires. Only valid tokens are kept.
   */
  private readonly verified = new Map<string, { claims: TokenClaims; expiresAt: number }>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  }

  get expiresInSeconds(): number {
    return this.config.jwt.expiresInSeconds;
  }

  sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      secret: this.key as unknown as string,
      algorithm: 'HS256',
      expiresIn: this.config.jwt.expiresInSeconds,
      issuer: 'jixiao',
    });
  }

  /** The claims of a valid token, or null for a missing, forged, expired or malformed one. */
  async verify(token: string): Promise<TokenClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return known.claims;
      this.verified.delete(token);
    }
    let claims: TokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token, {
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
        issuer: 'jixiao',
      });
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string') return null;
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { claims, expiresAt: claims.exp * 1000 });
    }
    return claims;
  }
}
