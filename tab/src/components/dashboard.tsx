import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { CampaignInfo, ImpactInfo } from '@soestainable/shared/api/dashboard';
import type { Localized } from '@soestainable/shared/domain/types';
import { useLang } from '../app/context';
import { co2Shown, formatDate, formatKg, formatKgRange, formatNumber } from '../texts/format';
import { dashboardTexts } from '../texts/texts';
import { useT } from '../texts/useT';
import { StatCard } from './StatCard';

const useStyles = makeStyles({
  sources: { color: tokens.colorNeutralForeground2, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  list: { display: 'inline', margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'inline', marginInlineEnd: tokens.spacingHorizontalS },
});

/** "Soestainable Challenge voorjaar · dag 3 van 10" (or when it starts or ended). */
export function useCampaignLine(): (campaign: CampaignInfo | null) => string {
  const lang = useLang();
  const t = useT();
  return (campaign) => {
    if (campaign === null) return t(dashboardTexts.noCampaign);
    const name = campaign.name[lang];
    if (campaign.daysSoFar === 0) return t(dashboardTexts.campaignNotStarted, { name, date: formatDate(lang, campaign.startDate) });
    if (campaign.status === 'ended' || campaign.today > campaign.endDate) return t(dashboardTexts.campaignEnded, { name, date: formatDate(lang, campaign.endDate) });
    return t(dashboardTexts.campaignDay, { name, day: campaign.daysSoFar, days: campaign.days.length });
  };
}

/** The card's label when the estimate is a saving, and when it is extra emissions (its middle value below 0). */
export interface Co2Labels {
  readonly avoided: Localized;
  readonly extra: Localized;
}

const CO2_LABELS: Co2Labels = { avoided: dashboardTexts.co2Label, extra: dashboardTexts.co2ExtraLabel };

/**
 * The CO2 estimate as a stat card: the middle value large, its range below ("bandbreedte 12 tot 18 kg CO2-eq").
 * A middle value below 0 is not a saving: the card then says extra emissions, with the values made absolute.
 * It reads only the estimate, so the report's impact (not an {@link ImpactInfo}) fits too.
 */
export function Co2Card({ impact, labels = CO2_LABELS }: { readonly impact: Pick<ImpactInfo, 'co2'>; readonly labels?: Co2Labels }): ReactElement {
  const lang = useLang();
  const t = useT();
  const shown = co2Shown(impact.co2);
  return (
    <StatCard
      label={t(labels[shown.kind])}
      value={t(dashboardTexts.co2Value, { kg: formatKg(lang, shown.range.mid) })}
      hint={t(dashboardTexts.co2Hint, { range: formatKgRange(lang, shown.range) })}
    />
  );
}

/** Where the CO2 factors come from, under the figures (links open outside Teams). */
export function FactorSources({ impact }: { readonly impact: ImpactInfo }): ReactElement {
  const lang = useLang();
  const styles = useStyles();
  const t = useT();
  return (
    <Text size={200} className={styles.sources}>
      <span>
        {t(dashboardTexts.factorSources, { version: impact.factorVersion })}{' '}
        {impact.cupsAvoided > 0 ? `${t(dashboardTexts.cupsAvoided, { count: impact.cupsAvoided, cups: formatNumber(lang, impact.cupsAvoided) })}.` : ''}
      </span>
      <ul className={styles.list}>
        {impact.sources.map((source) => (
          <li key={source.id} className={styles.item}>
            {source.url === null ? source.name[lang] : (
              <Link href={source.url} target="_blank" rel="noreferrer">
                {source.name[lang]}
              </Link>
            )}
            {source.verified ? '' : ` ${t(dashboardTexts.unverified)}`}
          </li>
        ))}
      </ul>
    </Text>
  );
}
