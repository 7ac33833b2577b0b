import { CardFactory, type Attachment } from 'botbuilder';
import * as ACData from 'adaptivecards-templating';
import { AppError } from '../errors';

/** Teams renders Adaptive Cards up to schema 1.5. */
export const CARD_VERSION = '1.5';
/** A bot message may be ~100 KB; our cards stay far below. */
export const CARD_MAX_BYTES = 40 * 1024;

/**
 * Parsed templates, one per template object. Building an `ACData.Template` parses every expression (~3 ms for a
 * summary card here) while expanding a parsed one takes ~0.15 ms: on the check-in path that was most of the CPU.
 */
const templates = new WeakMap<object, ACData.Template>();

function compiled(template: object): ACData.Template {
  let parsed = templates.get(template);
  if (!parsed) {
    parsed = new ACData.Template(template);
    templates.set(template, parsed);
  }
  return parsed;
}

/**
 * Expands a card template (`*.card.json`, Adaptive Card templating `${…}` syntax) with typed data into the card
 * JSON, and checks the result: schema version 1.5 and under {@link CARD_MAX_BYTES}.
 */
export function expandCard(template: object, data: object): Record<string, unknown> {
  const card = compiled(template).expand({ $root: data }) as Record<string, unknown>;
  card['version'] = CARD_VERSION;
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (size > CARD_MAX_BYTES) {
    throw new AppError('VALIDATION_FAILED', `Card is ${size} bytes, over the ${CARD_MAX_BYTES}-byte limit.`);
  }
  return card;
}

/** {@link expandCard}, wrapped as a message attachment. */
export function renderCard(template: object, data: object): Attachment {
  return CardFactory.adaptiveCard(expandCard(template, data));
}

/** A one-text card, for answers where there is no richer card to show (plain text: never rendered as markup). */
export function messageCard(text: string): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: [{ type: 'TextBlock', text, wrap: true }],
  });
}
