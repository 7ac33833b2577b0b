import type restify from 'restify';
import {
  devSessionRequestSchema,
  type DevSessionResponse,
  type DevUser,
  type DevUsersResponse,
  type SessionInfo,
  type TeamsResponse,
} from '@soestainable/shared/api/session';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { DEFAULT_LANGUAGE, type Role } from '@soestainable/shared/domain/types';
import type { DevTokens } from '../auth/dev';
import { ApiError, type TabApiContext } from '../http';
import { mapLimit, orgOf, parseBody } from '../request';
import { registerPublicRoute, registerRoute } from '../routes';

/** Most demo users the dev sign-in lists (the demo organisation has about 70). */
export const DEV_USERS_MAX = 300;

const ROLE_ORDER: Readonly<Record<string, number>> = { coordinator: 0, manager: 1, employee: 2 };
function mainRole(roles: readonly Role[]): 'coordinator' | 'manager' | 'employee' {
  return roles.includes('coordinator') ? 'coordinator' : roles.includes('manager') ? 'manager' : 'employee';
}

/**
 * `GET /api/session` (who am I), `GET /api/teams` (the organisation's teams) and, only when the dev sign-in is on
 * (DEV_SIGNIN=1, never in production), its routes `GET /api/dev/users` and `POST /api/dev/session`; otherwise
 * those do not exist (404 from the router).
 */
export function registerSessionRoutes(server: restify.Server, ctx: TabApiContext, dev: DevTokens | undefined): void {
  const { repos } = ctx;
  const orgId = orgOf(ctx);

  registerRoute(
    server,
    ctx,
    'session.get',
    async (_req, principal) => {
      const participant = await repos.participants.get(principal.userId);
      const team = principal.teamId === undefined ? undefined : await repos.orgTeams.get(orgId, principal.teamId);
      const body: SessionInfo = {
        userId: principal.userId,
        name: principal.name,
        roles: [...principal.roles],
        teamId: principal.teamId ?? null,
        teamName: team?.name ?? null,
        lang: participant?.language ?? DEFAULT_LANGUAGE,
        enrolled: principal.teamId !== undefined,
        via: principal.via,
      };
      return { body };
    },
  );

  registerRoute(
    server,
    ctx,
    'teams.get',
    async () => {
      const teams = await repos.orgTeams.list(orgId);
      const body: TeamsResponse = {
        teams: teams.map((t) => ({ teamId: t.teamId, name: t.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      };
      return { body };
    },
  );

  if (dev !== undefined) registerDevSignInRoutes(server, ctx, dev);
}

/** The local dev sign-in: pick a demo user and a role, get a short-lived token of this process. */
function registerDevSignInRoutes(server: restify.Server, ctx: TabApiContext, tokens: DevTokens): void {
  const { logger, repos } = ctx;
  const orgId = orgOf(ctx);

  registerPublicRoute(
    server,
    ctx,
    'dev.users.get',
    async () => {
      const teams = await repos.orgTeams.list(orgId);
      const members = (await Promise.all(teams.map(async (team) => (await repos.participants.listTeamMembers(team.teamId)).map((m) => ({ team, m }))))).flat();
      const listed = members.filter(({ m }) => isJoined(m)).slice(0, DEV_USERS_MAX);
      const profiles = await mapLimit(listed, 16, async ({ team, m }) => ({ team, p: await repos.participants.get(m.userId) }));
      const users: DevUser[] = [];
      for (const { team, p } of profiles) {
        // The index is a hint: the profile decides (it may have moved team or left meanwhile).
        if (!isJoined(p) || p.teamId !== team.teamId) continue;
        const roles = team.managerIds.includes(p.userId) && !p.roles.includes('manager') ? [...p.roles, 'manager' as const] : p.roles;
        users.push({ userId: p.userId, name: p.userId, teamId: team.teamId, teamName: team.name, roles });
      }
      users.sort(
        (a, b) =>
          (ROLE_ORDER[mainRole(a.roles)] ?? 2) - (ROLE_ORDER[mainRole(b.roles)] ?? 2) ||
          a.teamName.localeCompare(b.teamName, 'nl') ||
          a.userId.localeCompare(b.userId),
      );
      const body: DevUsersResponse = { users };
      return { body };
    },
  );

  registerPublicRoute(
    server,
    ctx,
    'dev.session.create',
    async (req) => {
      const { userId, role } = parseBody(devSessionRequestSchema, req.body);
      const p = await repos.participants.get(userId);
      if (!isJoined(p)) throw new ApiError('NOT_FOUND', 'No such demo user.');
      const { token, expiresAt } = await tokens.issue(userId, role);
      logger.info('tab api: dev sign-in', { role });
      const body: DevSessionResponse = { token, expiresAt: expiresAt.toISOString() };
      return { body };
    },
  );
}
