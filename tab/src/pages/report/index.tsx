import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';
import type { ReportResponse } from '@soestainable/shared/api/report';
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { ACTION_STATUSES, BARRIER_STATUSES, THEMES, type Language } from '@soestainable/shared/domain/types';
import { useApi } from '../../api/useApi';
import { useLang } from '../../app/context';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { Co2Card } from '../../components/dashboard';
import { ReportLasting } from '../../components/lasting/views';
import { PageFrame } from '../../components/PageFrame';
import { Section, useSectionStyles } from '../../components/Section';
import { StatCard, StatGrid } from '../../components/StatCard';
import { ApiView, EmptyState, SuppressedNotice } from '../../components/states';
import { amsterdamDay, formatDate, formatDay, formatKg, formatKgRange, formatNumber, formatPercent, localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { ScrollRegion } from '../../components/ScrollRegion';
import { reportTexts } from './texts';

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
  const t = useT();
  const p = report.participation;
  return (
    <Section title={t(reportTexts.participation)}>
      {p.hidden ? (
        <SuppressedNotice minimum={report.minGroupSize} />
      ) : (
        <StatGrid>
          <StatCard label={t(reportTexts.participants)} value={formatNumber(lang, p.participants)} />
          <StatCard label={t(reportTexts.checkIns)} value={formatNumber(lang, p.checkIns)} />
          <StatCard label={t(reportTexts.participationRate)} value={formatPercent(lang, p.participationRate)} hint={t(reportTexts.participationHint)} />
          <StatCard
            label={t(reportTexts.teamsShown)}
            value={formatNumber(lang, p.teamsShown)}
            {...(p.teamsHidden > 0 ? { hint: t(reportTexts.teamsHidden, { count: p.teamsHidden }) } : {})}
          />
        </StatGrid>
      )}
    </Section>
  );
}

function Impact({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const i = report.impact;
  return (
    <Section title={t(reportTexts.impact)}>
      {i.hidden ? (
        <SuppressedNotice minimum={report.minGroupSize} />
      ) : (
        <>
          <StatGrid>
            <Co2Card impact={i} />
            <StatCard label={t(reportTexts.cups)} value={formatNumber(lang, i.cupsAvoided)} />
            <StatCard label={t(reportTexts.wasteFree)} value={formatNumber(lang, i.wasteFreeDays)} />
            <StatCard label={t(reportTexts.sustainableTravel)} value={formatPercent(lang, i.sustainableTravelShare)} />
          </StatGrid>
          <Text size={200} className={styles.muted}>
            {t(reportTexts.sources, { version: i.factorVersion })}: {i.sources[lang].join('; ')}
          </Text>
        </>
      )}
    </Section>
  );
}

function Charts({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const rows = report.series.map((d) => ({ label: formatDay(lang, d.date), date: d.date, rate: d.participationRate, co2: d.co2.mid }));
  return (
    <Section title={t(reportTexts.charts)}>
      {rows.length === 0 ? (
        <Text>{t(reportTexts.noSeries)}</Text>
      ) : (
        <div className={styles.charts}>
          <div className={styles.chart}>
            <ChartFigure
              title={t(reportTexts.chartParticipation)}
              categoryLabel={t(reportTexts.day)}
              rows={rows.map((r) => ({ label: r.label, values: { rate: r.rate } }))}
              series={[{ key: 'rate', name: t(reportTexts.rate) }]}
              format={(v) => formatPercent(lang, v)}
              domainMax={1}
            />
          </div>
          <div className={styles.chart}>
            <ChartFigure
              title={t(reportTexts.chartCo2)}
              categoryLabel={t(reportTexts.day)}
              rows={rows.map((r) => ({ label: r.label, values: { co2: r.co2 } }))}
              series={[{ key: 'co2', name: t(reportTexts.co2Mid) }]}
              format={(v) => formatKg(lang, v)}
            />
          </div>
        </div>
      )}
    </Section>
  );
}

function Teams({ report, lang }: { readonly report: ReportResponse; readonly lang: Language }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const s = useSectionStyles();
  return (
    <Section title={t(reportTexts.teams)}>
      <ScrollRegion label={t(reportTexts.teamsCaption)}>
        <table className={s.table}>
          <caption className={styles.caption}>{t(reportTexts.teamsCaption)}</caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(s.cell, s.head)}>{t(reportTexts.team)}</th>
              <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{t(reportTexts.participants)}</th>
              <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{t(reportTexts.participationRate)}</th>
              <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{t(reportTexts.co2)}</th>
            </tr>
          </thead>
          <tbody>
            {report.teams.map((team) => (
              <tr key={team.teamId}>
                <th scope="row" className={mergeClasses(s.cell, s.head)}>{team.name}</th>
                {team.figures.hidden ? (
                  <td colSpan={3} className={`${s.cell} ${s.muted}`}>{t(reportTexts.hiddenCell)}</td>
                ) : (
                  <>
                    <td className={`${s.cell} ${s.number}`}>{formatNumber(lang, team.figures.participants)}</td>
                    <td className={`${s.cell} ${s.number}`}>{formatPercent(lang, team.figures.participationRate)}</td>
                    <td className={`${s.cell} ${s.number}`}>
                      {formatKg(lang, team.figures.co2.mid)} ({formatKgRange(lang, team.figures.co2)})
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
  const t = useT();
  const styles = useStyles();
  const s = useSectionStyles();
  const { barriers, actions } = report;
  return (
    <Section title={t(reportTexts.barriers)}>
      <StatGrid>
        <StatCard label={t(reportTexts.barriersTotal)} value={formatNumber(lang, barriers.total)} />
        <StatCard label={t(reportTexts.actions)} value={t(reportTexts.actionsCount, { count: actions.total, n: formatNumber(lang, actions.total) })} />
      </StatGrid>
      <div className={s.columns}>
        <CountTable caption={t(reportTexts.byStatus)} rows={BARRIER_STATUSES.map((st) => [t(BARRIER_STATUS_LABELS[st]), barriers.byStatus[st]] as const)} />
        <CountTable caption={t(reportTexts.byTheme)} rows={THEMES.map((th) => [t(THEME_LABELS[th]), barriers.byTheme[th]] as const)} />
        <CountTable caption={t(reportTexts.actions)} rows={ACTION_STATUSES.map((st) => [t(ACTION_STATUS_LABELS[st]), actions.byStatus[st]] as const)} />
      </div>
      {barriers.top.length === 0 ? (
        <Text>{t(reportTexts.noTop)}</Text>
      ) : (
        <ScrollRegion label={t(reportTexts.topBarriers)}>
          <table className={s.table}>
            <caption className={styles.caption}>{t(reportTexts.topBarriers)}</caption>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(s.cell, s.head)}>{t(reportTexts.action)}</th>
                <th scope="col" className={mergeClasses(s.cell, s.head)}>{t(reportTexts.status)}</th>
                <th scope="col" className={mergeClasses(s.cell, s.head)}>{t(reportTexts.owner)}</th>
                <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{t(reportTexts.count)}</th>
              </tr>
            </thead>
            <tbody>
              {barriers.top.map((c) => (
                <tr key={c.actionId}>
                  <th scope="row" className={mergeClasses(s.cell, s.head)}>
                    {localized(c.title, lang)}
                    <div className={s.muted}>{t(THEME_LABELS[c.theme])}</div>
                  </th>
                  <td className={s.cell}>{t(ACTION_STATUS_LABELS[c.status])}</td>
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
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  if (report.campaign === null) return <EmptyState>{t(reportTexts.noCampaign)}</EmptyState>;
  return (
    <div className={styles.report}>
      <Text className={styles.muted}>{t(reportTexts.generated, { date: formatDate(lang, amsterdamDay(report.generatedAt)), minimum: report.minGroupSize })}</Text>
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
      <Page>
        <ReportLasting />
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
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const state = useApi('report.get');
  const campaign = state.data?.campaign ?? null;
  return (
    <PageFrame
      title={t(reportTexts.title)}
      {...(campaign === null
        ? {}
        : {
            subtitle: t(reportTexts.subtitle, {
              name: localized(campaign.name, lang),
              start: formatDate(lang, campaign.startDate),
              end: formatDate(lang, campaign.endDate),
              count: campaign.days,
            }),
          })}
      actions={
        <Button className={styles.printButton} appearance="primary" onClick={() => window.print()}>
          {t(reportTexts.print)}
        </Button>
      }
    >
      <ApiView state={state}>{(report) => <Report report={report} />}</ApiView>
    </PageFrame>
  );
}
