import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';

/** The Prikkels page's texts ("herken ik"): Dutch is the source, English the translation; the same keys in both. */
export const barriersTexts = {
  title: GLOSSARY.barriers.label,
  intro: {
    nl: 'Open prikkels van je team en de prikkels die collega’s het vaakst herkennen. Herken je er een? Zet "Herken ik" aan: dan ziet de coördinator dat het vaker speelt. Niemand ziet wie wat herkent, ook de coördinator niet.',
    en: 'Open barriers of your team and the barriers colleagues recognise most. Do you recognise one? Switch on "Me too": then the coordinator sees it happens more often. Nobody sees who recognises what, not even the coordinator.',
  },
  empty: {
    nl: 'Er zijn nu geen open prikkels om te herkennen. Meld er zelf een in de chat met "prikkel: …".',
    en: 'There are no open barriers to recognise right now. Report one yourself in the chat with "barrier: …".',
  },
  listLabel: { nl: 'Prikkels om te herkennen', en: 'Barriers to recognise' },
  recognise: { nl: 'Herken ik', en: 'Me too' },
  recognised: { nl: 'Herken ik (aan)', en: 'Me too (on)' },
  notify: { nl: 'Laat me weten wat ermee gebeurt', en: 'Let me know what happens with it' },
  count: { nl: 'Herkend door {n}', en: 'Recognised by {n}' },
  action: { nl: 'Actie: {title}', en: 'Action: {title}' },
  closed: { nl: 'Dit is niet meer te herkennen.', en: 'This can no longer be recognised.' },
  notEnrolled: {
    nl: 'Doe eerst mee in de chat met de bot ("doe mee"); daarna kun je hier prikkels herkennen.',
    en: 'Join in the chat with the bot first ("join"); then you can recognise barriers here.',
  },
} as const satisfies Record<string, Localized>;
