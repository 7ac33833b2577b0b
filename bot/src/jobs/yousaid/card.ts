import type { Attachment } from 'botbuilder';
import { ACTION_STATUS_LABELS } from '@soestainable/shared/catalogue/labels';
import type { ActionStatus, Language, Localized } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import { plain } from '../../cards/texts';
import { youSaidTexts as T } from './texts';
import youSaidTemplate from './yousaid.card.json';

/** What one reporter is told about one action change. */
export interface YouSaidContent {
  /** `link`: their barrier was linked to the action; `status`: the action's status changed. */
  readonly kind: 'link' | 'status';
  /** Their own barriers the change is about: reference (`P-7K3F`) and what they wrote. */
  readonly reports: ReadonlyArray<{ readonly reference: string; readonly text: string }>;
  /** Barriers of others they recognised and asked to hear about ("herken ik", "laat me weten"): what was written. */
  readonly recognised?: ReadonlyArray<{ readonly text: string }>;
  readonly actionTitle: Localized;
  readonly status: ActionStatus;
  readonly owner: string;
}

/** The data of yousaid.card.json. Texts people typed go into TextRuns (no Markdown), through `plain()`. */
export interface YouSaidCardData {
  readonly title: string;
  readonly intro: string;
  readonly youReported: string;
  readonly reports: ReadonlyArray<{ reference: string; text: string }>;
  readonly youRecognised: string;
  readonly recognised: ReadonlyArray<{ text: string }>;
  readonly actionLabel: string;
  readonly action: string;
  readonly statusLabel: string;
  readonly status: string;
  readonly ownerLabel: string;
  readonly owner: string;
  readonly thanks: string;
}

export function youSaidCardData(content: YouSaidContent, lang: Language): YouSaidCardData {
  const recognised = content.recognised ?? [];
  // Their own reports lead; someone who only recognised barriers is told so.
  const intro =
    content.reports.length > 0
      ? t(content.kind === 'link' ? T.linked : T.statusChanged, lang, { count: content.reports.length })
      : t(content.kind === 'link' ? T.recognisedLinked : T.recognisedStatus, lang, { count: recognised.length });
  return {
    title: t(T.title, lang),
    intro,
    youReported: t(T.youReported, lang),
    reports: content.reports.map((r) => ({ reference: r.reference, text: plain(r.text) })),
    youRecognised: t(T.youRecognised, lang),
    recognised: recognised.map((r) => ({ text: plain(r.text) })),
    actionLabel: t(T.action, lang),
    // An English title may still wait for its translation: then the Dutch one.
    action: plain(content.actionTitle[lang] || content.actionTitle.nl),
    statusLabel: t(T.status, lang),
    status: t(ACTION_STATUS_LABELS[content.status], lang),
    ownerLabel: t(T.owner, lang),
    owner: plain(content.owner),
    thanks: t(content.reports.length > 0 ? T.thanks : T.thanksRecognised, lang),
  };
}

export function buildYouSaidCard(content: YouSaidContent, lang: Language): Attachment {
  return renderCard(youSaidTemplate, youSaidCardData(content, lang));
}
