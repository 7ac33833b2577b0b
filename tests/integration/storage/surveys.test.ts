import type { Survey } from '@soestainable/shared/domain/types';
import { SurveysRepository } from '@soestainable/bot/storage/repositories/surveys';
import { useTestTables } from '../../helpers/storage';

function survey(over: Partial<Survey> = {}): Survey {
  return {
    userId: 'u1',
    campaignId: 'c1',
    kind: 'baseline',
    commuteMode: 'auto',
    distanceBand: '10-20',
    disposablePackaging: 'often',
    screensOffAtNight: false,
    lightsOffWhenLeaving: true,
    createdAt: '2026-05-08T10:00:00.000Z',
    ...over,
  };
}

describe('SurveysRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: SurveysRepository;

  beforeAll(() => {
    repo = new SurveysRepository(tables.store('Surveys'));
  });

  it('round-trips baseline and end survey, and a new answer replaces the old one', async () => {
    await repo.save(survey());
    await repo.save(survey({ kind: 'end', commuteMode: 'fiets', disposablePackaging: 'never' }));
    expect(await repo.get('u1', 'c1', 'baseline')).toEqual(survey());
    await repo.save(survey({ screensOffAtNight: true }));
    expect((await repo.get('u1', 'c1', 'baseline'))?.screensOffAtNight).toBe(true);
    expect((await repo.listAll('u1')).map((s) => s.kind)).toEqual(['baseline', 'end']);
  });

  it('answers undefined for a missing survey', async () => {
    expect(await repo.get('u1', 'c2', 'baseline')).toBeUndefined();
    expect(await repo.get('nobody', 'c1', 'end')).toBeUndefined();
  });

  it('deletes all of one person only', async () => {
    await repo.save(survey({ userId: 'u2' }));
    await repo.save(survey({ userId: 'u2', campaignId: 'c2' }));
    expect(await repo.deleteAll('u2')).toBe(2);
    expect(await repo.listAll('u2')).toEqual([]);
    expect(await repo.listAll('u1')).toHaveLength(2);
  });

  it('validates before writing', async () => {
    await expect(repo.save(survey({ userId: 'v', distanceBand: '1000+' as Survey['distanceBand'] }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(repo.save(survey({ userId: 'v', kind: 'midway' as Survey['kind'] }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.listAll('v')).toEqual([]);
  });

  it('keeps ids with characters Table Storage forbids in keys', async () => {
    const odd = survey({ userId: '#/?\\\u0005', campaignId: 'c|/%' });
    await repo.save(odd);
    expect(await repo.get(odd.userId, odd.campaignId, 'baseline')).toEqual(odd);
    expect(await repo.listAll(odd.userId)).toEqual([odd]);
  });

  it('reports a corrupted row as STORAGE_DATA_INVALID', async () => {
    await tables.client('Surveys').upsertEntity({
      partitionKey: 'broken', rowKey: 'c1|baseline', commuteMode: 'jetpack', distanceBand: '0-5', disposablePackaging: 'never',
      screensOffAtNight: true, lightsOffWhenLeaving: true, createdAt: 'x',
    });
    await expect(repo.get('broken', 'c1', 'baseline')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });
});
