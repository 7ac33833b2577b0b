import type { Localized } from '@soestainable/shared/domain/types';
import type { CommandId } from '../commands/catalog';
import type { Texts } from '../../cards/texts';

/** Texts of the help feature: Dutch is the source, English the translation; the same keys in both. */
export const helpTexts = {
  title: { nl: 'Dit kan ik voor je doen', en: "Here's what I can do" },
  unknown: {
    nl: 'Dat herken ik niet als opdracht, maar geen zorgen: dit kan ik voor je doen.',
    en: "I didn't recognise that as a command, but no worries: here's what I can do.",
  },
  intro: {
    nl: 'Typ een van deze woorden; hoofdletters en kleine typfouten maken niet uit.',
    en: "Type one of these words; capitals and small typos don't matter.",
  },
  managerTitle: { nl: 'Voor leidinggevenden', en: 'For managers' },
  managerLine: {
    nl: 'Elke maandag om 08:30 krijg je hier een weekoverzicht van je team: alleen totalen, nooit namen.',
    en: 'Every Monday at 08:30 you get a weekly digest of your team here: totals only, never names.',
  },
  coordinatorTitle: { nl: 'Voor coördinatoren', en: 'For coordinators' },
  coordinatorLine: {
    nl: 'Het actieprogramma en de inbox met prikkels staan in de Soestainable-tab.',
    en: 'The action programme and the barrier inbox are in the Soestainable tab.',
  },
  join: { nl: 'Doe mee', en: 'Join' },
  checkIn: { nl: 'Inchecken', en: 'Check in' },
  // Opens the tab's page of the same name (tab/src/pages/help).
  guide: { nl: 'Hoe werkt het?', en: 'How does it work?' },

  // The help card in a team channel or group chat (channelHelp.card.json): what the bot does for a team; everyone reads it.
  channelTitle: { nl: 'Wat de Soestainable-bot voor jullie team doet', en: 'What the Soestainable bot does for your team' },
  channelUnknown: {
    nl: 'Dat herken ik hier niet als opdracht, maar geen zorgen: dit doe ik voor een team.',
    en: "I didn't recognise that as a command here, but no worries: this is what I do for a team.",
  },
  channelTeamCard: {
    nl: 'Zolang de challenge loopt, zet ik in een kanaal van een team elke maandagochtend de teamkaart: de teamcijfers van de week ervoor, alleen groepscijfers en nooit namen. Een leidinggevende van het team of de coördinator zet hem aan of uit door mij in dat kanaal te noemen (@Soestainable) met een van deze woorden:',
    en: "While the challenge runs, I post the team card in a team's channel every Monday morning: the team's figures of the week before, group figures only and never names. A manager of the team or the coordinator switches it on or off by mentioning me in that channel (@Soestainable) with one of these words:",
  },
  channelTeamCardOn: {
    nl: 'De teamkaart in dit kanaal aanzetten. Leid je meer teams, of ben je de coördinator? Zet de naam van het team erachter.',
    en: "Switch the team card on in this channel. Leading several teams, or the coordinator? Add the team's name after it.",
  },
  // A command's words, like the usages in commands/catalog.ts: `teamkaart uit` is the teamCard command with "uit".
  channelTeamCardOffUsage: { nl: 'teamkaart uit', en: 'team card off' },
  channelTeamCardOff: { nl: 'De teamkaart in dit kanaal weer uitzetten', en: 'Switch the team card off in this channel' },
  channelHelp: { nl: 'Dit overzicht', en: 'This overview' },
  channelPersonalTitle: { nl: 'Meedoen gaat in je eigen chat', en: 'Taking part happens in your own chat' },
  channelPersonal: {
    nl: 'Meedoen, inchecken, prikkels en ideeën melden, prikkels herkennen en je instellingen: dat gaat allemaal in een persoonlijke chat met mij (de Soestainable-bot), zodat wat je invult van jou blijft. Open die chat en typ "hulp" voor alles wat ik daar voor je kan doen.',
    en: 'Joining, checking in, reporting barriers and ideas, recognising barriers and your settings: all of that happens in a personal chat with me (the Soestainable bot), so what you fill in stays yours. Open that chat and type "help" for everything I can do for you there.',
  },
  channelPrivacy: {
    nl: 'Hier deel ik alleen teamtotalen, nooit namen of wie wat deed.',
    en: 'Here I only share team totals, never names or who did what.',
  },
} as const satisfies Texts;

/** One short line per command, shown next to its usage (commands/catalog.ts) on the help card. */
export const COMMAND_HELP: Readonly<Record<CommandId, Localized>> = {
  help: { nl: 'Dit overzicht', en: 'This overview' },
  join: { nl: 'Meedoen, of je gegevens aanpassen', en: 'Join, or change your details' },
  checkin: { nl: 'De uitdaging van vandaag, en inchecken', en: "Today's challenge, and check in" },
  progress: { nl: 'Je dagen, je reeks en de geschatte CO2-winst', en: 'Your days, your streak and the estimated CO2 saved' },
  pause: { nl: 'Even geen uitdagingen', en: 'No challenges for a while' },
  resume: { nl: 'Weer meedoen na een pauze', en: 'Take part again after a pause' },
  time: { nl: 'Hoe laat je je uitdaging krijgt', en: 'When your challenge arrives' },
  language: { nl: 'Nederlands of English', en: 'Dutch or English' },
  team: { nl: 'Je team bekijken of wisselen', en: 'See or switch your team' },
  barrier: { nl: 'Meld wat duurzaam werken lastig maakt (anoniem)', en: 'Report what makes working sustainably hard (anonymous)' },
  idea: { nl: 'Deel een idee', en: 'Share an idea' },
  endSurvey: { nl: 'De eindmeting, na de laatste challengedag', en: 'The end survey, after the last challenge day' },
  pledges: { nl: 'Je voornemens bekijken of aanpassen', en: 'See or change your pledges' },
  myData: { nl: 'Alles wat ik over je bewaar, ook als download', en: 'Everything I keep about you, also as a download' },
  deleteData: { nl: 'Wis al je gegevens', en: 'Erase all your data' },
  leave: { nl: 'Stoppen met de challenge', en: 'Stop the challenge' },
  myActions: { nl: 'De acties waarvan je eigenaar bent, en hoe het ermee staat', en: 'The actions you are the owner of, and how they are going' },
  teamCard: { nl: 'In een teamkanaal: de wekelijkse teamkaart aan of uit (leidinggevende of coördinator)', en: 'In a team channel: the weekly team card on or off (manager or coordinator)' },
  barriers: { nl: 'Prikkels van collega’s bekijken en zeggen: herken ik', en: 'See colleagues’ barriers and say: me too' },
};
