import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import type { ReportResponse } from '@soestainable/shared/api/report';
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS, THEME_LABELS, labelOf } from '@soestainable/shared/catalogue/labels';
import { ACTION_STATUSES, BARRIER_STATUSES, THEMES, type Language } from '@soestainable/shared/domain/types';
import { useApi } from '../../api/useApi';
import { useLang } from '../../app/context';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { PageFrame } from '../../components/PageFrame';
import { Section, useSectionStyles } from '../../components/Section';
import { StatCard, StatGrid } from '../../components/StatCard';
import { ApiView, EmptyState, SuppressedNotice } from '../../components/states';
import { formatDate, formatDay, formatKg, formatKgRange, formatNumber, formatPercent, localized } from '../../texts/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { rt } from './texts';

/**
 * The print stylesheet lives with the page: on paper there is no navigation (the shell hides its bar), no
 * Print button, every section starts on a new A4 page and charts shrink to the printable width.
 */
const useStyles = makeStyles({
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  printButton: { '@media print': { display: 'none' } },
  page: {
    minWidth: 0,
    '@media print': { breakBefore: 'page', pageBreakBefore: 'always', breakInside: 'avoid-page' },
  },
  firstPage: { minWidth: 0, '@media print': { breakInside: 'avoid-page' } },
  // A4 is 210 mm wide; with the browser's default margins about 180 mm remain for a chart.
  chart: {
    minWidth: 0,
    '@media print': { maxWidth: '180mm', breakInside: 'avoid', '& svg': { maxWidth: '100%', height: 'auto' } },
  },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalL, '@media print': { gridTemplateColumns: '1fr' } },
  muted: { color: tokens.colorNeutralForeground2 },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalS },
});

function Page({ first = false, children }: { readonly first?: boolean; readonly children: ReactNode }): ReactElement {
  const styles = useStyles();
  return <div className={first ? styles.firstPage : styles.page}>{children}</div>;
}

function Participation({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const p = report.participation;
  return (
    <Section title={rt('participation', lang)}>
      {p.hidden ? (
        <SuppressedNotice minimum={report.minGroupSize} />
      ) : (
        <StatGrid>
          <StatCard label={rt('participants', lang)} value={formatNumber(lang, p.participants)} />
          <StatCard label={rt('checkIns', lang)} value={formatNumber(lang, p.checkIns)} />
          <StatCard label={rt('participationRate', lang)} value={formatPercent(lang, p.participationRate)} hint={rt('participationHint', lang)} />
          <StatCard
            label={rt('teamsShown', lang)}
            value={formatNumber(lang, p.teamsShown)}
            {...(p.teamsHidden > 0 ? { hint: rt('teamsHiddenHint', lang, { n: p.teamsHidden }) } : {})}
          />
        </StatGrid>
      )}
    </Section>
  );
}

function Impact({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const styles = useStyles();
  const i = report.impact;
  return (
    <Section title={rt('impact', lang)}>
      {i.hidden ? (
        <SuppressedNotice minimum={report.minGroupSize} />
      ) : (
        <>
          <StatGrid>
            <StatCard
              label={rt('co2', lang)}
              value={rt('co2Value', lang, { kg: formatKg(lang, i.co2.mid) })}
              hint={rt('co2Range', lang, { low: formatKg(lang, i.co2.low), high: formatKg(lang, i.co2.high) })}
            />
            <StatCard label={rt('cups', lang)} value={formatNumber(lang, i.cupsAvoided)} />
            <StatCard label={rt('wasteFree', lang)} value={formatNumber(lang, i.wasteFreeDays)} />
            <StatCard label={rt('sustainableTravel', lang)} value={formatPercent(lang, i.sustainableTravelShare)} />
          </StatGrid>
          <Text size={200} className={styles.muted}>
            {rt('sources', lang, { version: i.factorVersion })}: {i.sources[lang].join('; ')}
          </Text>
        </>
      )}
    </Section>
  );
}

function Charts({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const styles = useStyles();
  const rows = report.series.map((d) => ({ label: formatDay(lang, d.date), date: d.date, rate: d.participationRate, co2: d.co2.mid }));
  return (
    <Section title={rt('charts', lang)}>
      {rows.length === 0 ? (
        <Text>{rt('noSeries', lang)}</Text>
      ) : (
        <div className={styles.charts}>
          <div className={styles.chart}>
            <ChartFigure
              title={rt('chartParticipation', lang)}
              categoryLabel={rt('day', lang)}
              rows={rows.map((r) => ({ label: r.label, values: { rate: r.rate } }))}
              series={[{ key: 'rate', name: rt('rate', lang) }]}
              format={(v) => formatPercent(lang, v)}
              domainMax={1}
            />
          </div>
          <div className={styles.chart}>
            <ChartFigure
              title={rt('chartCo2', lang)}
              categoryLabel={rt('day', lang)}
              rows={rows.map((r) => ({ label: r.label, values: { co2: r.co2 } }))}
              series={[{ key: 'co2', name: rt('co2Mid', lang) }]}
              format={(v) => formatKg(lang, v)}
            />
          </div>
        </div>
      )}
    </Section>
  );
}

function Teams({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const styles = useStyles();
  const s = useSectionStyles();
  return (
    <Section title={rt('teams', lang)}>
      <ScrollRegion label={rt('teamsCaption', lang)}>
        <table className={s.table}>
          <caption className={styles.caption}>{rt('teamsCaption', lang)}</caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(s.cell, s.head)}>{rt('team', lang)}</th>
              <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{rt('participants', lang)}</th>
              <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{rt('participationRate', lang)}</th>
              <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{rt('co2', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {report.teams.map((t) => (
              <tr key={t.teamId}>
                <th scope="row" className={mergeClasses(s.cell, s.head)}>{t.name}</th>
                {t.figures.hidden ? (
                  <td colSpan={3} className={`${s.cell} ${s.muted}`}>{rt('hiddenCell', lang)}</td>
                ) : (
                  <>
                    <td className={`${s.cell} ${s.number}`}>{formatNumber(lang, t.figures.participants)}</td>
                    <td className={`${s.cell} ${s.number}`}>{formatPercent(lang, t.figures.participationRate)}</td>
                    <td className={`${s.cell} ${s.number}`}>
                      {formatKg(lang, t.figures.co2.mid)} ({formatKgRange(lang, t.figures.co2)})
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Section>
  );
}

/** A small "label: count" table (barriers by status or theme, actions by status). */
function CountTable({ caption, rows }: { readonly caption: string; readonly rows: readonly (readonly [string, number])[] }): ReactElement {
  const styles = useStyles();
  const s = useSectionStyles();
  return (
    <table className={s.table}>
      <caption className={styles.caption}>{caption}</caption>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row" className={mergeClasses(s.cell, s.head)}>{label}</th>
            <td className={`${s.cell} ${s.number}`}>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Barriers({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const styles = useStyles();
  const s = useSectionStyles();
  const { barriers, actions } = report;
  return (
    <Section title={rt('barriers', lang)}>
      <StatGrid>
        <StatCard label={rt('barriersTotal', lang)} value={formatNumber(lang, barriers.total)} />
        <StatCard label={rt('actions', lang)} value={rt('actionsTotal', lang, { n: formatNumber(lang, actions.total) })} />
      </StatGrid>
      <div className={s.columns}>
        <CountTable caption={rt('byStatus', lang)} rows={BARRIER_STATUSES.map((st) => [labelOf(BARRIER_STATUS_LABELS, st, lang), barriers.byStatus[st]] as const)} />
        <CountTable caption={rt('byTheme', lang)} rows={THEMES.map((t) => [labelOf(THEME_LABELS, t, lang), barriers.byTheme[t]] as const)} />
        <CountTable caption={rt('actions', lang)} rows={ACTION_STATUSES.map((st) => [labelOf(ACTION_STATUS_LABELS, st, lang), actions.byStatus[st]] as const)} />
      </div>
      {barriers.top.length === 0 ? (
        <Text>{rt('noTop', lang)}</Text>
      ) : (
        <ScrollRegion label={rt('topBarriers', lang)}>
          <table className={s.table}>
            <caption className={styles.caption}>{rt('topBarriers', lang)}</caption>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(s.cell, s.head)}>{rt('action', lang)}</th>
                <th scope="col" className={mergeClasses(s.cell, s.head)}>{rt('status', lang)}</th>
                <th scope="col" className={mergeClasses(s.cell, s.head)}>{rt('owner', lang)}</th>
                <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{rt('count', lang)}</th>
              </tr>
            </thead>
            <tbody>
              {barriers.top.map((c) => (
                <tr key={c.actionId}>
                  <th scope="row" className={mergeClasses(s.cell, s.head)}>
                    {localized(c.title, lang)}
                    <div className={s.muted}>{labelOf(THEME_LABELS, c.theme, lang)}</div>
                  </th>
                  <td className={s.cell}>{labelOf(ACTION_STATUS_LABELS, c.status, lang)}</td>
                  <td className={s.cell}>{c.owner}</td>
                  <td className={`${s.cell} ${s.number}`}>{c.barrierCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
}

function Report({ report }: { readonly report: ReportResponse }): ReactElement {
  const lang = useLang();
  const styles = useStyles();
  if (report.campaign === null) return <EmptyState>{rt('noCampaign', lang)}</EmptyState>;
  return (
    <div className={styles.report}>
      <Text className={styles.muted}>{rt('generated', lang, { date: formatDate(lang, report.generatedAt.slice(0, 10)), minimum: report.minGroupSize })}</Text>
      <Page first>
        <Participation report={report} lang={lang} />
      </Page>
      <Page first>
        <Impact report={report} lang={lang} />
      </Page>
      <Page>
        <Charts report={report} lang={lang} />
      </Page>
      <Page>
        <Teams report={report} lang={lang} />
      </Page>
      <Page>
        <Barriers report={report} lang={lang} />
      </Page>
    </div>
  );
}

/**
 * The printable campaign report (`#/report`) for the council: participation, impact with ranges, day-by-day
 * charts, teams (never individuals, below the group size hidden), top barriers and their status, and a Print
 * button. Its print stylesheet drops the navigation and starts each section on a new A4 page.
 */
export default function ReportPage(): ReactElement {
  const lang = useLang();
  const styles = useStyles();
  const state = useApi('report.get');
  const campaign = state.data?.campaign ?? null;
  return (
    <PageFrame
      title={rt('title', lang)}
      {...(campaign === null
        ? {}
        : {
            subtitle: rt('subtitle', lang, {
              name: localized(campaign.name, lang),
              start: formatDate(lang, campaign.startDate),
              end: formatDate(lang, campaign.endDate),
              days: campaign.days,
            }),
          })}
      actions={
        <Button className={styles.printButton} appearance="primary" onClick={() => window.print()}>
          {rt('print', lang)}
        </Button>
      }
    >
      <ApiView state={state}>{(report) => <Report report={report} />}</ApiView>
    </PageFrame>
  );
}
