import { GLOSSARY, type TextTable } from '@soestainable/shared/text';
import { commonTexts } from '../../texts/texts';

/** The printable campaign report's texts: Dutch is the source, English the translation; the same keys in both. */
export const reportTexts = {
  title: { nl: 'Campagnerapport', en: 'Campaign report' },
  // The form follows the campaign's number of days ({count}).
  subtitle: {
    nl: { one: '{name}, {start} t/m {end} ({count} dag)', other: '{name}, {start} t/m {end} ({count} dagen)' },
    en: { one: '{name}, {start} to {end} ({count} day)', other: '{name}, {start} to {end} ({count} days)' },
  },
  generated: { nl: 'Gemaakt op {date}. Cijfers alleen voor groepen van minstens {minimum} deelnemers.', en: 'Generated on {date}. Figures only for groups of at least {minimum} participants.' },
  print: { nl: 'Afdrukken', en: 'Print' },
  noCampaign: { nl: 'Er is nog geen campagne om over te rapporteren.', en: 'There is no campaign to report on yet.' },
  participation: GLOSSARY.participation.label,
  participants: GLOSSARY.participants.label,
  checkIns: GLOSSARY.checkIns.label,
  participationRate: GLOSSARY.participation.label,
  participationHint: { nl: 'check-ins per deelnemer per dag', en: 'check-ins per participant per day' },
  teamsShown: { nl: 'Teams in de cijfers', en: 'Teams in the figures' },
  teamsHidden: {
    nl: { one: '{count} team te klein voor cijfers, niet getoond', other: '{count} teams te klein voor cijfers, niet getoond' },
    en: { one: '{count} team too small for numbers, not shown', other: '{count} teams too small for numbers, not shown' },
  },
  impact: { nl: 'Impact', en: 'Impact' },
  // The teams table's column; the total's card is the dashboards' Co2Card (it says extra emissions below 0).
  co2: GLOSSARY.co2Avoided.label,
  cups: { nl: 'Wegwerpbekers vermeden', en: 'Disposable cups avoided' },
  wasteFree: GLOSSARY.wasteFreeDays.label,
  sustainableTravel: GLOSSARY.sustainableTravel.label,
  sources: { nl: 'Emissiefactoren (versie {version})', en: 'Emission factors (version {version})' },
  charts: { nl: 'Verloop per dag', en: 'Day by day' },
  chartParticipation: { nl: 'Deelname per dag', en: 'Participation per day' },
  chartCo2: { nl: 'Geschatte CO2-besparing per dag (kg)', en: 'Estimated CO2 avoided per day (kg)' },
  day: { nl: 'Dag', en: 'Day' },
  rate: GLOSSARY.participation.label,
  co2Mid: { nl: 'CO2 (kg)', en: 'CO2 (kg)' },
  noSeries: { nl: 'Nog geen dagen met genoeg deelnemers om te tonen.', en: 'No days with enough participants to show yet.' },
  teams: { nl: 'Teams', en: 'Teams' },
  teamsCaption: { nl: 'Deelname en impact per team', en: 'Participation and impact by team' },
  team: GLOSSARY.team.label,
  hiddenCell: commonTexts.tooSmall,
  barriers: { nl: 'Prikkels en hun status', en: 'Barriers and their status' },
  barriersTotal: { nl: 'Gemelde prikkels', en: 'Reported barriers' },
  byStatus: { nl: 'Per status', en: 'By status' },
  byTheme: { nl: 'Per thema', en: 'By theme' },
  topBarriers: { nl: 'Acties met de meeste prikkels', en: 'Actions carrying the most barriers' },
  action: GLOSSARY.action.label,
  status: GLOSSARY.status.label,
  owner: GLOSSARY.owner.label,
  count: GLOSSARY.barriers.label,
  noTop: { nl: 'Nog geen prikkels aan acties gekoppeld.', en: 'No barriers linked to actions yet.' },
  actions: GLOSSARY.actionProgramme.label,
  // {n} the formatted count, {count} the number that picks the form.
  actionsCount: { nl: { one: '{n} actie', other: '{n} acties' }, en: { one: '{n} action', other: '{n} actions' } },
} as const satisfies TextTable;
