import { RecognitionsRepository } from '@soestainable/bot/storage/repositories/recognitions';
import { expectCode, rawRows, useTestTables } from '../../helpers/storage';

describe('RecognitionsRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: RecognitionsRepository;

  beforeAll(() => {
    repo = new RecognitionsRepository(tables.store('Recognitions'), () => new Date('2026-12-07T09:00:00.000Z'));
  });

  it('counts a person once, withdraws, and keeps "laat me weten"', async () => {
    expect(await repo.recognise('o1', 'b1', 'u1')).toEqual({ changed: true, count: 1 });
    expect(await repo.recognise('o1', 'b1', 'u1')).toEqual({ changed: false, count: 1 });
    expect(await repo.recognise('o1', 'b1', 'u2', true)).toEqual({ changed: true, count: 2 });
    expect(await repo.count('o1', 'b1')).toBe(2);
    expect(await repo.listByUser('o1', 'u2')).toEqual([{ orgId: 'o1', barrierId: 'b1', userId: 'u2', notify: true, createdAt: '2026-12-07T09:00:00.000Z' }]);
    expect(await repo.setNotify('o1', 'b1', 'u1', true)).toBe(true);
    expect(await repo.setNotify('o1', 'b9', 'u1', true)).toBe(false);
    expect((await repo.listByBarrier('o1', 'b1')).map((r) => [r.userId, r.notify])).toEqual([['u1', true], ['u2', true]]);
    expect(await repo.withdraw('o1', 'b1', 'u1')).toEqual({ changed: true, count: 1 });
    expect(await repo.withdraw('o1', 'b1', 'u1')).toEqual({ changed: false, count: 1 });
    expect(await repo.counts('o1')).toEqual(new Map([['b1', 1]]));
    // Another organisation's partition is apart.
    expect(await repo.count('o2', 'b1')).toBe(0);
  });

  it('stays exact under a double click and two devices at once (concurrent, same person and many people)', async () => {
    const same = await Promise.all(Array.from({ length: 6 }, () => repo.recognise('o1', 'race', 'u1')));
    expect(same.filter((r) => r.changed)).toHaveLength(1);
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => repo.recognise('o1', 'race', `p${i}`)));
    expect(people.every((r) => r.changed)).toBe(true);
    expect(await repo.count('o1', 'race')).toBe(9);
    const withdrawn = await Promise.all([repo.withdraw('o1', 'race', 'u1'), repo.withdraw('o1', 'race', 'u1'), repo.recognise('o1', 'race', 'p0')]);
    expect(withdrawn.filter((r) => r.changed)).toHaveLength(1);
    expect(await repo.count('o1', 'race')).toBe(8);
    expect(await repo.listByBarrier('o1', 'race')).toHaveLength(8);
  });

  it('merging moves recognitions one per person, keeping "laat me weten"', async () => {
    await repo.recognise('o3', 'from', 'a', true);
    await repo.recognise('o3', 'from', 'b');
    await repo.recognise('o3', 'into', 'b');
    await repo.recognise('o3', 'into', 'c');
    expect(await repo.move('o3', 'from', 'into')).toBe(1);
    expect(await repo.count('o3', 'into')).toBe(3);
    expect(await repo.count('o3', 'from')).toBe(0);
    expect((await repo.listByBarrier('o3', 'into')).map((r) => [r.userId, r.notify])).toEqual([['a', true], ['b', false], ['c', false]]);
    // Again: nothing more to move.
    expect(await repo.move('o3', 'from', 'into')).toBe(0);
  });

  it('forgets a person (erasure) and purges barriers (retention) with their counts', async () => {
    await repo.recognise('o4', 'x', 'gone');
    await repo.recognise('o4', 'y', 'gone');
    await repo.recognise('o4', 'y', 'stays');
    expect(await repo.forgetUser('o4', 'gone')).toBe(2);
    expect(await repo.listByUser('o4', 'gone')).toEqual([]);
    expect(await repo.counts('o4')).toEqual(new Map([['y', 1]]));
    expect(await repo.purgeBarriers('o4', ['y'], true)).toBe(1);
    expect(await repo.count('o4', 'y')).toBe(1);
    expect(await repo.purgeBarriers('o4', ['y'], false)).toBe(1);
    const left = (await rawRows(tables.client('Recognitions'))).filter((r) => r['partitionKey'] === 'o4');
    expect(left.map((r) => r['rowKey'])).toEqual(['c|x']);
  });

  it('refuses an empty id before anything is written', async () => {
    await expect(repo.recognise('o1', '', 'u1')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
    await expect(repo.withdraw('o1', 'b1', '')).rejects.toEqual(expectCode('VALIDATION_FAILED'));
  });
});
