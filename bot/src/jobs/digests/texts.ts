import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/**
 * Texts of the weekly manager digest. Dutch is the source (informal "je"), English the translation. The small-team
 * texts hold no digit on purpose: a team under the minimum group size sees no number at all.
 */
export const digestTexts = {
  title: { nl: 'Weekoverzicht {team}', en: 'Weekly digest {team}' },
  subtitle: { nl: 'Week {week} ({from} – {to}) · {campaign}', en: 'Week {week} ({from} – {to}) · {campaign}' },
  intro: {
    nl: 'Zo deed je team het afgelopen week in de challenge. Alleen teamcijfers: geen namen, en niet wie wel of niet incheckte.',
    en: 'This is how your team did in the challenge last week. Team figures only: no names, and not who did or did not check in.',
  },
  participation: GLOSSARY.participation.label,
  participationValue: { nl: '{share} van de mogelijke check-ins', en: '{share} of the possible check-ins' },
  noChallengeDays: { nl: 'geen challengedagen', en: 'no challenge days' },
  checkIns: GLOSSARY.checkIns.label,
  checkInsValue: { nl: '{now} deze week, {before} de week ervoor', en: '{now} this week, {before} the week before' },
  checkInsFirstWeek: { nl: '{now} deze week (de eerste week)', en: '{now} this week (the first week)' },
  wasteFree: GLOSSARY.wasteFreeDays.label,
  wasteFreeValue: {
    nl: { one: '{count} keer afvalvrij gewerkt', other: '{count} keer afvalvrij gewerkt' },
    en: { one: 'worked waste-free {count} time', other: 'worked waste-free {count} times' },
  },
  travel: GLOSSARY.sustainableTravel.label,
  travelValue: {
    nl: '{share} fiets, lopen, e-bike, ov of thuiswerken (de rest met de auto)',
    en: '{share} by bike, on foot, e-bike, public transport or from home (the rest by car)',
  },
  noTravel: { nl: 'nog geen reizen gemeld', en: 'no journeys reported yet' },
  co2: GLOSSARY.co2Avoided.label,
  co2Explain: {
    nl: 'Een schatting met bandbreedte (laag–hoog), vergeleken met ieders gewone woon-werkreis.',
    en: "An estimate with a range (low–high), compared with everyone's usual commute.",
  },
  barriersHeading: { nl: 'Wat het team tegenhoudt', en: 'What holds the team back' },
  barrierTheme: { nl: '{theme}: ', en: '{theme}: ' },
  noBarriers: { nl: 'Geen open prikkels gemeld.', en: 'No open barriers reported.' },
  actionsHeading: { nl: 'Actieprogramma deze week', en: 'Action programme this week' },
  actionLinked: { nl: 'gekoppeld aan een prikkel van je team', en: 'linked to a barrier of your team' },
  actionStatus: { nl: 'nu: {status}', en: 'now: {status}' },
  noActions: { nl: 'Geen wijzigingen die je team raken.', en: 'No changes that touch your team.' },
  smallTeam: {
    nl: 'Je team heeft te weinig actieve deelnemers om cijfers te tonen. Zo blijft niemand herleidbaar; zodra er genoeg collega’s meedoen, staan hier de teamcijfers.',
    en: 'Your team has too few active participants to show figures. That way nobody can be singled out; as soon as enough colleagues take part, the team figures appear here.',
  },
  openDashboard: { nl: 'Open het teamdashboard', en: 'Open the team dashboard' },
} as const satisfies Texts;

/**
 * Texts of the manager digest per follow-up wave (issue 15, item 5), sent instead of the weekly digest once the
 * challenge is over. As above: the small-team text holds no digit.
 */
export const waveDigestTexts = {
  title: { nl: 'Terugblik {team}: {weeks} weken na de challenge', en: 'Follow-up digest {team}: {weeks} weeks after the challenge' },
  subtitle: { nl: 'Terugblik {wave} van {waves} (verstuurd {date}) · {campaign}', en: 'Follow-up {wave} of {waves} (sent {date}) · {campaign}' },
  intro: {
    nl: 'Houdt je team de voornemens van na de challenge vol? Alleen teamcijfers: geen namen, en niet wie wel of niet antwoordde.',
    en: 'Is your team keeping the pledges made after the challenge? Team figures only: no names, and not who did or did not answer.',
  },
  kept: { nl: 'Volgehouden', en: 'Kept up' },
  keptValue: {
    nl: '{ja} ja · {soms} soms · {nee} nee (van {pledges} voornemens)',
    en: '{ja} yes · {soms} sometimes · {nee} no (of {pledges} pledges)',
  },
  // A shown cell stands for at least the minimum group size: always more than one answer.
  habitValue: {
    nl: '{ja} ja · {soms} soms · {nee} nee ({answers} antwoorden)',
    en: '{ja} yes · {soms} sometimes · {nee} no ({answers} answers)',
  },
  otherHabits: { nl: 'Andere gewoonten', en: 'Other habits' },
  otherHabitsHidden: { nl: 'te weinig antwoorden om te tonen (ook niet in het totaal)', en: 'too few answers to show (nor in the total)' },
  previous: { nl: 'Vorige terugblik', en: 'Previous follow-up' },
  previousValue: {
    nl: '{ja} ja · {soms} soms · {nee} nee ({weeks} weken na de challenge)',
    en: '{ja} yes · {soms} sometimes · {nee} no ({weeks} weeks after the challenge)',
  },
  previousHidden: { nl: 'te weinig antwoorden om mee te vergelijken', en: 'too few answers to compare with' },
  firstWave: { nl: 'dit is de eerste terugblik', en: 'this is the first follow-up' },
  change: { nl: 'Verschil', en: 'Change' },
  changeValue: { nl: '{delta} procentpunt ja', en: '{delta} percentage points yes' },
  barriersHeading: { nl: 'Prikkels uit deze terugblik', en: 'Barriers from this follow-up' },
  barriersValue: {
    nl: { one: '{count} prikkel gemeld: {themes}', other: '{count} prikkels gemeld: {themes}' },
    en: { one: '{count} barrier filed: {themes}', other: '{count} barriers filed: {themes}' },
  },
  themeCount: { nl: '{theme} ({count})', en: '{theme} ({count})' },
  noBarriers: { nl: 'Er zijn geen prikkels gemeld bij deze terugblik.', en: 'No barriers were filed with this follow-up.' },
  barriersNote: {
    nl: 'Anoniem, alleen per thema geteld. De coördinator pakt ze op in het actieprogramma.',
    en: 'Anonymous, counted by theme only. The coordinator takes them up in the action programme.',
  },
  smallTeam: {
    nl: 'Te weinig collega’s van je team beantwoordden deze terugblik om cijfers te tonen. Zo blijft niemand herleidbaar: je ziet alleen dat de terugblik is verstuurd.',
    en: 'Too few colleagues in your team answered this follow-up to show figures. That way nobody can be singled out: you only see that the follow-up was sent.',
  },
} as const satisfies Texts;
