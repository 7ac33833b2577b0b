import * as AC from 'adaptivecards';
import type { Attachment } from 'botbuilder';

/**
 * Parses a card with the official `adaptivecards` library (what Teams' renderer is built on) and returns its
 * validation problems: an empty list means the card is valid for schema 1.5.
 */
export function cardProblems(card: Attachment | Record<string, unknown>): string[] {
  const json = ('contentType' in card && 'content' in card ? card.content : card) as Record<string, unknown>;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    if (event) problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const report = parsed.validateProperties();
  for (const event of report.validationEvents) problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  if (json['version'] !== '1.5') problems.push(`version is ${String(json['version'])}, expected 1.5`);
  if (Buffer.byteLength(JSON.stringify(json)) > 40 * 1024) problems.push('card is over 40 KB');
  return problems;
}

/** Every text shown on a card (TextBlocks, fact values, input labels, action titles), for assertions. */
export function cardTexts(card: Attachment | Record<string, unknown>): string[] {
  const json = ('contentType' in card && 'content' in card ? card.content : card) as unknown;
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && ['text', 'title', 'label', 'value', 'placeholder', 'errorMessage'].includes(k)) out.push(v);
        else walk(v);
      }
    }
  };
  walk(json);
  return out;
}

/** A card's JSON (an attachment's `content`, or what an invoke response carries). */
export type Card = Record<string, unknown>;

/** The texts of {@link cardTexts} as one string, one text a line: for `toContain` assertions. */
export function cardText(card: Attachment | Card): string {
  return cardTexts(card).join('\n');
}

/** Every element of a card (body, nested containers, actions, fallbacks, choices…), depth first. */
export function elements(card: unknown): Card[] {
  const out: Card[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const n = node as Card;
      if (typeof n['type'] === 'string') out.push(n);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The element with id `id` (an input); throws when there is none. */
export function input(card: Card, id: string): Card {
  const found = elements(card).find((e) => e['id'] === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

/** The card's `Action.Execute` buttons, in order. */
export function executeActions(card: Card): Card[] {
  return elements(card).filter((e) => e['type'] === 'Action.Execute');
}

/** The verbs of the card's buttons, in order. */
export function verbs(card: Card): string[] {
  return executeActions(card).map((e) => String(e['verb']));
}

/** The address of the card's first `Action.OpenUrl`. */
export function openUrlOf(card: Card): unknown {
  return elements(card).find((e) => e['type'] === 'Action.OpenUrl')?.['url'];
}

/**
 * Valid for schema 1.5 (see {@link cardProblems}); every button an Action.Execute with an Action.Submit fallback
 * carrying the same verb; every input labelled, every toggle titled too.
 */
export function expectWellFormed(card: Card): void {
  expect(cardProblems(card)).toEqual([]);
  for (const action of executeActions(card)) {
    expect(action['fallback']).toMatchObject({ type: 'Action.Submit', data: { verb: action['verb'] } });
  }
  for (const el of elements(card).filter((e) => String(e['type']).startsWith('Input.'))) {
    expect(el['label']).toEqual(expect.any(String));
    if (el['type'] === 'Input.Toggle') expect(el['title']).toEqual(expect.any(String));
  }
}
