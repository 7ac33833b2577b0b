import { makeStyles, mergeClasses, Link, Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { OrgOverviewResponse, OrgTeamRow } from '@soestainable/shared/api/dashboard';
import type { Localized } from '@soestainable/shared/domain/types';
import { useApi } from '../../api/useApi';
import { useLang, useSession } from '../../app/context';
import { hrefFor } from '../../app/router';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { Co2Card, FactorSources, useCampaignLine } from '../../components/dashboard';
import { OrgLasting } from '../../components/lasting/views';
import { PageFrame } from '../../components/PageFrame';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section, useSectionStyles } from '../../components/Section';
import { StatCard, StatGrid } from '../../components/StatCard';
import { ApiView, EmptyState } from '../../components/states';
import { formatKg, formatNumber, formatPercent, formatPoints } from '../../texts/format';
import { useT } from '../../texts/useT';
import { orgTexts } from './texts';

type VisibleRow = Extract<OrgTeamRow, { suppressed: false }>;
type HiddenRow = Extract<OrgTeamRow, { suppressed: true }>;

const useStyles = makeStyles({
  // The table scrolls sideways in the side panel; its team names stay readable instead of one letter a line.
  teamCell: { minWidth: '8rem' },
  // Column headers wrap between words ("Verbetering t.o.v. nulmeting") rather than making the table very wide.
  head: { verticalAlign: 'bottom' },
});

/** Why a team shows no figures: too few participants, or hidden so a small team cannot be worked out by subtraction. */
const HIDDEN_TEXT = { below_minimum_group_size: orgTexts.tooSmall } as const satisfies Record<HiddenRow['reason'], Localized>;

/**
 * `#/org`: the organisation overview (issue 5, Build 2): totals over the campaign, and every team ranked by
 * participation with its improvement against its baseline. Teams only, never individuals.
 */
export default function OrgPage(): ReactElement {
  const state = useApi('org.overview.get');
  const t = useT();
  const campaignLine = useCampaignLine();
  return (
    <PageFrame title={t(orgTexts.title)} {...(state.data === undefined ? {} : { subtitle: campaignLine(state.data.campaign) })}>
      <ApiView state={state}>{(data) => <Overview data={data} />}</ApiView>
      {state.data === undefined ? null : <OrgLasting />}
    </PageFrame>
  );
}

function Overview({ data }: { readonly data: OrgOverviewResponse }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useSectionStyles();
  const own = useStyles();
  const totals = data.totals;
  const session = useSession();
  const visible = data.teams.filter((row): row is VisibleRow => !row.suppressed);
  // A team's dashboard is for its members, its manager and the coordinators: link only where it will open.
  const mayOpen = (teamId: string): boolean => session.roles.includes('coordinator') || teamId === session.teamId;
  if (data.teams.length === 0) return <EmptyState title={t(orgTexts.noTeams)} />;
  return (
    <>
      <Section title={t(orgTexts.totalsTitle)}>
        {totals === null ? (
          <Text className={styles.muted}>{t(orgTexts.totalsHidden, { minimum: data.minimumGroupSize })}</Text>
        ) : (
          <>
            <StatGrid>
              <StatCard label={t(orgTexts.participants)} value={formatNumber(lang, totals.participants)} />
              <StatCard label={t(orgTexts.participation)} value={formatPercent(lang, totals.participationRate)} />
              <StatCard label={t(orgTexts.checkIns)} value={formatNumber(lang, totals.checkIns)} />
              <StatCard label={t(orgTexts.wasteFreeDays)} value={formatNumber(lang, totals.wasteFreeDays)} />
              {totals.sustainableTravelShare === null ? null : (
                <StatCard
                  label={t(orgTexts.sustainableTravel)}
                  value={formatPercent(lang, totals.sustainableTravelShare)}
                  {...(data.baseline === null ? {} : { hint: t(orgTexts.baselineHint, { baseline: formatPercent(lang, data.baseline.sustainableTravel.baseline) }) })}
                />
              )}
              <Co2Card impact={totals.impact} />
            </StatGrid>
            <FactorSources impact={totals.impact} />
          </>
        )}
      </Section>
      <Section title={t(orgTexts.teamsTitle)}>
        <Text size={200} className={styles.muted}>{t(orgTexts.teamsNote, { minimum: data.minimumGroupSize })}</Text>
        <Text size={200} className={styles.muted}>{t(orgTexts.disclosureNote, { minimum: data.minimumGroupSize })}</Text>
        <ScrollRegion label={t(orgTexts.teamsTitle)}>
          <table className={styles.table} aria-label={t(orgTexts.teamsTitle)}>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head, own.head)}>{t(orgTexts.rank)}</th>
                <th scope="col" className={mergeClasses(styles.cell, styles.head, own.head)}>{t(orgTexts.team)}</th>
                <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head, own.head)}>{t(orgTexts.participation)}</th>
                <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head, own.head)}>{t(orgTexts.improvement)}</th>
                <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head, own.head)}>{t(orgTexts.co2)}</th>
              </tr>
            </thead>
            <tbody>
              {data.teams.map((row) => (
                <tr key={row.teamId}>
                  <td className={mergeClasses(styles.cell, styles.number)}>{row.suppressed ? '' : row.rank}</td>
                  <th scope="row" className={mergeClasses(styles.cell, styles.head, own.teamCell)}>
                    {mayOpen(row.teamId) ? <Link href={hrefFor('team', row.teamId)}>{row.name}</Link> : row.name}
                  </th>
                  {row.suppressed ? (
                    <td className={styles.cell} colSpan={3}>{t(HIDDEN_TEXT[row.reason])}</td>
                  ) : (
                    <>
                      <td className={mergeClasses(styles.cell, styles.number)}>{formatPercent(lang, row.participationRate)}</td>
                      <td className={mergeClasses(styles.cell, styles.number)}>{row.improvement === null ? t(orgTexts.unknown) : t(orgTexts.improvementValue, { points: formatPoints(lang, row.improvement) })}</td>
                      <td className={mergeClasses(styles.cell, styles.number)}>{formatKg(lang, row.co2.mid)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {visible.length === 0 ? null : (
          <ChartFigure
            title={t(orgTexts.chartTitle)}
            categoryLabel={t(orgTexts.team)}
            layout="horizontal"
            rows={visible.map((row) => ({ label: row.name, values: { rate: row.participationRate } }))}
            series={[{ key: 'rate', name: t(orgTexts.participation) }]}
            format={(v) => formatPercent(lang, v)}
            domainMax={1}
          />
        )}
      </Section>
    </>
  );
}
