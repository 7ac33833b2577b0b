import { SIMILAR_THRESHOLD, similarity } from '@soestainable/bot/services/recognition/similarity';

describe('barrier text similarity', () => {
  it.each([
    ['De kantine heeft alleen plastic bekers', 'In de kantine zijn alleen plastic bekertjes'],
    ['Er staan geen prullenbakken om afval te scheiden', 'Afval scheiden kan nergens, geen aparte prullenbak'],
    ['De fietsenstalling is altijd vol', 'Fietsenstalling vol, ik kan mijn fiets nergens kwijt'],
    ['De lampen in de kelder branden altijd', 'Lampen in de kelder blijven de hele nacht branden'],
    ['The canteen only has plastic cups', 'Only plastic cups in the canteen'],
  ])('"%s" looks like "%s"', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
  });

  it.each([
    ['De kantine heeft alleen plastic bekers', 'De lampen in de kelder branden altijd'],
    ['De fietsenstalling is altijd vol', 'Geen groene stroom in het depot'],
    ['Printers printen standaard enkelzijdig', 'De verwarming staat in het weekend aan'],
    ['De kantine heeft alleen plastic bekers', ''],
    ['melding 2', 'melding 3'],
    ['geen bekers', 'geen bekers'],
    ['Anoniem gemeld', 'Met contact gemeld'],
    ['leverancier levert alles in plastic', 'de kantine heeft alleen bekers van plastic'],
  ])('"%s" does not look like "%s"', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(SIMILAR_THRESHOLD);
  });

  it('is symmetric and 1 for the same text', () => {
    expect(similarity('Plastic bekers kantine', 'plastic BEKERS! kantine')).toBe(1);
    expect(similarity('a b c fietsen', 'fiets')).toBe(similarity('fiets', 'a b c fietsen'));
  });
});
