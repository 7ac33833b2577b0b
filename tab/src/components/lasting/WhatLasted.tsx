import { Field, Select, Text, makeStyles, mergeClasses } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import {
  SURVEY_QUESTIONS,
  type KeptCell,
  type LastingCampaignInfo,
  type LastingFigures,
  type LastingHabit,
  type LastingReportResponse,
  type LastingWave,
  type SurveyCell,
  type SurveyOptions,
  type SurveyQuestion,
} from '@soestainable/shared/api/lasting';
import { DISTANCE_BAND_LABELS, FREQUENCY_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import type { IsoDate, Language, Localized } from '@soestainable/shared/domain/types';
import { useLang } from '../../app/context';
import { formatDate, formatPercent, localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { ChartFigure } from '../charts/ChartFigure';
import { ScrollRegion } from '../ScrollRegion';
import { Section, useSectionStyles } from '../Section';
import { EmptyState } from '../states';
import { KEPT_ORDER, KEPT_LABELS, lastingTexts, QUESTION_LABELS, YES_NO_LABELS } from './texts';

/**
 * "Wat bleef / What lasted" (issue 15, item 4) on the team, organisation and report pages: per follow-up wave the
 * share of pledges kept (chart and table, per habit and overall), and the baseline beside the end survey per
 * question. Hidden cells come from the server without numbers and say so here.
 */

/** What the three views have in common (shared/src/api/lasting.ts). */
export interface LastingData {
  readonly campaign: LastingCampaignInfo | null;
  readonly campaigns: readonly LastingCampaignInfo[];
  readonly habits: readonly LastingHabit[];
  readonly minimumGroupSize: number;
  readonly today: IsoDate;
  readonly figures: LastingFigures | null;
}

const OPTION_LABELS: { readonly [Q in SurveyQuestion]: Readonly<Record<SurveyOptions[Q], Localized>> } = {
  commuteMode: TRAVEL_MODE_LABELS,
  distanceBand: DISTANCE_BAND_LABELS,
  disposablePackaging: FREQUENCY_LABELS,
  screensOffAtNight: YES_NO_LABELS,
  lightsOffWhenLeaving: YES_NO_LABELS,
};

/** A campaign's long name narrows the selector to the panel (320 px) instead of widening the page. */
const usePickerStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%' },
  control: { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
});

/** The campaign selector: shown when there is more than one campaign to look back on. */
function CampaignPicker({ data, onCampaign }: { readonly data: LastingData; readonly onCampaign: (campaignId: string) => void }): ReactElement | null {
  const t = useT();
  const lang = useLang();
  const styles = usePickerStyles();
  if (data.campaigns.length < 2 || data.campaign === null) return null;
  return (
    <Field label={t(lastingTexts.campaign)}>
      <Select className={styles.select} select={{ className: styles.control }} value={data.campaign.campaignId} onChange={(_e, d) => onCampaign(d.value)}>
        {data.campaigns.map((c) => (
          <option key={c.campaignId} value={c.campaignId}>
            {t(lastingTexts.campaignOption, { name: localized(c.name, lang), date: formatDate(lang, c.lastDay) })}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** One cell's text: the three shares and the answers behind them, or why it is hidden. */
function useCellText(minimum: number): (cell: KeptCell | null | undefined) => string {
  const t = useT();
  const lang = useLang();
  return (cell) =>
    cell === null || cell === undefined || cell.hidden
      ? t(lastingTexts.hidden, { minimum })
      : t(lastingTexts.cell, { ja: formatPercent(lang, cell.ja), soms: formatPercent(lang, cell.soms), nee: formatPercent(lang, cell.nee), answers: cell.answers });
}

/** A wave as a column: its days and state, and its cells (the overall only where the view has one). */
type WaveColumn = Omit<LastingWave, 'overall'> & { readonly overall?: KeptCell | null };

function waveHeader(wave: WaveColumn, lang: Language, t: ReturnType<typeof useT>): string {
  return t(lastingTexts.waveColumn, { count: wave.weeks, date: formatDate(lang, wave.sendOn) });
}

/** A wave's cell in the table: figures when final, else when it goes out or until when it takes answers. */
function WaveCell({ wave, cell, minimum }: { readonly wave: WaveColumn; readonly cell: KeptCell | null | undefined; readonly minimum: number }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  const cellText = useCellText(minimum);
  const text =
    wave.state === 'planned'
      ? t(lastingTexts.planned, { date: formatDate(lang, wave.sendOn) })
      : wave.state === 'open'
        ? t(lastingTexts.open, { date: formatDate(lang, wave.openUntil) })
        : cellText(cell);
  const muted = wave.state !== 'final' || cell === null || cell === undefined || cell.hidden;
  return <td className={mergeClasses(styles.cell, muted ? styles.muted : undefined)}>{text}</td>;
}

/**
 * The waves as a table: a row per habit that shows in some wave (and first the overall, when `withOverall`), a
 * column per wave. Also the werkatelier sheet's (its theme's habits, no overall).
 */
export function HabitWavesTable(props: {
  readonly habits: readonly LastingHabit[];
  readonly waves: readonly WaveColumn[];
  readonly minimum: number;
  readonly withOverall?: boolean;
}): ReactElement {
  const { habits, waves, minimum } = props;
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  const pledged = habits.filter((h) => waves.some((w) => w.habits.some((x) => x.challengeId === h.challengeId && !x.cell.hidden)));
  return (
    <ScrollRegion label={t(lastingTexts.wavesTable)}>
      <table className={styles.table} aria-label={t(lastingTexts.wavesTable)}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(lastingTexts.habit)}</th>
            {waves.map((w) => (
              <th key={w.wave} scope="col" className={mergeClasses(styles.cell, styles.head)}>{waveHeader(w, lang, t)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.withOverall ? (
            <tr>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{t(lastingTexts.overall)}</th>
              {waves.map((w) => (
                <WaveCell key={w.wave} wave={w} cell={w.overall} minimum={minimum} />
              ))}
            </tr>
          ) : null}
          {pledged.map((h) => (
            <tr key={h.challengeId}>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{localized(h.phrase, lang)}</th>
              {waves.map((w) => (
                <WaveCell key={w.wave} wave={w} cell={w.habits.find((x) => x.challengeId === h.challengeId)?.cell} minimum={minimum} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Waves({ data, figures }: { readonly data: LastingData; readonly figures: LastingFigures }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  const shown = figures.waves.flatMap((w) => (w.state === 'final' && w.overall !== null && !w.overall.hidden ? [{ wave: w, cell: w.overall }] : []));
  return (
    <>
      {shown.length === 0 ? (
        <Text className={styles.muted}>{t(lastingTexts.noFinalWave)}</Text>
      ) : (
        <ChartFigure
          title={t(lastingTexts.wavesChart)}
          categoryLabel={t(lastingTexts.wavesTitle)}
          rows={shown.map(({ wave, cell }) => ({ label: t(lastingTexts.waveLabel, { count: wave.weeks }), values: { ja: cell.ja, soms: cell.soms, nee: cell.nee } }))}
          series={KEPT_ORDER.map((k) => ({ key: k, name: t(KEPT_LABELS[k]) }))}
          format={(v) => formatPercent(lang, v)}
          domainMax={1}
        />
      )}
      <HabitWavesTable habits={data.habits} waves={figures.waves} minimum={data.minimumGroupSize} withOverall />
    </>
  );
}

function SurveyColumnCell({ cell, question, option }: { readonly cell: SurveyCell | null; readonly question: SurveyQuestion; readonly option: string }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  if (cell === null || cell.hidden) return <td className={mergeClasses(styles.cell, styles.number, styles.muted)}>{t(lastingTexts.notShown)}</td>;
  const shares = cell.questions[question] as Readonly<Record<string, number>>;
  return <td className={mergeClasses(styles.cell, styles.number)}>{formatPercent(lang, shares[option] ?? 0)}</td>;
}

function Surveys({ figures }: { readonly figures: LastingFigures }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  const { baseline, end, endFinal } = figures.surveys;
  const count = (cell: SurveyCell | null): string => (cell === null || cell.hidden ? t(lastingTexts.notShown) : String(cell.respondents));
  return (
    <>
      <ScrollRegion label={t(lastingTexts.surveysTable)}>
        <table className={styles.table} aria-label={t(lastingTexts.surveysTable)}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(lastingTexts.answer)}</th>
              <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(lastingTexts.baseline)}</th>
              <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(lastingTexts.end)}</th>
            </tr>
          </thead>
          {SURVEY_QUESTIONS.map((q) => (
            <tbody key={q}>
              <tr>
                <th scope="rowgroup" colSpan={3} className={mergeClasses(styles.cell, styles.head)}>{t(QUESTION_LABELS[q])}</th>
              </tr>
              {Object.entries(OPTION_LABELS[q] as Readonly<Record<string, Localized>>).map(([option, label]) => (
                <tr key={option}>
                  <th scope="row" className={mergeClasses(styles.cell, styles.head, styles.muted)}>{localized(label, lang)}</th>
                  <SurveyColumnCell cell={baseline} question={q} option={option} />
                  <SurveyColumnCell cell={end} question={q} option={option} />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
      <Text size={200} className={styles.muted}>{t(lastingTexts.surveysBasis, { baseline: count(baseline), end: count(end) })}</Text>
      {endFinal ? null : <Text size={200} className={styles.muted}>{t(lastingTexts.endNotFinal)}</Text>}
    </>
  );
}

/** Each team's overall share of "yes" per wave (the report). */
export function TeamsTable({ report }: { readonly report: LastingReportResponse }): ReactElement | null {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  const waves = report.figures?.waves ?? [];
  if (report.teams.length === 0 || waves.length === 0) return null;
  const text = (cell: KeptCell | null | undefined): string => (cell === null || cell === undefined || cell.hidden ? t(lastingTexts.notShown) : t(lastingTexts.teamCell, { ja: formatPercent(lang, cell.ja) }));
  return (
    <>
      <Text size={200} className={styles.muted}>{t(lastingTexts.teamsNote)}</Text>
      <ScrollRegion label={t(lastingTexts.teamsTitle)}>
        <table className={styles.table} aria-label={t(lastingTexts.teamsTitle)}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(lastingTexts.team)}</th>
              {waves.map((w) => (
                <th key={w.wave} scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(lastingTexts.waveLabel, { count: w.weeks })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.teams.map((team) => (
              <tr key={team.teamId}>
                <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{team.name}</th>
                {waves.map((w) => (
                  <td key={w.wave} className={mergeClasses(styles.cell, styles.number)}>{text(team.waves.find((x) => x.wave === w.wave)?.overall)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/**
 * The section itself. `onCampaign` switches the campaign (the page asks the server again); `children` adds what a
 * page shows besides (the report's teams table).
 */
export function WhatLasted({ data, onCampaign, children }: { readonly data: LastingData; readonly onCampaign: (campaignId: string) => void; readonly children?: ReactNode }): ReactElement {
  const t = useT();
  const styles = useSectionStyles();
  const ended = data.campaign !== null && data.figures !== null && data.campaign.lastDay < data.today;
  return (
    <Section title={t(lastingTexts.title)}>
      <CampaignPicker data={data} onCampaign={onCampaign} />
      {!ended || data.figures === null ? (
        <EmptyState title={t(lastingTexts.emptyTitle)}>{t(lastingTexts.emptyBody)}</EmptyState>
      ) : (
        <>
          <Text size={200} className={styles.muted}>{t(lastingTexts.intro, { minimum: data.minimumGroupSize })}</Text>
          <h3 className={styles.heading}>{t(lastingTexts.wavesTitle)}</h3>
          <Waves data={data} figures={data.figures} />
          <h3 className={styles.heading}>{t(lastingTexts.surveysTitle)}</h3>
          <Surveys figures={data.figures} />
          {children}
        </>
      )}
    </Section>
  );
}
