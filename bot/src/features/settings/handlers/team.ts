import type { Attachment } from 'botbuilder';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import { t } from '@soestainable/shared/text';
import { literal } from '../../../cards/texts';
import type { ActionResult, FeatureDeps, Turn } from '../../core/feature';
import { noticeCard, textsIn } from '../../core/cards';
import { joinFirstCard } from '../../enrol/cards';
import { teamById } from '../../enrol/input';
import { teamCard } from '../cards';
import { onlyFieldFailed, settingsSchemas, teamNamed } from '../input';
import { changeProfile, gate, send } from '../profile';
import { settingsTexts } from '../texts';

type Data = Readonly<Record<string, unknown>>;

async function setTeam(deps: FeatureDeps, turn: Turn, team: OrgTeam): Promise<Attachment> {
  const p = await changeProfile(deps, turn, 'team', (current) => ({ ...current, teamId: team.teamId }));
  if (!p) return joinFirstCard(turn.lang);
  const txt = textsIn(settingsTexts, turn.lang, { team: literal(team.name) });
  return noticeCard({ title: txt.teamSetTitle, lines: [txt.teamSet] });
}

/** `team Publiekszaken` moves to that team at once (by name or id); `team` alone shows the team card. */
export async function teamCommand(deps: FeatureDeps, turn: Turn, args: string): Promise<void> {
  const p = turn.participant;
  const blocked = gate(turn, 'team');
  if (blocked || !p) return send(turn, blocked ?? joinFirstCard(turn.lang));
  const teams = await deps.repos.orgTeams.list(deps.config.org.id);
  if (args === '') return send(turn, teamCard(turn, p, teams));
  const team = teamNamed(teams, args);
  if (!team) return send(turn, teamCard(turn, p, teams, t(settingsTexts.teamUnknown, turn.lang)));
  return send(turn, await setTeam(deps, turn, team));
}

/** The team card's save: one of the organisation's teams, else the card again with the problem. */
export async function teamAction(deps: FeatureDeps, turn: Turn, data: Data): Promise<ActionResult> {
  const p = turn.participant;
  const blocked = gate(turn, 'team');
  if (blocked || !p) return { card: blocked ?? joinFirstCard(turn.lang) };
  const teams = await deps.repos.orgTeams.list(deps.config.org.id);
  const parsed = settingsSchemas.team.safeParse(data);
  const team = parsed.success ? teamById(teams, parsed.data.teamId) : undefined;
  if (!team) {
    const error = parsed.success || onlyFieldFailed(parsed.error, 'teamId') ? settingsTexts.teamUnknown : settingsTexts.formInvalid;
    return { card: teamCard(turn, p, teams, t(error, turn.lang)) };
  }
  return { card: await setTeam(deps, turn, team) };
}
