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
