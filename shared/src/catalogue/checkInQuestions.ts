import type { CheckInOutcome, DistanceBand, Localized, TravelMode } from '../domain/types';
import { CHECKIN_OUTCOMES, DISTANCE_BAND_KEYS, TRAVEL_MODES } from '../domain/types';
import type { LabelMap } from './labels';
import { CHECKIN_OUTCOME_LABELS, DISTANCE_BAND_LABELS, TRAVEL_MODE_LABELS } from './labels';

/** One answer option of a choice question. */
export interface QuestionOption<V extends string> {
  readonly value: V;
  readonly label: Localized;
}

export type StandardQuestion =
  | {
      readonly id: 'outcome';
      readonly kind: 'choice';
      readonly text: Localized;
      readonly options: readonly QuestionOption<CheckInOutcome>[];
    }
  | {
      readonly id: 'travelMode';
      readonly kind: 'choice';
      readonly text: Localized;
      readonly options: readonly QuestionOption<TravelMode>[];
    }
  | {
      readonly id: 'distanceBand';
      readonly kind: 'choice';
      readonly text: Localized;
      readonly options: readonly QuestionOption<DistanceBand>[];
    }
  | { readonly id: 'wasteFree'; readonly kind: 'yesno'; readonly text: Localized };

export type StandardQuestionId = StandardQuestion['id'];

function optionsOf<V extends string>(values: readonly V[], labels: LabelMap<V>): readonly QuestionOption<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/**
 * The questions every day's check-in asks, besides the day's own question (see the catalogue). The ids are the
 * `CheckIn` fields they fill. Options come in the order of the domain lists.
 */
export const CHECKIN_QUESTIONS: readonly StandardQuestion[] = [
  {
    id: 'outcome',
    kind: 'choice',
    text: { nl: 'Hoe ging de challenge van vandaag?', en: 'How did today’s challenge go?' },
    options: optionsOf(CHECKIN_OUTCOMES, CHECKIN_OUTCOME_LABELS),
  },
  {
    id: 'travelMode',
    kind: 'choice',
    text: { nl: 'Hoe ben je vandaag naar je werk gereisd?', en: 'How did you travel to work today?' },
    options: optionsOf(TRAVEL_MODES, TRAVEL_MODE_LABELS),
  },
  {
    id: 'distanceBand',
    kind: 'choice',
    text: { nl: 'Hoe ver is je woon-werkreis (enkele reis)?', en: 'How far is your commute (one way)?' },
    options: optionsOf(DISTANCE_BAND_KEYS, DISTANCE_BAND_LABELS),
  },
  {
    id: 'wasteFree',
    kind: 'yesno',
    text: {
      nl: 'Heb je vandaag afvalvrij gewerkt (geen restafval)?',
      en: 'Did you work waste-free today (no residual waste)?',
    },
  },
];

/** The standard question `id`, typed by it: `checkInQuestion('travelMode').options` are travel modes. */
export function checkInQuestion<I extends StandardQuestionId>(id: I): Extract<StandardQuestion, { readonly id: I }> {
  const question = CHECKIN_QUESTIONS.find((q): q is Extract<StandardQuestion, { readonly id: I }> => q.id === id);
  if (question === undefined) throw new Error(`check-in question ${id} is missing from CHECKIN_QUESTIONS`);
  return question;
}

/** Yes/no answer labels for `yesno` questions. */
export const YES_NO_LABELS: Readonly<Record<'yes' | 'no', Localized>> = {
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
};
