import { CATALOGUE } from '@soestainable/shared/catalogue';
import { ChallengesRepository, type CatalogueChallenge } from '@soestainable/bot/storage/repositories/challenges';
import { useTestTables } from '../../helpers/storage';

function challenge(id: string, day: number): CatalogueChallenge {
  return {
    id,
    day,
    theme: 'energietransitie',
    title: { nl: 'Licht uit', en: 'Lights off' },
    action: { nl: 'Doe het licht uit.', en: 'Switch the lights off.' },
    tip: { nl: 'Meld een prikkel.', en: 'Report a barrier.' },
    question: { id: 'licht-uit', kind: 'yesno', text: { nl: 'Gelukt?', en: 'Done?' } },
  };
}

describe('ChallengesRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: ChallengesRepository;

  beforeAll(() => {
    repo = new ChallengesRepository(tables.store('Challenges'));
  });

  it('stores the built-in catalogue as it is and reads it back by day', async () => {
    await repo.saveAll('soest', CATALOGUE);
    const listed = await repo.list('soest');
    expect(listed).toEqual([...CATALOGUE].sort((a, b) => a.day - b.day));
    const first = CATALOGUE[0];
    if (!first) throw new Error('empty catalogue');
    expect(await repo.get('soest', first.id)).toEqual(first);
  });

  it('answers undefined for a missing entry', async () => {
    expect(await repo.get('soest', 'nope')).toBeUndefined();
    expect(await repo.get('nobody', 'nope')).toBeUndefined();
    expect(await repo.list('nobody')).toEqual([]);
  });

  it('replaces the entries it is given and leaves the others alone', async () => {
    await repo.saveAll('edit', [challenge('a', 1), challenge('b', 2)]);
    await repo.saveAll('edit', [{ ...challenge('b', 2), title: { nl: 'Nieuw', en: 'New' } }, challenge('c', 3)]);
    const listed = await repo.list('edit');
    expect(listed.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(listed[1]?.title).toEqual({ nl: 'Nieuw', en: 'New' });
  });

  it('writes nothing when one entry of the batch is invalid, duplicated, or there are too many', async () => {
    const bad = { ...challenge('y', 2), theme: 'other' } as unknown as CatalogueChallenge;
    await expect(repo.saveAll('atomic', [challenge('x', 1), bad])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.saveAll('atomic', [challenge('x', 1), challenge('x', 2)])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const many = Array.from({ length: 101 }, (_, i) => challenge(`c${i}`, i + 1));
    await expect(repo.saveAll('atomic', many)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.list('atomic')).toEqual([]);
    await repo.saveAll('atomic', many.slice(0, 100));
    expect(await repo.list('atomic')).toHaveLength(100);
  });

  it('keeps ids with characters Table Storage forbids in keys', async () => {
    const odd = challenge('dag/1\\#?|%\u0004', 1);
    await repo.saveAll('org/x', [odd]);
    expect(await repo.get('org/x', odd.id)).toEqual(odd);
    expect(await repo.remove('org/x', odd.id)).toBe(true);
  });

  it('reports a corrupted row as STORAGE_DATA_INVALID', async () => {
    const client = tables.client('Challenges');
    await client.upsertEntity({ partitionKey: 'broken', rowKey: 'a', payload: 'not json' });
    await expect(repo.get('broken', 'a')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.upsertEntity({ partitionKey: 'broken', rowKey: 'a', payload: JSON.stringify({ ...challenge('a', 1), day: 0 }) });
    await expect(repo.list('broken')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });
});
