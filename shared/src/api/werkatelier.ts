import type { ActionStatus, BarrierStatus, Localized, Theme } from '../domain/types';
import type { IdeaStatus } from '../domain/programme';

/**
 * The werkatelier sheet (issue 16, item 4), coordinators only: material for a workshop with employees of many teams.
 *
 *   GET /api/werkatelier[?theme=]      → WerkatelierResponse (one theme, or every theme when absent or empty)
 *   GET /api/werkatelier.csv[?theme=]  → the same as a CSV file (columns WERKATELIER_CSV_COLUMNS, `;`, UTF-8 with BOM)
 *
 * Anonymous like the inbox: barrier and idea texts with their team, never a reporter or a recogniser; the number of
 * people who recognise each barrier. An unknown theme is VALIDATION_FAILED.
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

export interface WerkatelierResponse {
  /** The theme asked for; `null` for every theme. */
  readonly theme: Theme | null;
  readonly generatedAt: string;
  /** Open barriers (new, or linked to an action), the most recognised first. */
  readonly barriers: readonly WerkatelierBarrier[];
  /** The ideas not yet adopted, newest first. */
  readonly ideas: readonly WerkatelierIdea[];
}

/** Columns of the CSV, in order: one row per barrier (`kind` barrier) and per idea (`kind` idea). */
export const WERKATELIER_CSV_COLUMNS = ['kind', 'reference', 'theme', 'team', 'status', 'recognitions', 'text', 'action', 'owner', 'action_status'] as const;
