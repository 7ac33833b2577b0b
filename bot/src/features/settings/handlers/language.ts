import type { Attachment } from 'botbuilder';
import type { Language } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../../cards/render';
import type { ActionResult, FeatureDeps, Turn } from '../../core/feature';
import { noticeCard, textsIn } from '../../core/cards';
import { joinFirstCard } from '../../enrol/cards';
import { languageCard } from '../cards';
import { languageOfWord, onlyFieldFailed, settingsSchemas } from '../input';
import { changeProfile, gate, send } from '../profile';
import { settingsTexts } from '../texts';

type Data = Readonly<Record<string, unknown>>;

async function setLanguage(deps: FeatureDeps, turn: Turn, language: Language): Promise<Attachment> {
  const p = await changeProfile(deps, turn, 'language', (current) => ({ ...current, language }));
  if (!p) return joinFirstCard(turn.lang);
  // Confirmed in the new language: that is the proof it worked.
  const txt = textsIn(settingsTexts, p.language);
  return noticeCard({ title: txt.languageSetTitle, lines: [txt.languageSet] });
}

/** `taal en` sets the language at once; `taal` alone shows the language card. */
export async function languageCommand(deps: FeatureDeps, turn: Turn, args: string): Promise<void> {
  const p = turn.participant;
  const blocked = gate(turn, 'language');
  if (blocked || !p) return send(turn, blocked ?? joinFirstCard(turn.lang));
  if (args === '') return send(turn, languageCard(turn, p));
  const language = languageOfWord(args);
  if (language === undefined) return send(turn, messageCard(t(settingsTexts.languageInvalidTyped, turn.lang)));
  return send(turn, await setLanguage(deps, turn, language));
}

/** The language card's save: one of the languages, else the card again with the problem. */
export async function languageAction(deps: FeatureDeps, turn: Turn, data: Data): Promise<ActionResult> {
  const p = turn.participant;
  const blocked = gate(turn, 'language');
  if (blocked || !p) return { card: blocked ?? joinFirstCard(turn.lang) };
  const parsed = settingsSchemas.language.safeParse(data);
  if (!parsed.success) {
    const error = onlyFieldFailed(parsed.error, 'language') ? settingsTexts.languageInvalidCard : settingsTexts.formInvalid;
    return { card: languageCard(turn, p, t(error, turn.lang)) };
  }
  return { card: await setLanguage(deps, turn, parsed.data.language) };
}
