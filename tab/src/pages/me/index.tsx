import { mergeClasses, Text } from '@fluentui/react-components';
import { Suspense, lazy, useState, type ReactElement } from 'react';
import type { DeleteMeResponse, MeResponse } from '@soestainable/shared/api/me';
import { CHECKIN_OUTCOME_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import { useApi } from '../../api/useApi';
import { useLang } from '../../app/context';
import { Co2Card, FactorSources, useCampaignLine, type Co2Labels } from '../../components/dashboard';
import { PageFrame } from '../../components/PageFrame';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section, useSectionStyles } from '../../components/Section';
import { StatCard, StatGrid } from '../../components/StatCard';
import { ApiView, EmptyState, LoadingState } from '../../components/states';
import { formatDay, formatKg } from '../../texts/format';
import { useT } from '../../texts/useT';
import { CheckInForm } from './CheckInForm';
import { MyLasting } from './MyLasting';
import { Settings } from './Settings';
import { meTexts } from './texts';

/** My CO2 card says "my" in both of its labels: a saving, or extra emissions when my estimate is below 0. */
const MY_CO2_LABELS: Co2Labels = { avoided: meTexts.myImpact, extra: meTexts.myExtraEmissions };

// The export and the deletion (with its confirmation dialog) load on demand: they are rarely used.
const MyData = lazy(() => import('./MyData').then((m) => ({ default: m.MyData })));

/**
 * `#/me`: my progress (issue 5, Build 3): my days, streak and impact, check in or correct today and yesterday,
 * my settings, and my data (export, delete).
 */
export default function MePage(): ReactElement {
  const state = useApi('me.get');
  const t = useT();
  const campaignLine = useCampaignLine();
  return (
    <PageFrame title={t(meTexts.title)} {...(state.data === undefined ? {} : { subtitle: campaignLine(state.data.campaign) })}>
      <ApiView state={state}>{(me) => <Progress me={me} reload={state.reload} />}</ApiView>
    </PageFrame>
  );
}

function Progress({ me, reload }: { readonly me: MeResponse; readonly reload: () => void }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useSectionStyles();
  const [deleted, setDeleted] = useState<DeleteMeResponse | null>(null);
  if (deleted !== null) return <Deleted result={deleted} />;
  if (!me.enrolled) return <EmptyState title={t(meTexts.notEnrolledTitle)}>{t(meTexts.notEnrolledBody)}</EmptyState>;
  const p = me.progress;
  return (
    <>
      {p === null ? null : (
        <StatGrid>
          <StatCard label={t(meTexts.days)} value={t(meTexts.daysValue, { checked: p.daysCheckedIn, soFar: p.daysSoFar })} hint={t(meTexts.daysHint, { done: p.done, partly: p.partly, count: p.totalDays })} />
          <StatCard label={t(meTexts.streak)} value={t(meTexts.streakValue, { count: p.streak })} />
          {me.impact === null ? null : <Co2Card impact={me.impact} labels={MY_CO2_LABELS} />}
        </StatGrid>
      )}
      {me.impact === null ? null : <FactorSources impact={me.impact} />}
      {me.hasBaseline ? null : <Text size={200} className={styles.muted}>{t(meTexts.noBaseline)}</Text>}
      <Section title={t(meTexts.openDaysTitle)}>
        {me.openDays.length === 0 ? (
          <Text className={styles.muted}>{t(meTexts.openDaysNone)}</Text>
        ) : (
          me.openDays.map((day) => <CheckInForm key={day.date} openDay={day} last={me.checkIns[0]} onSaved={reload} />)
        )}
      </Section>
      <Section title={t(meTexts.historyTitle)}>
        {me.checkIns.length === 0 ? (
          <Text className={styles.muted}>{t(meTexts.historyNone)}</Text>
        ) : (
          <ScrollRegion label={t(meTexts.historyTable)}>
            <table className={styles.table} aria-label={t(meTexts.historyTitle)}>
              <thead>
                <tr>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(meTexts.date)}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(meTexts.historyOutcome)}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(meTexts.historyTravelMode)}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t(meTexts.co2Kg)}</th>
                </tr>
              </thead>
              <tbody>
                {me.checkIns.map((c) => (
                  <tr key={c.date}>
                    <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{formatDay(lang, c.date)}</th>
                    <td className={styles.cell}>{t(CHECKIN_OUTCOME_LABELS[c.outcome])}</td>
                    <td className={styles.cell}>{t(TRAVEL_MODE_LABELS[c.travelMode])}</td>
                    <td className={mergeClasses(styles.cell, styles.number)}>{formatKg(lang, c.impact.mid)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Section>
      <MyLasting />
      {me.settings === null ? null : (
        <Section title={t(meTexts.settingsTitle)}>
          <Settings settings={me.settings} onSaved={reload} />
        </Section>
      )}
      <Section title={t(meTexts.dataTitle)}>
        <Suspense fallback={<LoadingState />}>
          <MyData onDeleted={setDeleted} />
        </Suspense>
      </Section>
    </>
  );
}

/** After "verwijder mijn gegevens": that it is done, and what was deleted (each kind there was any of). */
function Deleted({ result }: { readonly result: DeleteMeResponse }): ReactElement {
  const t = useT();
  const d = result.deleted;
  const lines = [
    t(meTexts.deletedCheckIns, { count: d.checkIns }),
    ...(d.surveys > 0 ? [t(meTexts.deletedSurveys, { count: d.surveys })] : []),
    ...(d.pledges > 0 ? [t(meTexts.deletedPledges, { count: d.pledges })] : []),
    ...(d.followUps > 0 ? [t(meTexts.deletedFollowUps, { count: d.followUps })] : []),
    ...(d.reports > 0 ? [t(meTexts.deletedReports, { count: d.reports })] : []),
    ...(d.recognitions > 0 ? [t(meTexts.deletedRecognitions, { count: d.recognitions })] : []),
    ...(d.ownedActions > 0 ? [t(meTexts.deletedOwnedActions, { count: d.ownedActions })] : []),
    ...(d.teamCards > 0 ? [t(meTexts.deletedTeamCards, { count: d.teamCards })] : []),
    ...(d.managedTeams > 0 ? [t(meTexts.deletedManagedTeams, { count: d.managedTeams })] : []),
  ];
  return (
    <>
      <Text role="status">{t(meTexts.deleted)}</Text>
      <ul aria-label={t(meTexts.deletedListLabel)}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
