import type { Language, Localized } from '@soestainable/shared/domain/types';
import { translate, type TextVars } from '../../texts/translate';

/** The printable campaign report's texts: Dutch is the source, English the translation; the same keys in both. */
export const reportTexts = {
  title: { nl: 'Campagnerapport', en: 'Campaign report' },
  subtitle: { nl: '{name}, {start} t/m {end} ({days} dagen)', en: '{name}, {start} to {end} ({days} days)' },
  generated: { nl: 'Gemaakt op {date}. Cijfers alleen voor groepen van minstens {minimum} deelnemers.', en: 'Generated on {date}. Figures only for groups of at least {minimum} participants.' },
  print: { nl: 'Afdrukken', en: 'Print' },
  noCampaign: { nl: 'Er is nog geen campagne om over te rapporteren.', en: 'There is no campaign to report on yet.' },
  participation: { nl: 'Deelname', en: 'Participation' },
  participants: { nl: 'Deelnemers', en: 'Participants' },
  checkIns: { nl: 'Check-ins', en: 'Check-ins' },
  participationRate: { nl: 'Deelnamegraad', en: 'Participation rate' },
  participationHint: { nl: 'check-ins per deelnemer per dag', en: 'check-ins per participant per day' },
  teamsShown: { nl: 'Teams in de cijfers', en: 'Teams in the figures' },
  teamsHiddenHint: { nl: '{n} te kleine teams niet getoond', en: '{n} teams too small to show' },
  impact: { nl: 'Impact', en: 'Impact' },
  co2: { nl: 'Geschatte CO2-besparing', en: 'Estimated CO2 avoided' },
  co2Value: { nl: '{kg} kg', en: '{kg} kg' },
  co2Range: { nl: 'bandbreedte {low} tot {high} kg CO2-eq', en: 'range {low} to {high} kg CO2-eq' },
  cups: { nl: 'Wegwerpbekers vermeden', en: 'Disposable cups avoided' },
  wasteFree: { nl: 'Afvalvrije dagen', en: 'Waste-free days' },
  sustainableTravel: { nl: 'Duurzaam reizen', en: 'Sustainable travel' },
  sources: { nl: 'Emissiefactoren (versie {version})', en: 'Emission factors (version {version})' },
  charts: { nl: 'Verloop per dag', en: 'Day by day' },
  chartParticipation: { nl: 'Deelnamegraad per dag', en: 'Participation rate per day' },
  chartCo2: { nl: 'Geschatte CO2-besparing per dag (kg)', en: 'Estimated CO2 avoided per day (kg)' },
  day: { nl: 'Dag', en: 'Day' },
  rate: { nl: 'Deelname', en: 'Participation' },
  co2Mid: { nl: 'CO2 (kg)', en: 'CO2 (kg)' },
  noSeries: { nl: 'Nog geen dagen met genoeg deelnemers om te tonen.', en: 'No days with enough participants to show yet.' },
  teams: { nl: 'Teams', en: 'Teams' },
  teamsCaption: { nl: 'Deelname en impact per team', en: 'Participation and impact by team' },
  team: { nl: 'Team', en: 'Team' },
  hiddenCell: { nl: 'te klein om te tonen', en: 'too small to show' },
  barriers: { nl: 'Prikkels en hun status', en: 'Barriers and their status' },
  barriersTotal: { nl: 'Gemelde prikkels', en: 'Reported barriers' },
  byStatus: { nl: 'Per status', en: 'By status' },
  byTheme: { nl: 'Per thema', en: 'By theme' },
  topBarriers: { nl: 'Acties met de meeste prikkels', en: 'Actions carrying the most barriers' },
  action: { nl: 'Actie', en: 'Action' },
  status: { nl: 'Status', en: 'Status' },
  owner: { nl: 'Eigenaar', en: 'Owner' },
  count: { nl: 'Prikkels', en: 'Barriers' },
  noTop: { nl: 'Nog geen prikkels aan acties gekoppeld.', en: 'No barriers linked to actions yet.' },
  actions: { nl: 'Actieprogramma', en: 'Action programme' },
  actionsTotal: { nl: '{n} acties', en: '{n} actions' },
} as const satisfies Record<string, Localized>;

export type ReportTextKey = keyof typeof reportTexts;

export function rt(key: ReportTextKey, lang: Language, vars?: TextVars): string {
  return translate(reportTexts, lang, key, vars);
}
