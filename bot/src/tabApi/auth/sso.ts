import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ApiError } from '../http';

/**
 * Validates a Teams SSO access token (what `authentication.getAuthToken()` gives the tab) against Entra ID:
 * RS256 only, signature by a key from the JWKS, `exp`/`nbf` with a small clock tolerance, the issuer in its v1
 * (`https://sts.windows.net/{tid}/`) or v2 (`https://login.microsoftonline.com/{tid}/v2.0`) form for the token's
 * own, allowed tenant, the audience in both forms (client id, app id URI), scope `access_as_user` and an `oid`.
 */

export interface SsoSettings {
  readonly clientId: string;
  readonly appIdUri: string | undefined;
  readonly allowedTenants: readonly string[];
  readonly jwksUrl: string;
}

/** What a valid token says about its holder. */
export interface SsoIdentity {
  readonly userId: string;
  readonly tenantId: string;
  readonly name: string | undefined;
}

/** Entra's clocks and ours may drift a little; tokens live an hour, so a minute is harmless. */
export const CLOCK_TOLERANCE_SECONDS = 60;
export const REQUIRED_SCOPE = 'access_as_user';

/** Why a token was refused: a code for the log (never a claim value or the token). */
export type RefusalReason =
  | 'missing'
  | 'not_configured'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'unknown_key'
  | 'bad_algorithm'
  | 'bad_audience'
  | 'bad_issuer'
  | 'tenant_not_allowed'
  | 'missing_scope'
  | 'missing_oid'
  | 'malformed';

export class TokenRefused extends ApiError {
  constructor(readonly reason: RefusalReason) {
    super('UNAUTHENTICATED', 'The sign-in token is missing, expired or not valid for this app; sign in again.');
  }
}

function issuersOf(tenants: readonly string[]): string[] {
  return tenants.flatMap((tid) => [`https://sts.windows.net/${tid}/`, `https://login.microsoftonline.com/${tid}/v2.0`]);
}

function reasonOf(err: unknown): RefusalReason | undefined {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat') return 'not_yet_valid';
    if (err.claim === 'aud') return 'bad_audience';
    if (err.claim === 'iss') return 'bad_issuer';
    return 'malformed';
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return 'unknown_key';
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'bad_algorithm';
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'malformed';
  return undefined;
}

export class SsoValidator {
  private readonly keys: JWTVerifyGetKey;
  private readonly issuers: string[];
  private readonly audiences: string[];

  constructor(
    private readonly settings: SsoSettings,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
    this.issuers = issuersOf(settings.allowedTenants);
    this.audiences = [settings.clientId, ...(settings.appIdUri ? [settings.appIdUri] : [])];
  }

  /** The token's holder; throws {@link TokenRefused} (401) for any invalid token, ApiError UNAVAILABLE when the keys cannot be fetched. */
  async validate(token: string): Promise<SsoIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: this.issuers,
        audience: this.audiences,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
      }));
    } catch (err) {
      const reason = reasonOf(err);
      if (reason !== undefined) throw new TokenRefused(reason);
      if (err instanceof errors.JOSEError && !(err instanceof errors.JWKSTimeout)) throw new TokenRefused('malformed');
      throw new ApiError('UNAVAILABLE', 'The sign-in keys could not be fetched; try again shortly.');
    }
    const tid = payload['tid'];
    if (typeof tid !== 'string' || !this.settings.allowedTenants.includes(tid)) throw new TokenRefused('tenant_not_allowed');
    // The issuer must be the token's own tenant, not just any allowed one.
    if (!issuersOf([tid]).includes(payload.iss ?? '')) throw new TokenRefused('bad_issuer');
    const scp = payload['scp'];
    if (typeof scp !== 'string' || !scp.split(' ').includes(REQUIRED_SCOPE)) throw new TokenRefused('missing_scope');
    const oid = payload['oid'];
    if (typeof oid !== 'string' || oid.trim() === '' || oid.length > 200) throw new TokenRefused('missing_oid');
    const name = payload['name'];
    return { userId: oid, tenantId: tid, name: typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 200) : undefined };
  }
}
