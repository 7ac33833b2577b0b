import { mergeClasses, Badge, Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { TeamDashboardVisible, TeamFigures } from '@soestainable/shared/api/dashboard';
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS, THEME_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import { TRAVEL_MODES } from '@soestainable/shared/domain/types';
import { useApi } from '../../api/useApi';
import { useLang } from '../../app/context';
import type { PageProps } from '../../app/pages';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { Co2Card, FactorSources, useCampaignLine } from '../../components/dashboard';
import { TeamLasting } from '../../components/lasting/views';
import { PageFrame } from '../../components/PageFrame';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section, useSectionStyles } from '../../components/Section';
import { StatCard, StatGrid } from '../../components/StatCard';
import { ApiView, EmptyState, SuppressedNotice } from '../../components/states';
import { formatDay, formatKg, formatNumber, formatPercent, localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { IDEA_STATUS_LABELS, teamTexts } from './texts';

/**
 * `#/team/:teamId`: the team dashboard (issue 5, Build 1). Below the minimum group size the server sends no
 * numbers and the page says why.
 */
export default function TeamPage({ rest }: PageProps): ReactElement {
  const teamId = rest[0] ?? '';
  const state = useApi('dashboard.get', { params: { teamId } });
  const t = useT();
  const campaignLine = useCampaignLine();
  const data = state.data;
  return (
    <PageFrame title={data === undefined ? t(teamTexts.titleLoading) : t(teamTexts.title, { team: data.teamName })} {...(data === undefined ? {} : { subtitle: campaignLine(data.campaign) })}>
      <ApiView state={state}>{(dashboard) => (dashboard.suppressed ? <SuppressedNotice minimum={dashboard.minimum} /> : <Dashboard data={dashboard} />)}</ApiView>
      {data === undefined ? null : <TeamLasting teamId={teamId} />}
    </PageFrame>
  );
}

function Dashboard({ data }: { readonly data: TeamDashboardVisible }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useSectionStyles();
  const f = data.figures;
  return (
    <>
      {f.checkIns === 0 ? (
        <EmptyState title={t(teamTexts.emptyTitle)}>{t(teamTexts.emptyBody)}</EmptyState>
      ) : (
        <>
          <StatGrid>
            <StatCard
              label={t(teamTexts.participation)}
              value={formatPercent(lang, f.participationRate)}
              hint={t(teamTexts.participationHint, { participants: f.participants })}
            />
            <StatCard label={t(teamTexts.checkIns)} value={formatNumber(lang, f.checkIns)} />
            <StatCard label={t(teamTexts.wasteFreeDays)} value={formatNumber(lang, f.wasteFreeDays)} hint={t(teamTexts.wasteFreeHint, { share: formatPercent(lang, f.wasteFreeDays / f.checkIns) })} />
            {f.sustainableTravelShare === null ? null : <StatCard label={t(teamTexts.sustainableTravel)} value={formatPercent(lang, f.sustainableTravelShare)} />}
            <Co2Card impact={f.impact} />
          </StatGrid>
          <FactorSources impact={f.impact} />
          <div className={styles.columns}>
            <div className={styles.section}>
              <ChartFigure
                headingLevel={2}
                title={t(teamTexts.perDayChart)}
                categoryLabel={t(teamTexts.day)}
                rows={data.perDay.map((d) => ({ label: formatDay(lang, d.date), values: { checkIns: d.checkIns, wasteFree: d.wasteFree } }))}
                series={[
                  { key: 'checkIns', name: t(teamTexts.checkIns) },
                  { key: 'wasteFree', name: t(teamTexts.wasteFreeSeries) },
                ]}
                format={(v) => formatNumber(lang, v)}
              />
            </div>
            <div className={styles.section}>
              <ChartFigure
                headingLevel={2}
                title={t(teamTexts.travelChart)}
                categoryLabel={t(teamTexts.travelMode)}
                layout="horizontal"
                rows={TRAVEL_MODES.map((mode) => ({ label: t(TRAVEL_MODE_LABELS[mode]), values: { checkIns: f.travel[mode] } }))}
                series={[{ key: 'checkIns', name: t(teamTexts.checkIns) }]}
                format={(v) => formatNumber(lang, v)}
              />
            </div>
          </div>
          <div className={styles.columns}>
            <Baseline data={data} />
            {data.organisation === null ? null : <Comparison team={f} org={data.organisation} />}
          </div>
        </>
      )}
      <div className={styles.columns}>
        <Barriers data={data} />
        <Ideas data={data} />
      </div>
    </>
  );
}

function Baseline({ data }: { readonly data: TeamDashboardVisible }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useSectionStyles();
  const b = data.baseline;
  const share = (v: number | null): string => (v === null ? t(teamTexts.notYet) : formatPercent(lang, v));
  return (
    <Section title={t(teamTexts.baselineTitle)}>
      {b === null ? (
        <Text className={styles.muted}>{t(teamTexts.baselineNone)}</Text>
      ) : (
        <>
          <ScrollRegion label={t(teamTexts.baselineTable)}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(teamTexts.measure)}</th>
                <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(teamTexts.baseline)}</th>
                <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(teamTexts.now)}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{t(teamTexts.baselineTravel)}</th>
                <td className={mergeClasses(styles.cell, styles.number)}>{formatPercent(lang, b.sustainableTravel.baseline)}</td>
                <td className={mergeClasses(styles.cell, styles.number)}>{share(b.sustainableTravel.now)}</td>
              </tr>
              <tr>
                <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{t(teamTexts.baselineWaste)}</th>
                <td className={mergeClasses(styles.cell, styles.number)}>{formatPercent(lang, b.wasteFree.baseline)}</td>
                <td className={mergeClasses(styles.cell, styles.number)}>{share(b.wasteFree.now)}</td>
              </tr>
            </tbody>
          </table>
          </ScrollRegion>
          <Text size={200} className={styles.muted}>{t(teamTexts.baselineRespondents, { respondents: b.respondents })}</Text>
        </>
      )}
    </Section>
  );
}

function Comparison({ team, org }: { readonly team: TeamFigures; readonly org: TeamFigures }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useSectionStyles();
  const perParticipant = (f: TeamFigures): string => (f.participants === 0 ? '–' : formatKg(lang, f.impact.co2.mid / f.participants));
  const share = (v: number | null): string => (v === null ? '–' : formatPercent(lang, v));
  const rows: [string, string, string][] = [
    [t(teamTexts.participation), formatPercent(lang, team.participationRate), formatPercent(lang, org.participationRate)],
    [t(teamTexts.sustainableTravel), share(team.sustainableTravelShare), share(org.sustainableTravelShare)],
    [t(teamTexts.wasteFreeDays), share(team.checkIns === 0 ? null : team.wasteFreeDays / team.checkIns), share(org.checkIns === 0 ? null : org.wasteFreeDays / org.checkIns)],
    [t(teamTexts.co2PerParticipant), perParticipant(team), perParticipant(org)],
  ];
  return (
    <Section title={t(teamTexts.compareTitle)}>
      <ScrollRegion label={t(teamTexts.compareTable)}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(teamTexts.measure)}</th>
            <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(teamTexts.compareTeam)}</th>
            <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(teamTexts.compareOrg)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, mine, theirs]) => (
            <tr key={label}>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{label}</th>
              <td className={mergeClasses(styles.cell, styles.number)}>{mine}</td>
              <td className={mergeClasses(styles.cell, styles.number)}>{theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollRegion>
    </Section>
  );
}

function Barriers({ data }: { readonly data: TeamDashboardVisible }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useSectionStyles();
  return (
    <Section title={t(teamTexts.barriersTitle)}>
      {data.barriers.length === 0 ? (
        <Text className={styles.muted}>{t(teamTexts.barriersNone)}</Text>
      ) : (
        <ul className={styles.list}>
          {data.barriers.map((b) => (
            <li key={b.reference} className={styles.item}>
              <Text>{b.text}</Text>
              <span className={styles.meta}>
                <Badge appearance="tint" color={b.status === 'opgelost' ? 'success' : 'informative'}>{t(BARRIER_STATUS_LABELS[b.status])}</Badge>
                <Text size={200}>{t(THEME_LABELS[b.theme])}</Text>
                {b.action === null ? null : <Text size={200}>{t(teamTexts.barrierAction, { action: localized(b.action.title, lang), status: t(ACTION_STATUS_LABELS[b.action.status]) })}</Text>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Ideas({ data }: { readonly data: TeamDashboardVisible }): ReactElement {
  const t = useT();
  const styles = useSectionStyles();
  return (
    <Section title={t(teamTexts.ideasTitle)}>
      {data.ideas.length === 0 ? (
        <Text className={styles.muted}>{t(teamTexts.ideasNone)}</Text>
      ) : (
        <ul className={styles.list}>
          {data.ideas.map((idea) => (
            <li key={idea.reference} className={styles.item}>
              <Text>{idea.text}</Text>
              <span className={styles.meta}>
                <Badge appearance="tint" color={idea.status === 'overgenomen' ? 'success' : 'informative'}>{t(IDEA_STATUS_LABELS[idea.status])}</Badge>
                <Text size={200}>{t(THEME_LABELS[idea.theme])}</Text>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
