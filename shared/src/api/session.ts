import { z } from 'zod';
import type { Language, Role } from '../domain/types';
import { idSchema, SESSION_ROLES, type SessionRole } from './common';

/**
 * Who is calling, and the local dev sign-in. Routes:
 * - `GET /api/session` → {@link SessionInfo}
 * - `GET /api/dev/users` → {@link DevUsersResponse} (only with the dev sign-in; 404 otherwise)
 * - `POST /api/dev/session` with {@link DevSessionRequest} → {@link DevSessionResponse} (idem)
 * - `GET /api/teams` → {@link TeamsResponse}
 */

export interface SessionInfo {
  /** Entra object id (or the demo user's id with the dev sign-in). */
  readonly userId: string;
  /** Display name: the token's `name` claim, or the demo user's label. */
  readonly name: string;
  /** Stored roles (manager, coordinator); employee is implicit and not listed. */
  readonly roles: readonly Role[];
  /** The organisation team the caller belongs to; `null` when not enrolled. */
  readonly teamId: string | null;
  /** The team's display name, when there is a team. */
  readonly teamName: string | null;
  /** The participant's language, else Dutch. The Teams locale may still override it in the tab. */
  readonly lang: Language;
  /** True when the caller has joined the challenge (a participant who has not left). */
  readonly enrolled: boolean;
  /** How the caller signed in. */
  readonly via: 'sso' | 'dev';
}

/** One demo user the dev sign-in offers. */
export interface DevUser {
  readonly userId: string;
  readonly name: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly roles: readonly Role[];
}

export interface DevUsersResponse {
  readonly users: readonly DevUser[];
}

export const devSessionRequestSchema = z.strictObject({
  userId: idSchema,
  role: z.enum(SESSION_ROLES),
});
export type DevSessionRequest = { readonly userId: string; readonly role: SessionRole };

export interface DevSessionResponse {
  /** A short-lived bearer token for `Authorization: Bearer …` (keep it in sessionStorage). */
  readonly token: string;
  /** ISO instant after which the token is refused. */
  readonly expiresAt: string;
}

export interface TeamRef {
  readonly teamId: string;
  readonly name: string;
}

/** Every team of the organisation, sorted by name (the configuration page's picker). */
export interface TeamsResponse {
  readonly teams: readonly TeamRef[];
}
