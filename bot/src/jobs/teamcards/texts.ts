import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/**
 * Texts of the weekly team card in a team channel (issue 16, item 3). Dutch is the source (informal "je"), English the
 * translation. The small-team text holds no digit on purpose: a team under the minimum group size sees no number.
 */
export const teamCardJobTexts = {
  title: { nl: 'Teamkaart {team}', en: 'Team card {team}' },
  subtitle: { nl: 'Week {week} ({from} – {to}) · {campaign}', en: 'Week {week} ({from} – {to}) · {campaign}' },
  intro: {
    nl: 'Zo deed het team het vorige week in de challenge. Alleen groepscijfers: geen namen, en niet wie wel of niet meedeed.',
    en: 'This is how the team did in the challenge last week. Group figures only: no names, and not who did or did not take part.',
  },
  participation: GLOSSARY.participation.label,
  participationValue: { nl: '{share} van de mogelijke check-ins', en: '{share} of the possible check-ins' },
  noChallengeDays: { nl: 'geen challengedagen', en: 'no challenge days' },
  wasteFree: GLOSSARY.wasteFreeDays.label,
  wasteFreeValue: {
    nl: { one: '{count} keer afvalvrij gewerkt', other: '{count} keer afvalvrij gewerkt' },
    en: { one: 'worked waste-free {count} time', other: 'worked waste-free {count} times' },
  },
  co2: GLOSSARY.co2Avoided.label,
  co2Explain: {
    nl: 'Een schatting met bandbreedte (laag–hoog), vergeleken met ieders gewone woon-werkreis.',
    en: "An estimate with a range (low–high), compared with everyone's usual commute.",
  },
  barriersHeading: { nl: 'Open prikkels van het team (meest herkend eerst)', en: 'The team’s open barriers (most recognised first)' },
  barrierTheme: { nl: '{theme}: ', en: '{theme}: ' },
  /** After a barrier: how many colleagues recognise it ("herken ik"; the count exactly, never who). */
  recognisedBy: { nl: ' · herkend door {count}', en: ' · recognised by {count}' },
  noBarriers: { nl: 'Geen open prikkels gemeld.', en: 'No open barriers reported.' },
  actionsHeading: { nl: 'Voortgang van de gekoppelde acties', en: 'Progress of the linked actions' },
  actionStatus: { nl: ' – {status}', en: ' – {status}' },
  noActions: { nl: 'Nog geen acties gekoppeld aan deze prikkels.', en: 'No actions linked to these barriers yet.' },
  smallTeam: {
    nl: 'Het team heeft te weinig actieve deelnemers om cijfers te tonen. Zo blijft niemand herleidbaar; zodra er genoeg collega’s meedoen, staan hier de teamcijfers.',
    en: 'The team has too few active participants to show figures. That way nobody can be singled out; as soon as enough colleagues take part, the team figures appear here.',
  },
  openTeamTab: { nl: 'Open het teamdashboard', en: 'Open the team dashboard' },
} as const satisfies Texts;
