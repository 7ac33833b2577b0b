import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of the "you said, we did" card. Dutch is the source (informal "je"), English the translation. */
export const youSaidTexts = {
  /** The name the tab gives its section ("Jij zei, wij deden"), so that the card and the tab read as one. */
  title: GLOSSARY.youSaidWeDid.label,
  /** Plural by the number of the reader's reports the news is about (the wording has no number). */
  linked: {
    nl: {
      one: 'Je prikkel is opgepakt: hij hoort nu bij een actie in het actieprogramma.',
      other: 'Je prikkels zijn opgepakt: ze horen nu bij een actie in het actieprogramma.',
    },
    en: {
      one: 'Your barrier has been picked up: it is now part of an action in the action programme.',
      other: 'Your barriers have been picked up: they are now part of an action in the action programme.',
    },
  },
  statusChanged: {
    nl: { one: 'De actie bij je prikkel heeft een nieuwe status.', other: 'De actie bij je prikkels heeft een nieuwe status.' },
    en: { one: 'The action for your barrier has a new status.', other: 'The action for your barriers has a new status.' },
  },
  youReported: { nl: 'Je meldde', en: 'You reported' },
  /** For someone who recognised a barrier ("herken ik") and asked to hear what happens with it. */
  youRecognised: { nl: 'Je herkende', en: 'You recognised' },
  recognisedLinked: {
    nl: { one: 'Een prikkel die je herkende is opgepakt: hij hoort nu bij een actie in het actieprogramma.', other: 'Prikkels die je herkende zijn opgepakt: ze horen nu bij een actie in het actieprogramma.' },
    en: { one: 'A barrier you recognised has been picked up: it is now part of an action in the action programme.', other: 'Barriers you recognised have been picked up: they are now part of an action in the action programme.' },
  },
  recognisedStatus: {
    nl: { one: 'De actie bij een prikkel die je herkende heeft een nieuwe status.', other: 'De actie bij prikkels die je herkende heeft een nieuwe status.' },
    en: { one: 'The action for a barrier you recognised has a new status.', other: 'The action for barriers you recognised has a new status.' },
  },
  thanksRecognised: {
    nl: 'Je kreeg dit bericht omdat je bij "Herken ik" aangaf dat je wilt horen wat ermee gebeurt.',
    en: 'You get this message because you asked, with "Me too", to hear what happens with it.',
  },
  action: { nl: 'Actie: ', en: 'Action: ' },
  status: { nl: 'Status: ', en: 'Status: ' },
  owner: { nl: 'Eigenaar: ', en: 'Owner: ' },
  thanks: {
    nl: 'Dank je voor je melding. Je kreeg dit bericht omdat je aangaf dat we contact met je mogen opnemen.',
    en: 'Thank you for reporting it. You get this message because you said we may contact you.',
  },
} as const satisfies Texts;
