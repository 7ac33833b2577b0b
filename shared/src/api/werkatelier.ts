import type { ActionStatus, BarrierStatus, Localized, Theme } from '../domain/types';
import type { IdeaStatus } from '../domain/programme';
import type { LastingCampaignInfo, LastingHabit, LastingWave } from './lasting';

/**
 * The werkatelier sheet (issue 16, item 4), coordinators only: material for a workshop with employees of many teams.
 *
 *   GET /api/werkatelier[?theme=]      → WerkatelierResponse (one theme, or every theme when absent or empty)
 *   GET /api/werkatelier.csv[?theme=]  → the same as a CSV file (columns WERKATELIER_CSV_COLUMNS, `;`, UTF-8 with BOM)
 *
 * Anonymous like the inbox: barrier and idea texts with their team, never a reporter or a recogniser; the number of
 * people who recognise each barrier. An unknown theme is VALIDATION_FAILED. Where a campaign has follow-ups, the
 * organisation's "what lasted" figures of the theme's habits (`lasting`: the cells of `GET /api/org/lasting`, with
 * the same hiding).
 */

/** Most barriers and ideas the sheet lists (the most recognised, and the newest ideas). */
export const WERKATELIER_BARRIERS_MAX = 20;
export const WERKATELIER_IDEAS_MAX = 30;

export interface WerkatelierAction {
  readonly actionId: string;
  readonly title: Localized;
  readonly owner: string;
  readonly status: ActionStatus;
}

export interface WerkatelierBarrier {
  readonly barrierId: string;
  readonly reference: string;
  readonly text: string;
  readonly theme: Theme;
  readonly status: BarrierStatus;
  readonly teamName: string;
  readonly recognitions: number;
  readonly action: WerkatelierAction | null;
}

export interface WerkatelierIdea {
  readonly reference: string;
  readonly text: string;
  readonly theme: Theme;
  readonly status: IdeaStatus;
  readonly teamName: string;
}

/** One follow-up wave of the organisation, the habits of the sheet's theme only (no overall: that spans every theme). */
export type WerkatelierLastingWave = Omit<LastingWave, 'overall'>;

/**
 * The organisation's kept share per wave per habit for the habits whose challenge has the sheet's theme (every
 * habit for every theme), from the default campaign of "what lasted" (the one that ended last with follow-ups). The
 * cells are those of `GET /api/org/lasting` for that campaign, hidden cells without numbers.
 */
export interface WerkatelierLasting {
  readonly campaign: LastingCampaignInfo;
  readonly minimumGroupSize: number;
  /** The theme's habits of the campaign, in its day plan's order. */
  readonly habits: readonly LastingHabit[];
  readonly waves: readonly WerkatelierLastingWave[];
}

export interface WerkatelierResponse {
  /** The theme asked for; `null` for every theme. */
  readonly theme: Theme | null;
  readonly generatedAt: string;
  /** Open barriers (new, or linked to an action), the most recognised first. */
  readonly barriers: readonly WerkatelierBarrier[];
  /** The ideas not yet adopted, newest first. */
  readonly ideas: readonly WerkatelierIdea[];
  /** What lasted for the theme's habits; `null` when no campaign has ended or runs yet. */
  readonly lasting: WerkatelierLasting | null;
}

/**
 * Columns of the CSV, in order: one row per barrier (`kind` barrier), per idea (`kind` idea) and per habit and final
 * wave of `lasting` (`kind` lasting: `text` the habit, `team` empty for the organisation, `status` `shown` or
 * `hidden`, and for a shown cell the answers and the shares ja / soms / nee as fractions; a hidden one has none).
 */
export const WERKATELIER_CSV_COLUMNS = [
  'kind',
  'reference',
  'theme',
  'team',
  'status',
  'recognitions',
  'text',
  'action',
  'owner',
  'action_status',
  'wave_weeks',
  'answers',
  'ja',
  'soms',
  'nee',
] as const;
