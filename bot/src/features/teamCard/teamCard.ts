import { TurnContext, type ConversationReference } from 'botbuilder';
import { isJoined, type OrgTeam } from '@soestainable/shared/domain/organisation';
import { parseTeamCardArgs, type TeamCardChannel } from '@soestainable/shared/domain/owners';
import { t } from '@soestainable/shared/text';
import { literal } from '../../cards/texts';
import type { Feature, FeatureDeps, Turn } from '../core/feature';
import { teamIdOf } from '../welcome/welcome';
import { teamCardTexts as T } from './texts';

/**
 * The channel's reference for proactive posts: a message in a thread carries `;messageid=…` in its conversation id,
 * which would make every card a reply in that thread; the channel itself is the id before it.
 */
export function channelReference(turn: Turn): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(turn.context.activity);
  const conversation = ref.conversation;
  if (conversation === undefined) return ref;
  return { ...ref, conversation: { ...conversation, id: conversation.id.split(';')[0] ?? conversation.id } };
}

/** The organisation team the command is about: named, the one the channel carries, the one the person manages, or their own. */
function targetTeam(turn: Turn, teams: readonly OrgTeam[], named: string, existing: TeamCardChannel | undefined, on: boolean): OrgTeam | undefined {
  if (named !== '') {
    const lower = named.toLocaleLowerCase('nl');
    return teams.find((team) => team.teamId === named || team.name.toLocaleLowerCase('nl') === lower);
  }
  if (!on && existing !== undefined) return teams.find((team) => team.teamId === existing.orgTeamId);
  const managed = teams.filter((team) => team.managerIds.includes(turn.userId));
  if (managed.length === 1) return managed[0];
  if (managed.length === 0 && isJoined(turn.participant)) return teams.find((team) => team.teamId === turn.participant?.teamId);
  return undefined;
}

/**
 * `teamkaart aan` / `team card on` and `teamkaart uit` / `team card off` in a team channel (issue 16, item 3): a
 * manager of the team (its `managerIds`) or a coordinator switches the weekly team card of an organisation team on
 * for this channel, or off. Anyone else gets a polite no; a 1:1 or group chat, a team the app was not added to, or a
 * team name it does not know get a clear answer. In every one of those cases nothing is written.
 */
export function createTeamCardFeature(deps: FeatureDeps): Feature {
  const { repos, config, logger } = deps;
  const orgId = config.org.id;
  const say = (turn: Turn, text: string) => turn.context.sendActivity(text);

  async function teamCard(turn: Turn, args: string): Promise<void> {
    const parsed = parseTeamCardArgs(args);
    if (!parsed) return void (await say(turn, t(T.usage, turn.lang)));
    const activity = turn.context.activity;
    if (activity.conversation?.conversationType !== 'channel') return void (await say(turn, t(T.notInChannel, turn.lang)));
    const teamsTeamId = teamIdOf(activity);
    const installed = teamsTeamId === undefined ? undefined : await repos.conversationRefs.get({ kind: 'team', teamId: teamsTeamId }, 'channel');
    if (teamsTeamId === undefined || !installed?.active) return void (await say(turn, t(T.unknownTeam, turn.lang)));

    const [teams, existing] = await Promise.all([repos.orgTeams.list(orgId), repos.teamCards.get(orgId, teamsTeamId)]);
    const target = targetTeam(turn, teams, parsed.team, existing, parsed.on);
    if (target === undefined) {
      return void (await say(turn, parsed.team === '' ? t(T.whichTeam, turn.lang) : t(T.unknownOrgTeam, turn.lang, { team: literal(parsed.team.slice(0, 100)) })));
    }
    const coordinator = isJoined(turn.participant) && turn.participant.roles.includes('coordinator');
    const mayFor = (team: OrgTeam | undefined): boolean => coordinator || (team?.managerIds.includes(turn.userId) ?? false);
    // A channel that carries another team's card is that team's too: switching it over needs a say there as well.
    const current = existing?.enabled === true && existing.orgTeamId !== target.teamId ? teams.find((team) => team.teamId === existing.orgTeamId) : undefined;
    if (!mayFor(target) || (current !== undefined && !mayFor(current))) {
      logger.info('team card refused', { reason: 'not_manager_or_coordinator' });
      const refusedFor = mayFor(target) ? (current ?? target) : target;
      return void (await say(turn, t(T.politeNo, turn.lang, { team: literal(refusedFor.name) })));
    }
    const name = literal(target.name);
    if (!parsed.on) {
      if (existing?.enabled !== true || existing.orgTeamId !== target.teamId) return void (await say(turn, t(T.alreadyOff, turn.lang)));
      await repos.teamCards.save({ ...existing, enabled: false, changedBy: turn.userId, changedAt: turn.now.toISOString() });
      logger.info('team card switched', { teamsTeamId, orgTeamId: target.teamId, on: false });
      return void (await say(turn, t(T.switchedOff, turn.lang, { team: name })));
    }
    await repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'teamcard', channelReference(turn));
    await repos.teamCards.save({ orgId, teamsTeamId, orgTeamId: target.teamId, enabled: true, changedBy: turn.userId, changedAt: turn.now.toISOString() });
    logger.info('team card switched', { teamsTeamId, orgTeamId: target.teamId, on: true });
    await say(turn, t(T.switchedOn, turn.lang, { team: name }));
  }

  return { commands: { teamCard: (turn, args) => teamCard(turn, args) } };
}
