import type { Localized } from '../domain/types';
import type { Challenge } from './challenge';

/**
 * The "keep it" phrasing of each built-in challenge: what a participant pledges on the end card (eindmeting) and
 * is asked about in the follow-up pulses ("Doe je dit nog?"). First person, a habit rather than a one-day task.
 */
export const KEEP_PHRASES: Readonly<Record<string, Localized>> = {
  'dag01-eigen-beker': { nl: 'Ik neem elke dag mijn eigen beker of fles mee.', en: 'I bring my own cup or bottle every day.' },
  'dag02-fiets-lopen-ov': { nl: 'Ik kom vaker op de fiets, lopend of met het ov.', en: 'I come by bike, on foot or by public transport more often.' },
  'dag03-lunch-zonder-verpakking': { nl: 'Ik neem mijn lunch mee zonder wegwerpverpakking.', en: 'I bring my lunch without disposable packaging.' },
  'dag04-scherm-en-licht-uit': { nl: 'Ik zet scherm en licht uit als ik wegga, en neem de trap.', en: 'I switch off my screen and the lights when I leave, and take the stairs.' },
  'dag05-verpakking-leveringen': { nl: 'Ik let op verpakking bij wat we laten leveren.', en: 'I look at the packaging of what we have delivered.' },
  'dag06-niets-printen': { nl: 'Ik print alleen wat echt op papier moet.', en: 'I print only what really has to be on paper.' },
  'dag07-kantine-en-catering': { nl: 'Ik vraag om catering zonder wegwerpservies.', en: 'I ask for catering without disposable tableware.' },
  'dag08-digitaal-opruimen': { nl: 'Ik ruim mijn mail en bestanden regelmatig op.', en: 'I clear out my mail and files regularly.' },
  'dag09-repareren-en-hergebruiken': { nl: 'Ik repareer of hergebruik voordat ik iets nieuws vraag.', en: 'I repair or reuse before I ask for something new.' },
  'dag10-circulair-inkopen': { nl: 'Ik zet bij elke inkoop een circulaire eis erbij.', en: 'I add a circular criterion to every purchase.' },
};

/** The pledge text of a challenge: its own phrasing, or (for a challenge a coordinator wrote) its title. */
export function keepPhrase(challenge: Pick<Challenge, 'id' | 'title'>): Localized {
  return KEEP_PHRASES[challenge.id] ?? challenge.title;
}
