import { coordinatorsBodySchema, teamsBodySchema, type CoordinatorsResponse, type PersonView, type TeamsAdminResponse } from '@soestainable/shared/api/admin';
import { isJoined, type OrgTeam, type Participant } from '@soestainable/shared/domain/organisation';
import { ApiError, requireRole, type Principal, type TabApiContext } from '../http';
import { audit, invalid, mapLimit, orgOf, parseBody } from '../request';

/**
 * Organisation teams with their managers, and the coordinators (issue 5, Build 6).
 *
 * Participants are partitioned by user, so "everyone in the organisation" is read team by team through the
 * `TeamMembers` index and then each profile (a point read): O(participants) reads, acceptable on a coordinator's
 * admin page for a municipality (hundreds of people), not on a hot path.
 */

const READ_CONCURRENCY = 8;

/** Every participant of the organisation whose profile confirms the team index (the index is a hint). */
async function participantsOf(ctx: TabApiContext, teams: readonly OrgTeam[]): Promise<Participant[]> {
  const org = orgOf(ctx);
  const members = (await mapLimit(teams, READ_CONCURRENCY, async (t) => (await ctx.repos.participants.listTeamMembers(t.teamId)).map((m) => ({ ...m, teamId: t.teamId })))).flat();
  const profiles = await mapLimit(members, READ_CONCURRENCY, (m) => ctx.repos.participants.get(m.userId));
  const seen = new Set<string>();
  const people: Participant[] = [];
  profiles.forEach((p, i) => {
    if (p && p.orgId === org && p.teamId === members[i]?.teamId && !seen.has(p.userId)) {
      seen.add(p.userId);
      people.push(p);
    }
  });
  return people;
}

function personView(p: Participant, teamName: Map<string, string>): PersonView {
  return { userId: p.userId, teamId: p.teamId, teamName: teamName.get(p.teamId) ?? p.teamId, roles: p.roles, status: p.status };
}

async function teamsView(ctx: TabApiContext): Promise<TeamsAdminResponse> {
  const teams = await ctx.repos.orgTeams.list(orgOf(ctx));
  const counts = await mapLimit(teams, READ_CONCURRENCY, async (t) => (await ctx.repos.participants.listTeamMembers(t.teamId)).filter((m) => isJoined(m)).length);
  return { teams: teams.map((t, i) => ({ teamId: t.teamId, name: t.name, managerIds: t.managerIds, members: counts[i] ?? 0, demo: t.demo })) };
}

export async function getTeams(ctx: TabApiContext, principal: Principal): Promise<TeamsAdminResponse> {
  requireRole(principal, 'coordinator');
  return teamsView(ctx);
}

/** A team id made from its name: lower case ASCII words joined by `-`. */
export function teamIdFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'team';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Replaces the organisation's list of teams. Everything is checked first (unknown ids, duplicate names, a team
 * with members left out); then the teams are saved (upserts) and the left-out ones removed. Each write is
 * idempotent, so a call that stopped half-way is finished by sending it again.
 */
export async function putTeams(ctx: TabApiContext, principal: Principal, body: unknown): Promise<TeamsAdminResponse> {
  requireRole(principal, 'coordinator');
  const input = parseBody(teamsBodySchema, body);
  const org = orgOf(ctx);
  const current = await ctx.repos.orgTeams.list(org);
  const byId = new Map(current.map((t) => [t.teamId, t]));
  const names = new Set<string>();
  const ids = new Set<string>();
  const taken = new Set(current.map((t) => t.teamId));
  const next: OrgTeam[] = input.teams.map((t, i) => {
    const name = t.name.toLocaleLowerCase('nl');
    if (names.has(name)) throw invalid(`teams.${i}.name`, 'duplicate', 'Two teams have the same name.');
    names.add(name);
    if (t.teamId !== undefined && !byId.has(t.teamId)) throw new ApiError('NOT_FOUND', 'There is no such team.', { teamId: t.teamId });
    const teamId = t.teamId ?? teamIdFromName(t.name, taken);
    if (ids.has(teamId)) throw invalid(`teams.${i}.teamId`, 'duplicate', 'A team is listed twice.');
    ids.add(teamId);
    taken.add(teamId);
    return { orgId: org, teamId, name: t.name, managerIds: [...new Set(t.managerIds)], demo: byId.get(teamId)?.demo ?? false };
  });
  const removed = current.filter((t) => !ids.has(t.teamId));
  const memberCounts = await mapLimit(removed, READ_CONCURRENCY, async (t) => (await ctx.repos.participants.listTeamMembers(t.teamId)).filter((m) => isJoined(m)).length);
  const busy = removed.findIndex((_, i) => (memberCounts[i] ?? 0) > 0);
  if (busy !== -1) {
    throw new ApiError('CONFLICT', 'A team with members cannot be removed; move its members first.', { rule: 'team_has_members', teamId: removed[busy]?.teamId });
  }
  const changed = next.filter((t) => {
    const before = byId.get(t.teamId);
    return !before || before.name !== t.name || before.managerIds.join(',') !== t.managerIds.join(',');
  });
  for (const t of changed) {
    await ctx.repos.orgTeams.save(t);
    await audit(ctx, principal, byId.has(t.teamId) ? 'team.update' : 'team.create', t.teamId, { managers: t.managerIds.length });
  }
  for (const t of removed) {
    await ctx.repos.orgTeams.remove(org, t.teamId);
    await audit(ctx, principal, 'team.remove', t.teamId);
  }
  return teamsView(ctx);
}

async function coordinatorsView(ctx: TabApiContext): Promise<CoordinatorsResponse> {
  const teams = await ctx.repos.orgTeams.list(orgOf(ctx));
  const teamName = new Map(teams.map((t) => [t.teamId, t.name]));
  const people = (await participantsOf(ctx, teams)).map((p) => personView(p, teamName)).sort((a, b) => (a.userId < b.userId ? -1 : 1));
  return { coordinators: people.filter((p) => p.roles.includes('coordinator')), people };
}

export async function getCoordinators(ctx: TabApiContext, principal: Principal): Promise<CoordinatorsResponse> {
  requireRole(principal, 'coordinator');
  return coordinatorsView(ctx);
}

/**
 * Sets who is a coordinator. Never none: an empty list is refused (`last_coordinator`). Roles are added first
 * and removed after, so the organisation has a coordinator at every moment, and a repeated call finishes one
 * that stopped half-way.
 */
export async function putCoordinators(ctx: TabApiContext, principal: Principal, body: unknown): Promise<CoordinatorsResponse> {
  requireRole(principal, 'coordinator');
  const { userIds } = parseBody(coordinatorsBodySchema, body);
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) throw invalid('userIds', 'last_coordinator', 'The organisation needs at least one coordinator.');
  const { people } = await coordinatorsView(ctx);
  const known = new Set(people.map((p) => p.userId));
  const unknown = userIds.findIndex((id) => !known.has(id));
  if (unknown !== -1) throw invalid(`userIds.${unknown}`, 'not_a_participant', 'Only participants of the organisation can be coordinators.');
  const current = people.filter((p) => p.roles.includes('coordinator')).map((p) => p.userId);
  const add = wanted.filter((id) => !current.includes(id));
  const remove = current.filter((id) => !wanted.includes(id));
  for (const userId of add) {
    await ctx.repos.participants.update(userId, (p) => (p.roles.includes('coordinator') ? p : { ...p, roles: [...p.roles, 'coordinator'] }));
    await audit(ctx, principal, 'coordinator.add', userId);
  }
  for (const userId of remove) {
    await ctx.repos.participants.update(userId, (p) => ({ ...p, roles: p.roles.filter((r) => r !== 'coordinator') }));
    await audit(ctx, principal, 'coordinator.remove', userId);
  }
  return coordinatorsView(ctx);
}
