import type { Attachment } from 'botbuilder';
import type { Language } from '@soestainable/shared/domain/types';
import { button, noticeCard, textsIn } from '../core/cards';
import { enrolTexts } from './texts';
import { ENROL_VERBS } from './verbs';

/**
 * The friendly "join first" card for commands and buttons that need a participant: one "Doe mee" button that
 * opens the enrolment card. The one such card: every feature answers someone who has not joined (or has left)
 * with it.
 */
export function joinFirstCard(lang: Language): Attachment {
  const t = textsIn(enrolTexts, lang);
  return noticeCard({ title: t.joinFirstTitle, lines: [t.joinFirst], buttons: [button(t.join, ENROL_VERBS.start, 'positive')] });
}
