import type { Theme } from '@soestainable/shared/domain/types';

/**
 * Word parts that hint at a theme, Dutch and English. A part of 4 or more letters matches anywhere in a word
 * (Dutch compounds: "koffiebekers", "fietsenstalling"); a shorter one only the whole word ("bus", "car"). Only a
 * pre-selection on the card: the reporter can change it.
 */
const KEYWORDS: Readonly<Record<Theme, readonly string[]>> = {
  circulariteit: [
    'afval', 'plastic', 'plastiek', 'beker', 'verpak', 'wegwerp', 'recycl', 'hergebruik', 'papier', 'print', 'prullenbak',
    'scheiden', 'statiegeld', 'bestek', 'servies', 'kantine', 'lunch', 'koffie', 'fles',
    'waste', 'cup', 'packag', 'disposable', 'reuse', 'paper', 'bottle', 'canteen', 'cutlery',
  ],
  energietransitie: [
    'energie', 'stroom', 'licht', 'lamp', 'verwarm', 'kachel', 'airco', 'thermostaat', 'scherm', 'computer', 'laptop',
    'fiets', 'auto', 'trein', 'bus', 'parkeer', 'reis', 'reiz', 'thuiswerk', 'laadpa', 'laadpunt', 'lift', 'zonnepane',
    'energy', 'power', 'light', 'heating', 'screen', 'bike', 'bicycle', 'car', 'train', 'travel', 'commut', 'parking',
    'charging', 'solar',
  ],
  mvoi: [
    'inkoop', 'inkopen', 'ingekocht', 'leverancier', 'contract', 'aanbested', 'bestel', 'levering', 'bezorg', 'catering',
    'procure', 'purchas', 'supplier', 'tender', 'deliver', 'vendor',
  ],
};

/** The theme a report most likely belongs to: the most words with a hint; a tie goes to the theme listed first, no hint to circulariteit. */
export function guessTheme(text: string): Theme {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let best: Theme = 'circulariteit';
  let bestHits = 0;
  for (const theme of Object.keys(KEYWORDS) as Theme[]) {
    const hits = words.filter((w) => KEYWORDS[theme].some((k) => (k.length >= 4 ? w.includes(k) : w === k))).length;
    if (hits > bestHits) {
      best = theme;
      bestHits = hits;
    }
  }
  return best;
}
