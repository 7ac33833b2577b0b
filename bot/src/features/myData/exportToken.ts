import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a download link works. */
export const EXPORT_TOKEN_TTL_MS = 10 * 60 * 1000;
/** Longer tokens are refused before any work is done (a real one is about 110 characters). */
const MAX_TOKEN_LENGTH = 512;
/** Binds a MAC to this use, so a key reused elsewhere one day could not mint export links. */
const PURPOSE = 'soestainable.myData.export.v1';

export type TokenCheck =
  | { readonly ok: true; readonly userId: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

export interface ExportTokens {
  /** A token that lets whoever holds it download `userId`'s data until `now + ttl`. */
  issue(userId: string): { token: string; expiresAt: Date };
  /** Checks the signature (constant-time) and then the expiry. */
  verify(token: string): TokenCheck;
}

/**
 * Short-lived, single-user download tokens: `<userId, base64url>.<expiry, epoch seconds>.<HMAC-SHA256, base64url>`
 * over the purpose, user id and expiry.
 *
 * The key is random per process unless one is given: restarting the server invalidates every link (they live 10
 * minutes anyway), and with several instances a link works only on the instance that made it. Running more than
 * one instance needs a shared key from configuration (or sticky sessions); the export itself is built on each
 * request, so nothing else is instance-bound.
 */
export function createExportTokens(now: () => Date, key: Buffer = randomBytes(32), ttlMs = EXPORT_TOKEN_TTL_MS): ExportTokens {
  const mac = (userPart: string, expiry: string) => createHmac('sha256', key).update(`${PURPOSE}|${userPart}|${expiry}`).digest();

  return {
    issue(userId) {
      const expiresAt = new Date(now().getTime() + ttlMs);
      const userPart = Buffer.from(userId, 'utf8').toString('base64url');
      const expiry = String(Math.floor(expiresAt.getTime() / 1000));
      return { token: `${userPart}.${expiry}.${mac(userPart, expiry).toString('base64url')}`, expiresAt: new Date(Number(expiry) * 1000) };
    },
    verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
      const match = /^([A-Za-z0-9_-]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
      const [, userPart, expiry, signature] = match ?? [];
      if (userPart === undefined || expiry === undefined || signature === undefined) return { ok: false, reason: 'malformed' };
      const given = Buffer.from(signature, 'base64url');
      // Only the canonical spelling: base64url's last character carries unused bits that would let a token vary.
      if (given.toString('base64url') !== signature) return { ok: false, reason: 'malformed' };
      const expected = mac(userPart, expiry);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
      const expiresAt = new Date(Number(expiry) * 1000);
      if (expiresAt.getTime() <= now().getTime()) return { ok: false, reason: 'expired' };
      const userId = Buffer.from(userPart, 'base64url').toString('utf8');
      return { ok: true, userId, expiresAt };
    },
  };
}
