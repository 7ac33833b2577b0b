import type { Request } from 'restify';
import {
  WERKATELIER_BARRIERS_MAX,
  WERKATELIER_CSV_COLUMNS,
  WERKATELIER_IDEAS_MAX,
  type WerkatelierBarrier,
  type WerkatelierIdea,
  type WerkatelierLasting,
  type WerkatelierResponse,
} from '@soestainable/shared/api/werkatelier';
import { challengeById } from '@soestainable/shared/catalogue';
import { isRecognisable } from '@soestainable/shared/domain/recognition';
import { THEMES, type Theme } from '@soestainable/shared/domain/types';
import { csvField, csvFigure } from '../admin/exportCsv';
import { handleFile, requireRole, type Principal, type TabApiContext } from '../http';
import type { LastingService } from '../lasting/service';
import { invalid, orgOf, queryParam } from '../request';

/**
 * The werkatelier sheet (issue 16, item 4): per theme (or all) the most recognised open barriers with their linked
 * action (owner, status), and the ideas not yet adopted. Reads the org's barriers, ideas, actions, teams and
 * recognition counts: five partition queries, never a person; and the organisation's "what lasted" figures of the
 * theme's habits from the lasting service (its cells and hiding, cached per team).
 */

function themeOf(req: Request): Theme | null {
  const value = queryParam(req, 'theme');
  if (value === undefined || value === '') return null;
  if (!(THEMES as readonly string[]).includes(value)) throw invalid('query.theme', 'unknown_theme', 'There is no such theme.');
  return value as Theme;
}

/** A habit's theme: the organisation's own challenge, else the catalogue's (none for a challenge removed since). */
async function habitThemes(ctx: TabApiContext): Promise<(challengeId: string) => Theme | undefined> {
  const own = await ctx.repos.challenges.list(orgOf(ctx));
  return (id) => (own.find((c) => c.id === id) ?? challengeById(id))?.theme;
}

/**
 * The organisation's "what lasted" for the habits of `theme` (all for `null`): the org view's cells of the default
 * campaign, each habit's theme from the organisation's own challenge or the catalogue.
 */
async function werkatelierLasting(ctx: TabApiContext, lasting: LastingService, theme: Theme | null): Promise<WerkatelierLasting | null> {
  const [org, themeOfHabit] = await Promise.all([lasting.organisation(undefined), habitThemes(ctx)]);
  if (org.campaign === null || org.figures === null) return null;
  const ids = new Set(org.habits.map((h) => h.challengeId).filter((id) => theme === null || themeOfHabit(id) === theme));
  return {
    campaign: org.campaign,
    minimumGroupSize: org.minimumGroupSize,
    habits: org.habits.filter((h) => ids.has(h.challengeId)),
    waves: org.figures.waves.map(({ overall: _spansEveryTheme, ...wave }) => ({ ...wave, habits: wave.habits.filter((h) => ids.has(h.challengeId)) })),
  };
}

export async function werkatelierSheet(ctx: TabApiContext, lasting: LastingService, theme: Theme | null): Promise<WerkatelierResponse> {
  const org = orgOf(ctx);
  const [barriers, ideas, actions, teams, counts, lastingFigures] = await Promise.all([
    ctx.repos.barriers.list(org),
    ctx.repos.ideas.list(org),
    ctx.repos.actions.list(org),
    ctx.repos.orgTeams.list(org),
    ctx.repos.recognitions.counts(org),
    werkatelierLasting(ctx, lasting, theme),
  ]);
  const teamName = new Map(teams.map((t) => [t.teamId, t.name]));
  const action = new Map(actions.map(({ action: a }) => [a.actionId, { actionId: a.actionId, title: a.title, owner: a.owner, status: a.status }]));
  const inTheme = (t: Theme) => theme === null || t === theme;
  const sheetBarriers: WerkatelierBarrier[] = barriers
    .filter((b) => isRecognisable(b.status) && inTheme(b.theme))
    .map((b) => ({
      barrierId: b.barrierId,
      reference: b.reference,
      text: b.text,
      theme: b.theme,
      status: b.status,
      teamName: teamName.get(b.teamId) ?? b.teamId,
      recognitions: counts.get(b.barrierId) ?? 0,
      action: (b.actionId === undefined ? undefined : action.get(b.actionId)) ?? null,
    }))
    // A stable sort: among equals the list's order (newest first) stays.
    .sort((a, b) => b.recognitions - a.recognitions)
    .slice(0, WERKATELIER_BARRIERS_MAX);
  const sheetIdeas: WerkatelierIdea[] = ideas
    .filter((i) => i.status !== 'overgenomen' && inTheme(i.theme))
    .slice(0, WERKATELIER_IDEAS_MAX)
    .map((i) => ({ reference: i.reference, text: i.text, theme: i.theme, status: i.status, teamName: teamName.get(i.teamId) ?? i.teamId }));
  return { theme, generatedAt: ctx.now().toISOString(), barriers: sheetBarriers, ideas: sheetIdeas, lasting: lastingFigures };
}

export async function getWerkatelier(ctx: TabApiContext, lasting: LastingService, principal: Principal, req: Request): Promise<WerkatelierResponse> {
  requireRole(principal, 'coordinator');
  return werkatelierSheet(ctx, lasting, themeOf(req));
}

/** The lasting rows of the CSV: per final wave and habit of the theme, the organisation's cell (a hidden one without numbers). */
function lastingCsvRows(lasting: WerkatelierLasting | null, themeOf: (challengeId: string) => Theme | undefined): string[] {
  if (lasting === null) return [];
  return lasting.waves
    .filter((w) => w.state === 'final')
    .flatMap((w) =>
      lasting.habits.map((habit) => {
        const cell = w.habits.find((x) => x.challengeId === habit.challengeId)?.cell;
        const figures = cell === undefined || cell.hidden ? ['', '', '', ''] : [csvFigure(cell.answers), csvFigure(cell.ja), csvFigure(cell.soms), csvFigure(cell.nee)];
        const status = cell === undefined || cell.hidden ? 'hidden' : 'shown';
        return [csvField('lasting'), '', csvField(themeOf(habit.challengeId) ?? ''), '', status, '', csvField(habit.phrase.nl), '', '', '', csvFigure(w.weeks), ...figures].join(';');
      }),
    );
}

/** The sheet as CSV: `;`-separated, UTF-8 with a BOM (Dutch Excel), texts through the formula guard. */
export function werkatelierCsv(sheet: WerkatelierResponse, themeOf: (challengeId: string) => Theme | undefined = () => undefined): string {
  const lines = [WERKATELIER_CSV_COLUMNS.join(';')];
  const noLasting = ['', '', '', '', ''];
  for (const b of sheet.barriers) {
    const a = b.action;
    const row = [csvField('barrier'), csvField(b.reference), csvField(b.theme), csvField(b.teamName), csvField(b.status), csvFigure(b.recognitions), csvField(b.text), csvField(a?.title.nl ?? ''), csvField(a?.owner ?? ''), csvField(a?.status ?? '')];
    lines.push([...row, ...noLasting].join(';'));
  }
  for (const i of sheet.ideas) {
    lines.push([csvField('idea'), csvField(i.reference), csvField(i.theme), csvField(i.teamName), csvField(i.status), '', csvField(i.text), '', '', '', ...noLasting].join(';'));
  }
  lines.push(...lastingCsvRows(sheet.lasting, themeOf));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** `GET /api/werkatelier.csv`: a file, not JSON; failures are the usual coded JSON. */
export function werkatelierCsvRoute(ctx: TabApiContext, lasting: LastingService, label: string) {
  return handleFile(ctx.auth, ctx.logger, label, async (req, principal) => {
    requireRole(principal, 'coordinator');
    const theme = themeOf(req);
    const [sheet, themeOfHabit] = await Promise.all([werkatelierSheet(ctx, lasting, theme), habitThemes(ctx)]);
    return { fileName: `soestainable-werkatelier-${theme ?? 'alle-themas'}.csv`, contentType: 'text/csv; charset=utf-8', text: werkatelierCsv(sheet, themeOfHabit) };
  });
}
