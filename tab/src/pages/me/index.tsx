import { mergeClasses, Text } from '@fluentui/react-components';
import { Suspense, lazy, useState, type ReactElement } from 'react';
import type { DeleteMeResponse, MeResponse } from '@soestainable/shared/api/me';
import { CHECKIN_OUTCOME_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import { useApi } from '../../api/useApi';
import { useLang } from '../../app/context';
import { Co2Card, FactorSources, useCampaignLine } from '../../components/dashboard';
import { PageFrame } from '../../components/PageFrame';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section, useSectionStyles } from '../../components/Section';
import { StatCard, StatGrid } from '../../components/StatCard';
import { ApiView, EmptyState, LoadingState } from '../../components/states';
import { formatDay, formatKg } from '../../texts/format';
import { useTexts } from '../../texts/useTexts';
import { CheckInForm } from './CheckInForm';
import { Settings } from './Settings';
import { meTexts } from './texts';

// The export and the deletion (with its confirmation dialog) load on demand: they are rarely used.
const MyData = lazy(() => import('./MyData').then((m) => ({ default: m.MyData })));

/**
 * `#/me`: my progress (issue 5, Build 3): my days, streak and impact, check in or correct today and yesterday,
 * my settings, and my data (export, delete).
 */
export default function MePage(): ReactElement {
  const state = useApi('me.get');
  const t = useTexts(meTexts);
  const campaignLine = useCampaignLine();
  return (
    <PageFrame title={t('title')} {...(state.data === undefined ? {} : { subtitle: campaignLine(state.data.campaign) })}>
      <ApiView state={state}>{(me) => <Progress me={me} reload={state.reload} />}</ApiView>
    </PageFrame>
  );
}

function Progress({ me, reload }: { readonly me: MeResponse; readonly reload: () => void }): ReactElement {
  const lang = useLang();
  const t = useTexts(meTexts);
  const styles = useSectionStyles();
  const [deleted, setDeleted] = useState<DeleteMeResponse | null>(null);
  if (deleted !== null) return <Text role="status">{t('deleted', { checkIns: deleted.deleted.checkIns, surveys: deleted.deleted.surveys })}</Text>;
  if (!me.enrolled) return <EmptyState title={t('notEnrolledTitle')}>{t('notEnrolledBody')}</EmptyState>;
  const p = me.progress;
  return (
    <>
      {p === null ? null : (
        <StatGrid>
          <StatCard label={t('days')} value={t('daysValue', { checked: p.daysCheckedIn, soFar: p.daysSoFar })} hint={t('daysHint', { done: p.done, partly: p.partly, total: p.totalDays })} />
          <StatCard label={t('streak')} value={t('streakValue', { days: p.streak })} />
          {me.impact === null ? null : <Co2Card impact={me.impact} label={t('myImpact')} />}
        </StatGrid>
      )}
      {me.impact === null ? null : <FactorSources impact={me.impact} />}
      {me.hasBaseline ? null : <Text size={200} className={styles.muted}>{t('noBaseline')}</Text>}
      <Section title={t('openDaysTitle')}>
        {me.openDays.length === 0 ? (
          <Text className={styles.muted}>{t('openDaysNone')}</Text>
        ) : (
          me.openDays.map((day) => <CheckInForm key={day.date} openDay={day} last={me.checkIns[0]} onSaved={reload} />)
        )}
      </Section>
      <Section title={t('historyTitle')}>
        {me.checkIns.length === 0 ? (
          <Text className={styles.muted}>{t('historyNone')}</Text>
        ) : (
          <ScrollRegion label={t('historyTable')}>
            <table className={styles.table} aria-label={t('historyTitle')}>
              <thead>
                <tr>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t('date')}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t('outcome')}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t('travelMode')}</th>
                  <th scope="col" className={mergeClasses(styles.cell, styles.number, styles.head)}>{t('co2Kg')}</th>
                </tr>
              </thead>
              <tbody>
                {me.checkIns.map((c) => (
                  <tr key={c.date}>
                    <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{formatDay(lang, c.date)}</th>
                    <td className={styles.cell}>{CHECKIN_OUTCOME_LABELS[c.outcome][lang]}</td>
                    <td className={styles.cell}>{TRAVEL_MODE_LABELS[c.travelMode][lang]}</td>
                    <td className={mergeClasses(styles.cell, styles.number)}>{formatKg(lang, c.impact.mid)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Section>
      {me.settings === null ? null : (
        <Section title={t('settingsTitle')}>
          <Settings settings={me.settings} onSaved={reload} />
        </Section>
      )}
      <Section title={t('dataTitle')}>
        <Suspense fallback={<LoadingState />}>
          <MyData onDeleted={setDeleted} />
        </Suspense>
      </Section>
    </>
  );
}
