import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of "herken ik" (me too) on barriers. Dutch is the source (informal "je"), English the translation. */
export const recogniseTexts = {
  title: GLOSSARY.barriers.label,
  intro: {
    nl: 'Open prikkels van je team en de prikkels die collega’s het vaakst herkennen. Herken je er een? Druk op "Herken ik": dan ziet de coördinator dat het vaker speelt.',
    en: 'Open barriers of your team and the barriers colleagues recognise most. Do you recognise one? Press "Me too": then the coordinator sees it happens more often.',
  },
  similarTitle: { nl: 'Herken je een van deze prikkels?', en: 'Do you recognise one of these barriers?' },
  similarIntro: {
    nl: 'Collega’s meldden iets wat erop lijkt. Je melding is gewoon opgeslagen; met "Herken ik" tel je ook mee bij hun prikkel.',
    en: 'Colleagues reported something that looks alike. Your report was saved as usual; with "Me too" you also count towards their barrier.',
  },
  empty: {
    nl: 'Er zijn nu geen open prikkels om te herkennen. Meld er zelf een met "prikkel: …".',
    en: 'There are no open barriers to recognise right now. Report one yourself with "barrier: …".',
  },
  privacyNote: {
    nl: 'Niemand ziet wie wat herkent, ook de coördinator niet: alleen het aantal.',
    en: 'Nobody sees who recognises what, not even the coordinator: only the number.',
  },
  themeStatus: { nl: '{theme} · {status}', en: '{theme} · {status}' },
  action: { nl: 'Actie: {title}', en: 'Action: {title}' },
  count: {
    nl: { one: '{count} collega herkent dit', other: '{count} collega’s herkennen dit' },
    en: { one: '{count} colleague recognises this', other: '{count} colleagues recognise this' },
  },
  noCount: { nl: 'Nog niemand herkent dit', en: 'Nobody has recognised this yet' },
  recognise: { nl: 'Herken ik', en: 'Me too' },
  withdraw: { nl: 'Herken ik niet meer', en: 'Not me after all' },
  notifyOn: { nl: 'Laat me weten wat ermee gebeurt', en: 'Let me know what happens with it' },
  notifyOff: { nl: 'Ik hoef niets te horen', en: "I don't need to hear back" },
  notifyState: {
    nl: 'Je hoort van ons als er iets mee gebeurt.',
    en: "You'll hear from us when something happens with it.",
  },
  closed: { nl: 'Niet meer te herkennen: {status}', en: 'Can no longer be recognised: {status}' },

  doneRecognised: { nl: 'Genoteerd: je herkent deze prikkel.', en: 'Noted: you recognise this barrier.' },
  doneWithdrawn: { nl: 'Je herkent deze prikkel niet meer; je telt niet meer mee.', en: "You no longer recognise this barrier; you don't count any more." },
  doneAlready: { nl: 'Dat was al zo: je telt één keer mee.', en: 'That was so already: you count once.' },
  doneNotify: { nl: 'Je keuze voor bericht is bewaard.', en: 'Your choice about hearing back is saved.' },
  errorMissing: {
    nl: 'Deze prikkel bestaat niet (meer) in jouw organisatie. Er is niets veranderd.',
    en: "This barrier doesn't exist (any more) in your organisation. Nothing was changed.",
  },
  errorClosed: {
    nl: 'Deze prikkel is niet meer te herkennen ({status}). Er is niets veranderd; de lijst hieronder is bijgewerkt.',
    en: "This barrier can no longer be recognised ({status}). Nothing was changed; the list below is up to date.",
  },
  errorNotRecognised: {
    nl: 'Je herkent deze prikkel (nog) niet, dus er is niets om over te berichten. Druk eerst op "Herken ik".',
    en: "You don't recognise this barrier (yet), so there is nothing to hear back about. Press \"Me too\" first.",
  },
  errorFields: {
    nl: 'Deze knop kwam niet goed bij me aan. Er is niets veranderd; typ "prikkels" voor een nieuwe lijst.',
    en: "This button didn't reach me properly. Nothing was changed; type \"barriers\" for a new list.",
  },
  // The answer in a team channel or group chat, to "prikkels" and to a button press sent from there: everyone reads it.
  personalOnlyTitle: { nl: 'Liever in je eigen chat', en: 'Better in your own chat' },
  personalOnlyText: {
    nl: 'Prikkels bekijken en zeggen welke je herkent doe je in je eigen chat met mij: niemand ziet wie wat herkent. Open een persoonlijke chat met de Soestainable-bot en typ daar "prikkels". Er is niets veranderd.',
    en: 'You look at barriers and say which ones you recognise in your own chat with me: nobody sees who recognises what. Open a personal chat with the Soestainable bot and type "barriers" there. Nothing was changed.',
  },
} as const satisfies Texts;
