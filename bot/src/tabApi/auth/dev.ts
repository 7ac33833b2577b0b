import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { SessionRole } from '@soestainable/shared/api/common';
import { SESSION_ROLES } from '@soestainable/shared/api/common';
import { TokenRefused } from './sso';

/**
 * The local dev sign-in's tokens: HS256, signed with a secret drawn when the process starts (so a restart signs
 * everyone out), short-lived, with their own issuer and audience, so an SSO validator never accepts one and
 * this one never accepts anything else. Only built when `config.tabAuth.devSignIn` (never in production).
 */

export const DEV_ISSUER = 'soestainable-dev-sign-in';
export const DEV_AUDIENCE = 'soestainable-tab-dev';
export const DEV_TOKEN_SECONDS = 8 * 3600;

export interface DevIdentity {
  readonly userId: string;
  readonly role: SessionRole;
}

export class DevTokens {
  private readonly secret = new Uint8Array(randomBytes(32));

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async issue(userId: string, role: SessionRole): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.clock().getTime() / 1000);
    const expiresAt = new Date((issuedAt + DEV_TOKEN_SECONDS) * 1000);
    const token = await new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + DEV_TOKEN_SECONDS)
      .sign(this.secret);
    return { token, expiresAt };
  }

  async validate(token: string): Promise<DevIdentity> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        currentDate: this.clock(),
        requiredClaims: ['exp', 'sub'],
      });
      const role = payload['role'];
      if (typeof payload.sub !== 'string' || typeof role !== 'string' || !(SESSION_ROLES as readonly string[]).includes(role)) {
        throw new TokenRefused('malformed');
      }
      return { userId: payload.sub, role: role as SessionRole };
    } catch (err) {
      if (err instanceof TokenRefused) throw err;
      if (err instanceof errors.JWTExpired) throw new TokenRefused('expired');
      if (err instanceof errors.JWSSignatureVerificationFailed) throw new TokenRefused('bad_signature');
      if (err instanceof errors.JOSEAlgNotAllowed) throw new TokenRefused('bad_algorithm');
      throw new TokenRefused('malformed');
    }
  }
}
