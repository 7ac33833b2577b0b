import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import { todayIn } from '@soestainable/shared/calendar';
import { THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { REPORT_TEXT_MAX, type Barrier, type Idea } from '@soestainable/shared/domain/programme';
import { THEMES, type Language, type Localized, type Theme } from '@soestainable/shared/domain/types';
import { cleanText, t } from '@soestainable/shared/text';
import { isJoined } from '@soestainable/shared/domain/organisation';
import type { Repositories } from '../../storage/repositories';
import { charCount } from '../../storage/repositories/rowSchemas';
import { messageCard, renderCard } from '../../cards/render';
import { fenced } from '../../services/personalData/erasure';
import { noticeCard } from '../core/cards';
import type { ActionHandler, ActionResult, CommandHandler, Feature, FeatureDeps, Turn } from '../core/feature';
import { plain } from '../../cards/texts';
import { joinFirstCard } from '../enrol/cards';
import { createReportAllowance } from '../../services/reportAllowance/allowance';
import reportTemplate from './report.card.json';
import thanksTemplate from './thanks.card.json';
import { reportsTexts as T } from './texts';
import { similarFollowUps } from '../recognise/recognise';
import { guessTheme } from './theme';
import { REPORTS_VERBS } from './verbs';

/** A barrier (prikkel) or an idea: the two reports an employee can send, with the same card and rules. */
export type ReportKind = 'barrier' | 'idea';

const KIND = {
  barrier: {
    verb: REPORTS_VERBS.barrierSubmit,
    title: T.barrierTitle,
    intro: T.barrierIntro,
    textLabel: T.barrierTextLabel,
    placeholder: T.barrierPlaceholder,
    contactTitle: T.barrierContactTitle,
    thanks: T.barrierThanks,
    nextContact: T.barrierNextContact,
    nextAnonymous: T.barrierNextAnonymous,
  },
  idea: {
    verb: REPORTS_VERBS.ideaSubmit,
    title: T.ideaTitle,
    intro: T.ideaIntro,
    textLabel: T.ideaTextLabel,
    placeholder: T.ideaPlaceholder,
    contactTitle: T.ideaContactTitle,
    thanks: T.ideaThanks,
    nextContact: T.ideaNextContact,
    nextAnonymous: T.ideaNextAnonymous,
  },
} as const satisfies Record<ReportKind, Record<string, unknown>>;

/** The data of report.card.json. */
export interface ReportCardData {
  readonly title: string;
  readonly intro: string;
  /** An error line above the inputs; empty for none. */
  readonly error: string;
  readonly textLabel: string;
  readonly placeholder: string;
  readonly textError: string;
  /** The input's value: the raw text (an input shows it as typed, never as markdown). */
  readonly text: string;
  readonly themeLabel: string;
  readonly themeError: string;
  readonly themes: ReadonlyArray<{ readonly title: string; readonly value: Theme }>;
  readonly theme: Theme;
  readonly contactLabel: string;
  readonly contactTitle: string;
  readonly contact: 'true' | 'false';
  readonly anonymousNote: string;
  readonly send: string;
  readonly verb: string;
}

/** The data of thanks.card.json. */
export interface ThanksCardData {
  readonly title: string;
  readonly referenceLabel: string;
  readonly reference: string;
  readonly themeLabel: string;
  readonly theme: string;
  readonly contactLabel: string;
  readonly contact: string;
  readonly next: string;
  readonly yourTextLabel: string;
  /** What the reporter wrote, through `plain()`. */
  readonly text: string;
}

/** What the card shows: the text as typed, a theme and the contact choice. */
interface Draft {
  readonly text: string;
  readonly theme: Theme;
  readonly contact: boolean;
}

/**
 * Longest text put back into the card's input: twice the limit, so a text just over it can be shortened there.
 * A longer one is left out (the error line says so), which keeps every report card far under CARD_MAX_BYTES
 * whatever was typed: 1,000 characters are at most ~6 KB of JSON.
 */
export const REPORT_TEXT_ECHO_MAX = 2 * REPORT_TEXT_MAX;

/** What of a typed text the card's input shows again: all of it up to {@link REPORT_TEXT_ECHO_MAX}, else nothing. */
function echoed(text: string): string {
  return charCount(text) <= REPORT_TEXT_ECHO_MAX ? text : '';
}

/** The error for a text of `count` characters, over the limit: it names the limit, and says when the text is not kept. */
function tooLong(count: number): Localized {
  return count > REPORT_TEXT_ECHO_MAX ? T.errorTooLongNotKept : T.errorTooLong;
}

export function reportCardData(kind: ReportKind, lang: Language, draft: Draft, error = ''): ReportCardData {
  const k = KIND[kind];
  return {
    title: t(k.title, lang),
    intro: t(k.intro, lang),
    error,
    textLabel: t(k.textLabel, lang),
    placeholder: t(k.placeholder, lang),
    textError: t(T.textError, lang),
    text: echoed(draft.text),
    themeLabel: t(T.themeLabel, lang),
    themeError: t(T.themeError, lang),
    themes: THEMES.map((value) => ({ title: t(THEME_LABELS[value], lang), value })),
    theme: draft.theme,
    contactLabel: t(T.contactLabel, lang),
    contactTitle: t(k.contactTitle, lang),
    contact: draft.contact ? 'true' : 'false',
    anonymousNote: t(T.anonymousNote, lang),
    send: t(T.send, lang),
    verb: k.verb,
  };
}

export function reportCard(kind: ReportKind, lang: Language, draft: Draft, error = ''): Attachment {
  return renderCard(reportTemplate, reportCardData(kind, lang, draft, error));
}

export function thanksCardData(kind: ReportKind, lang: Language, report: { reference: string; theme: Theme; text: string; contact: boolean }): ThanksCardData {
  const k = KIND[kind];
  return {
    title: t(k.thanks, lang),
    referenceLabel: t(T.reference, lang),
    reference: report.reference,
    themeLabel: t(T.themeLabel, lang),
    theme: t(THEME_LABELS[report.theme], lang),
    contactLabel: t(T.contactFact, lang),
    contact: t(report.contact ? T.contactYes : T.contactNo, lang),
    next: t(report.contact ? k.nextContact : k.nextAnonymous, lang),
    yourTextLabel: t(T.yourText, lang),
    text: plain(report.text),
  };
}

/**
 * The campaign a report belongs to: the one running today; otherwise the latest one that is not a draft (one
 * that ended, or one about to start); `undefined` when there is none.
 */
export async function campaignForReport(repos: Repositories, orgId: string, now: Date): Promise<Campaign | undefined> {
  const today = todayIn(now);
  const active = await repos.campaigns.active(orgId, today);
  if (active) return active;
  const published = (await repos.campaigns.list(orgId)).filter((c) => c.status !== 'draft');
  return published.filter((c) => c.startDate <= today).at(-1) ?? published.at(-1);
}

/**
 * The answer in a team channel or group chat. Everyone there reads the card and could press its "Verstuur", so the
 * report card (and the thank-you card with its reference and contact choice) is never shown there, and nothing is stored.
 */
export function notPersonalCard(lang: Language): Attachment {
  return noticeCard({ title: t(T.personalOnlyTitle, lang), lines: [t(T.personalOnlyText, lang)] });
}

/** Accepts what a Toggle sends (`"true"`/`"false"`) and a plain boolean. */
const toggleSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** Exactly the card's fields, the verb included; `text` and `theme` are read further below for clearer answers. */
const submissionSchema = z.strictObject({
  verb: z.string(),
  text: z.string().optional(),
  theme: z.string().optional(),
  contact: toggleSchema,
});

type Checked =
  | { readonly ok: true; readonly value: Draft }
  | { readonly ok: false; readonly error: Localized; readonly vars?: Readonly<Record<string, number>>; readonly draft: Draft };

function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Validates a card submission completely before anything is stored. */
export function checkSubmission(data: Readonly<Record<string, unknown>>): Checked {
  const rawText = typeof data['text'] === 'string' ? cleanText(data['text']) : '';
  const contact = toggleSchema.safeParse(data['contact']);
  const draft: Draft = {
    text: rawText,
    theme: isTheme(data['theme']) ? data['theme'] : guessTheme(rawText),
    contact: contact.success ? contact.data : false,
  };
  const parsed = submissionSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: T.errorFields, draft };
  const text = cleanText(parsed.data.text ?? '').trim();
  if (text === '') return { ok: false, error: T.errorEmpty, draft };
  const count = charCount(text);
  if (count > REPORT_TEXT_MAX) return { ok: false, error: tooLong(count), vars: { count, max: REPORT_TEXT_MAX }, draft };
  if (!isTheme(parsed.data.theme)) return { ok: false, error: T.errorTheme, draft };
  return { ok: true, value: { text, theme: parsed.data.theme, contact: parsed.data.contact } };
}

/**
 * Barriers (prikkels) and ideas by command: "prikkel: de kantine heeft alleen bekers van plastic" shows a small
 * card pre-filled with the text, a theme (guessed from the words) and the opt-in for contact (off: anonymous);
 * "Verstuur" stores it and replaces the card with a thank-you card holding the reference code.
 */
export function createReportsFeature(deps: FeatureDeps): Feature {
  const { repos, config, logger } = deps;
  const allowance = createReportAllowance({ repos, config });

  const command =
    (kind: ReportKind): CommandHandler =>
    async (turn, args) => {
      const send = (card: Attachment) => turn.context.sendActivity({ attachments: [card] });
      if (!turn.personal) {
        logger.info('report refused', { kind, reason: 'not_personal' });
        await send(notPersonalCard(turn.lang));
        return;
      }
      // Someone who has not joined, or has left, cannot report: their report would have no team.
      if (!isJoined(turn.participant)) {
        await send(joinFirstCard(turn.lang));
        return;
      }
      if (!(await campaignForReport(repos, config.org.id, turn.now))) {
        await send(messageCard(t(T.noCampaign, turn.lang)));
        return;
      }
      const text = cleanText(args).trim();
      const draft: Draft = { text, theme: guessTheme(text), contact: false };
      const count = charCount(text);
      const error = count > REPORT_TEXT_MAX ? t(tooLong(count), turn.lang, { count, max: REPORT_TEXT_MAX }) : '';
      await send(reportCard(kind, turn.lang, draft, error));
    };

  const submit =
    (kind: ReportKind): ActionHandler =>
    async (turn: Turn, data): Promise<ActionResult> => {
      // First: a submit from a channel (anyone can send one) is refused before anything is read or counted.
      if (!turn.personal) {
        logger.info('report refused', { kind, reason: 'not_personal' });
        return { card: notPersonalCard(turn.lang) };
      }
      const participant = turn.participant;
      if (!isJoined(participant)) return { card: joinFirstCard(turn.lang) };
      const checked = checkSubmission(data);
      if (!checked.ok) {
        logger.info('report refused', { kind, reason: checked.error === T.errorFields ? 'fields' : 'input' });
        return { card: reportCard(kind, turn.lang, checked.draft, t(checked.error, turn.lang, checked.vars)) };
      }
      const campaign = await campaignForReport(repos, config.org.id, turn.now);
      if (!campaign) return { card: messageCard(t(T.noCampaign, turn.lang)) };
      if (!(await allowance.take(turn.userId, turn.now, 1))) {
        logger.info('report refused', { kind, reason: 'daily_limit' });
        return { card: reportCard(kind, turn.lang, checked.value, t(T.errorDailyLimit, turn.lang, { max: allowance.perDay })) };
      }
      const { text, theme, contact } = checked.value;
      const input = {
        orgId: config.org.id,
        campaignId: campaign.campaignId,
        teamId: participant.teamId,
        theme,
        text,
        // Anonymous unless the reporter ticked the box (privacy rule 6): no user id in the row at all.
        ...(contact ? { contactUserId: turn.userId } : {}),
        demo: participant.demo,
      };
      // Inside the erasure fence: a contact filed while the person's data is being erased would outlive the erasure.
      const report = await fenced<Barrier | Idea>(repos, config.org.id, participant, () => (kind === 'barrier' ? repos.barriers.create(input) : repos.ideas.create(input)));
      logger.info('report stored', { kind, reference: report.reference, theme, contact });
      const card = renderCard(thanksTemplate, thanksCardData(kind, turn.lang, { reference: report.reference, theme, text, contact }));
      // A barrier that looks like ones already reported: offer those after the answer, so a duplicate can become a recognition.
      return 'barrierId' in report ? { card, followUps: () => similarFollowUps(deps, report, turn.userId, turn.lang) } : { card };
    };

  return {
    commands: { barrier: command('barrier'), idea: command('idea') },
    actions: {
      [REPORTS_VERBS.barrierSubmit]: submit('barrier'),
      [REPORTS_VERBS.ideaSubmit]: submit('idea'),
    },
  };
}
