import { EXPORT_CSV_COLUMNS, type SendRunsResponse, type SendRunView } from '@soestainable/shared/api/admin';
import type { DailyAggregate } from '@soestainable/shared/domain/aggregates';
import { SEND_KINDS, type SendKind } from '@soestainable/shared/domain/sending';
import { todayIn } from '@soestainable/shared/calendar';
import { TRAVEL_MODES, type IsoDate } from '@soestainable/shared/domain/types';
import { isReleased } from '@soestainable/shared/privacy';
import { handleFile, requireRole, type Principal, type TabApiContext } from '../http';
import { orgOf, queryParam } from '../request';
import { campaignFor } from './campaign';

/** The last send runs (from the proactive engine) and the CSV export of the aggregates (issue 5, Build 6). */

const RUNS_PER_KIND = 10;

export async function getSendRuns(ctx: TabApiContext, principal: Principal): Promise<SendRunsResponse> {
  requireRole(principal, 'coordinator');
  const lists = await Promise.all(SEND_KINDS.map((kind) => ctx.repos.sendRuns.latest(kind, RUNS_PER_KIND)));
  const runs = {} as Record<SendKind, SendRunView[]>;
  SEND_KINDS.forEach((kind, i) => (runs[kind] = lists[i] ?? []));
  return { runs };
}

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
const BOM = '\uFEFF';
/** Dutch Excel expects `;` between fields (the comma is the decimal separator). */
const SEPARATOR = ';';

/**
 * One CSV text field: quoted when it holds the separator, a quote or a line break; a text that Excel would read as
 * a formula (`=`, `+`, `-`, `@`, tab, CR at the start) gets a leading apostrophe, so a team name cannot run one.
 */
export function csvField(value: string | number): string {
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as the export writes it: digits with an optional minus and decimal comma (`12`, `-17,757`). */
const FIGURE = /^-?\d+(,\d+)?$/;

/**
 * One CSV figure: a count, or a Dutch decimal from {@link dutchDecimal}. Written as it is, without the formula
 * guard, so a spreadsheet reads `-17,757` as the number it is (with the apostrophe it became text and sums skipped
 * it). Anything that is not such a figure is written as a text field, guard and all.
 */
export function csvFigure(value: string | number): string {
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  return FIGURE.test(text) ? text : csvField(text);
}

/** A kg figure as Dutch Excel reads it: three decimals, decimal comma. */
export function dutchDecimal(n: number): string {
  return n.toFixed(3).replace('.', ',');
}

/**
 * The CSV: one row per team per day. A team-day that the disclosure rule does not let out on its own (its day not
 * final yet, or fewer people recorded that day than the minimum group size: shared/src/privacy/disclosure.ts) is
 * marked `suppressed` = 1 with its figures left empty. The CSV holds no totals; the report's totals add hidden
 * team-days only as one residual group, so nothing here subtracts to a group under the minimum.
 */
export function aggregatesCsv(
  campaignId: string,
  rows: readonly DailyAggregate[],
  teamName: ReadonlyMap<string, string>,
  minimum: number,
  today: IsoDate,
): string {
  const hidden = new Set(rows.filter((r) => !isReleased(r, today, minimum)).map((r) => `${r.teamId}|${r.date}`));
  const nameOf = (id: string) => teamName.get(id) ?? id;
  const sorted = [...rows].sort((a, b) => nameOf(a.teamId).localeCompare(nameOf(b.teamId), 'nl') || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const lines = [EXPORT_CSV_COLUMNS.join(SEPARATOR)];
  for (const r of sorted) {
    const head = [campaignId, r.teamId, nameOf(r.teamId), r.date];
    if (hidden.has(`${r.teamId}|${r.date}`)) {
      const blanks = EXPORT_CSV_COLUMNS.length - head.length - 1;
      lines.push([...head.map(csvField), ...new Array<string>(blanks).fill(''), '1'].join(SEPARATOR));
      continue;
    }
    const figures: (string | number)[] = [
      r.participants,
      r.checkIns,
      r.done,
      r.partly,
      r.notToday,
      r.wasteFree,
      r.cupsAvoided,
      ...TRAVEL_MODES.map((m) => r.travel[m]),
      dutchDecimal(r.co2.low),
      dutchDecimal(r.co2.mid),
      dutchDecimal(r.co2.high),
      '0',
    ];
    lines.push([...head.map(csvField), ...figures.map(csvFigure)].join(SEPARATOR));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** `GET /api/admin/export.csv`: a file, not JSON; failures are the usual coded JSON, logged as `label`. */
export function exportCsvRoute(ctx: TabApiContext, label: string) {
  return handleFile(ctx.auth, ctx.logger, label, async (req, principal) => {
    requireRole(principal, 'coordinator');
    const campaign = await campaignFor(ctx, queryParam(req, 'campaignId'));
    const [rows, teams] = await Promise.all([
      ctx.repos.dailyAggregates.listCampaign(campaign.value.campaignId),
      ctx.repos.orgTeams.list(orgOf(ctx)),
    ]);
    const csv = aggregatesCsv(campaign.value.campaignId, rows, new Map(teams.map((t) => [t.teamId, t.name])), ctx.config.minGroupSize, todayIn(ctx.now()));
    return { fileName: `soestainable-${campaign.value.campaignId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`, contentType: 'text/csv; charset=utf-8', text: csv };
  });
}
