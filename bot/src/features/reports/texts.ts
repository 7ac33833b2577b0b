import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of the reports feature (barriers and ideas). Dutch is the source, English the translation. */
export const reportsTexts = {
  barrierTitle: { nl: 'Prikkel melden', en: 'Report a barrier' },
  barrierIntro: {
    nl: 'Wat maakt duurzaam werken hier lastig? Beschrijf het kort; de coördinator pakt het op.',
    en: 'What makes working sustainably hard here? Describe it briefly; the coordinator will pick it up.',
  },
  barrierTextLabel: { nl: 'Wat maakt het lastig?', en: 'What makes it hard?' },
  barrierPlaceholder: { nl: 'Bijvoorbeeld: de kantine heeft alleen bekers van plastic', en: 'For example: the canteen only has plastic cups' },
  barrierContactTitle: { nl: 'Je mag contact met me opnemen over deze prikkel', en: 'You may contact me about this barrier' },
  ideaTitle: { nl: 'Idee delen', en: 'Share an idea' },
  ideaIntro: {
    nl: 'Heb je een idee om afval of energie te besparen op het werk? Vertel het hier.',
    en: 'Do you have an idea for saving waste or energy at work? Tell us here.',
  },
  ideaTextLabel: { nl: 'Jouw idee', en: 'Your idea' },
  ideaPlaceholder: { nl: 'Bijvoorbeeld: een waterkoeler op elke verdieping', en: 'For example: a water cooler on every floor' },
  ideaContactTitle: { nl: 'Je mag contact met me opnemen over dit idee', en: 'You may contact me about this idea' },
  textError: { nl: 'Schrijf 1 tot 500 tekens.', en: 'Write 1 to 500 characters.' },
  themeLabel: GLOSSARY.theme.label,
  themeError: { nl: 'Kies een thema.', en: 'Choose a theme.' },
  contactLabel: { nl: 'Contact', en: 'Contact' },
  anonymousNote: {
    nl: 'Zonder vinkje blijf je anoniem: we bewaren dan niet wie het stuurde.',
    en: "Without the tick you stay anonymous: we don't store who sent it.",
  },
  send: { nl: 'Verstuur', en: 'Send' },

  errorEmpty: {
    nl: 'Je hebt nog niets geschreven. Er is niets opgeslagen; vul het hieronder in.',
    en: "You haven't written anything yet. Nothing was saved; fill it in below.",
  },
  errorTooLong: {
    nl: 'Je tekst is {count} tekens; het maximum is {max}. Maak hem wat korter. Er is nog niets opgeslagen.',
    en: 'Your text is {count} characters; the maximum is {max}. Please shorten it. Nothing was saved yet.',
  },
  errorTooLongNotKept: {
    nl: 'Je tekst is {count} tekens; het maximum is {max}. Dat is te lang om hier terug te zetten: schrijf de kern in hoogstens {max} tekens. Er is niets opgeslagen.',
    en: 'Your text is {count} characters; the maximum is {max}. That is too long to put back here: write the gist in at most {max} characters. Nothing was saved.',
  },
  errorDailyLimit: {
    nl: 'Per dag kun je hoogstens {max} prikkels en ideeën sturen, en daar zit je vandaag aan. Er is niets opgeslagen; morgen kun je weer melden.',
    en: 'You can send at most {max} barriers and ideas a day, and you have reached that today. Nothing was saved; you can report again tomorrow.',
  },
  errorTheme: {
    nl: "Kies een van de drie thema's. Er is niets opgeslagen.",
    en: 'Choose one of the three themes. Nothing was saved.',
  },
  errorFields: {
    nl: 'Dit formulier kwam niet goed bij me aan (onbekende of ontbrekende velden). Er is niets opgeslagen; probeer het hieronder opnieuw.',
    en: "This form didn't reach me properly (unknown or missing fields). Nothing was saved; please try again below.",
  },
  noCampaign: {
    nl: 'Er is nog geen Soestainable Challenge, dus ik kan je melding nergens onder zetten. Er is niets opgeslagen; probeer het als de challenge begonnen is.',
    en: "There is no Soestainable Challenge yet, so I can't file your report anywhere. Nothing was saved; please try again once the challenge has started.",
  },

  barrierThanks: { nl: 'Bedankt! Je prikkel is binnen.', en: 'Thanks! Your barrier is in.' },
  ideaThanks: { nl: 'Bedankt! Je idee is binnen.', en: 'Thanks! Your idea is in.' },
  reference: { nl: 'Je referentie', en: 'Your reference' },
  contactFact: { nl: 'Contact', en: 'Contact' },
  contactYes: { nl: 'Ja, je mag me benaderen', en: 'Yes, you may contact me' },
  contactNo: { nl: 'Nee, anoniem', en: 'No, anonymous' },
  yourText: { nl: 'Wat je schreef', en: 'What you wrote' },
  barrierNextContact: {
    nl: 'De coördinator bundelt prikkels en maakt er acties van. Omdat je contact toestaat, hoor je van ons als er iets met je prikkel gebeurt.',
    en: "The coordinator groups barriers and turns them into actions. Because you allowed contact, you'll hear back when something happens with it.",
  },
  barrierNextAnonymous: {
    nl: "De coördinator bundelt prikkels en maakt er acties van. Je meldde anoniem: volg met je referentie wat ermee gebeurt onder 'Jij zei, wij deden' in het tabblad.",
    en: "The coordinator groups barriers and turns them into actions. You reported anonymously: follow what happens with it under 'You said, we did' in the tab, using your reference.",
  },
  ideaNextContact: {
    nl: 'De coördinator leest elk idee en neemt de beste op in het actieprogramma. Omdat je contact toestaat, hoor je van ons als we er iets mee doen.',
    en: "The coordinator reads every idea and adds the best ones to the action programme. Because you allowed contact, you'll hear back when we do something with it.",
  },
  ideaNextAnonymous: {
    nl: "De coördinator leest elk idee en neemt de beste op in het actieprogramma. Je deelde het anoniem: volg met je referentie wat ermee gebeurt onder 'Jij zei, wij deden' in het tabblad.",
    en: "The coordinator reads every idea and adds the best ones to the action programme. You shared it anonymously: follow what happens with it under 'You said, we did' in the tab, using your reference.",
  },
  // The answer in a team channel or group chat, to the command and to a "Verstuur" sent from there: everyone reads it.
  personalOnlyTitle: { nl: 'Liever in je eigen chat', en: 'Better in your own chat' },
  personalOnlyText: {
    nl: 'Prikkels en ideeën meld je in je eigen chat met mij, zodat niemand anders ze ziet en ze anoniem kunnen blijven. Open een persoonlijke chat met de Soestainable-bot en typ daar "prikkel: …" of "idee: …". Hier is niets opgeslagen.',
    en: 'You report barriers and ideas in your own chat with me, so nobody else sees them and they can stay anonymous. Open a personal chat with the Soestainable bot and type "barrier: …" or "idea: …" there. Nothing was saved here.',
  },
} as const satisfies Texts;
