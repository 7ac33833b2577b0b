import { createYouSaidJob } from '@soestainable/bot/jobs/yousaid';
import { cardProblems, cardText, elements } from '../../helpers/cards';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, deliveredCard, type JobWorld } from './digests.harness';

describe('"you said, we did" job (Azurite, fake connector over real HTTP)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const ids = { withContact1: '', withContact2: '', anonymous: '', laterLinked: '', deleted: '' };
  let actionId = '';
  const cardsTo = (userId: string) =>
    connector.deliveries.filter((d) => d.conversationId === `conv-${userId}`).map((d) => deliveredCard(d.body));

  async function barrier(text: string, contactUserId?: string): Promise<string> {
    const b = await world.repos.barriers.create({
      orgId: 'soest',
      campaignId: 'c1',
      teamId: 'publiekszaken',
      theme: 'circulariteit',
      text,
      ...(contactUserId === undefined ? {} : { contactUserId }),
    });
    return b.barrierId;
  }
  async function setStatus(status: 'gepland' | 'in_uitvoering' | 'gerealiseerd'): Promise<void> {
    const stored = await world.repos.actions.get('soest', actionId);
    await world.repos.actions.update('soest', actionId, stored?.etag ?? '', { status }, 'coordinator-1');
  }

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    await world.repos.participants.save(participant({ userId: 'u-en', language: 'en' }));
    for (const id of ['u-nl', 'u-en', 'u-late']) await world.addConversation(id);

    world.clock = new Date('2026-12-02T09:00:00Z');
    ids.withContact1 = await barrier('In de kantine zijn alleen plastic bekers', 'u-nl');
    ids.withContact2 = await barrier('Geen **vaatwasser** op de tweede verdieping', 'u-en');
    ids.anonymous = await barrier('Koffiebekers worden niet gescheiden');
    ids.laterLinked = await barrier('Geen afvalbakken voor gft', 'u-late');
    ids.deleted = await barrier('Deze melding wordt verwijderd', 'u-nl');
    const { action } = await world.repos.actions.create(
      { orgId: 'soest', title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, description: { nl: '', en: '' }, theme: 'circulariteit', dimension: 'uitvoering', owner: 'Team Facilitair' },
      'coordinator-1',
    );
    actionId = action.actionId;
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('a link reaches only the reporters who allowed contact, with their reference, text, the action, its status and owner', async () => {
    world.clock = new Date('2026-12-03T09:00:00Z');
    await world.repos.actions.linkBarriers('soest', actionId, [ids.withContact1, ids.withContact2, ids.anonymous], 'coordinator-1');
    const summary = await createYouSaidJob(world.deps()).run({ at: new Date('2026-12-03T09:01:00Z'), dryRun: false });

    expect(summary.runs).toHaveLength(1);
    expect(summary.runs[0]).toMatchObject({ kind: 'yousaid', queued: 2, sent: 2, skipped: 0, failed: 0 });
    expect(summary.counts).toMatchObject({ changes: 1, recipients: 2, anonymous: 1 });
    expect(connector.deliveries).toHaveLength(2);

    const [nl] = cardsTo('u-nl');
    expect(nl && cardProblems(nl)).toEqual([]);
    const nlText = cardText(nl ?? {});
    const reference1 = (await world.repos.barriers.get('soest', ids.withContact1))?.reference ?? 'missing';
    expect(reference1).toMatch(/^P-[0-9A-Z]{4}$/);
    expect(nlText).toContain('Jij zei, wij deden');
    expect(nlText).toContain('Je prikkel is opgepakt');
    expect(nlText).toContain(reference1);
    expect(nlText).toContain('In de kantine zijn alleen plastic bekers');
    expect(nlText).toContain('Herbruikbare bekers');
    expect(nlText).toContain('Idee');
    expect(nlText).toContain('Team Facilitair');
    // Only their own report: not another reporter's, not the anonymous one.
    expect(nlText).not.toContain('vaatwasser');
    expect(nlText).not.toContain('gescheiden');

    const [en] = cardsTo('u-en');
    expect(en && cardProblems(en)).toEqual([]);
    expect(cardText(en ?? {})).toContain('You said, we did');
    expect(cardText(en ?? {})).toContain('Reusable cups');
    // What a person typed is a plain TextRun: Markdown stays literal text.
    expect(elements(en).some((e) => e['type'] === 'TextRun' && e['text'] === 'Geen **vaatwasser** op de tweede verdieping')).toBe(true);
  });

  it('a status change reaches the reporters linked at that moment, not one linked later; every change once, however often it runs', async () => {
    world.clock = new Date('2026-12-04T09:00:00Z');
    await setStatus('in_uitvoering');
    world.clock = new Date('2026-12-04T10:00:00Z');
    await world.repos.actions.linkBarriers('soest', actionId, [ids.laterLinked], 'coordinator-1');

    const at = new Date('2026-12-04T10:01:00Z');
    const first = await createYouSaidJob(world.deps()).run({ at, dryRun: false });
    const second = await createYouSaidJob(world.deps({}, 'instance-b')).run({ at: new Date('2026-12-04T10:02:00Z'), dryRun: false });

    expect(first.runs.map((r) => r.sent)).toEqual([2, 1]); // status → u-nl, u-en; link → u-late
    // The second run finds every claim taken already and starts no fan-out at all.
    expect(second.runs).toEqual([]);
    expect(second.counts).toMatchObject({ alreadyClaimed: 5 });
    expect(cardsTo('u-nl')).toHaveLength(2);
    expect(cardsTo('u-en')).toHaveLength(2);
    expect(cardsTo('u-late')).toHaveLength(1);
    expect(cardText(cardsTo('u-nl')[1] ?? {})).toContain('De actie bij je prikkel heeft een nieuwe status.');
    expect(cardText(cardsTo('u-nl')[1] ?? {})).toContain('In uitvoering');
    expect(cardText(cardsTo('u-en')[1] ?? {})).toContain('In progress');
    // The late reporter hears of the link, with the status the action had then, and never of the earlier change.
    expect(cardText(cardsTo('u-late')[0] ?? {})).toContain('Je prikkel is opgepakt');
    expect(cardText(cardsTo('u-late')[0] ?? {})).toContain('In uitvoering');
    expect(connector.duplicates(2)).toEqual([]);
  });

  it('two jobs running at the same time send each card once', async () => {
    world.clock = new Date('2026-12-07T09:00:00Z');
    await setStatus('gerealiseerd');
    const before = connector.deliveries.length;
    const at = new Date('2026-12-07T09:01:00Z');
    const [a, b] = await Promise.all([
      createYouSaidJob(world.deps({}, 'instance-a')).run({ at, dryRun: false }),
      createYouSaidJob(world.deps({}, 'instance-b')).run({ at, dryRun: false }),
    ]);
    const sent = [...a.runs, ...b.runs].reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(3);
    expect(connector.deliveries.length - before).toBe(3);
    for (const user of ['u-nl', 'u-en', 'u-late']) {
      expect(cardsTo(user).filter((c) => /Status: \n(Gerealiseerd|Done)$/m.test(cardText(c)))).toHaveLength(1);
    }
  });

  it('an action whose barrier was deleted: a logged skip, the others still hear', async () => {
    world.clock = new Date('2026-12-08T09:00:00Z');
    const fresh = await barrier('Nog een melding', 'u-en');
    await world.tables.client('Barriers').deleteEntity('soest', ids.deleted);
    await world.repos.actions.linkBarriers('soest', actionId, [ids.deleted, fresh, 'nooit-bestaan'], 'coordinator-1');
    const before = connector.deliveries.length;
    const summary = await createYouSaidJob(world.deps()).run({ at: new Date('2026-12-08T09:01:00Z'), dryRun: false });
    expect(summary.counts).toMatchObject({ barrier_missing: 2, recipients: 1 });
    expect(summary.runs.at(-1)).toMatchObject({ sent: 1, skipped: 2, skippedByReason: { barrier_missing: 2 }, failed: 0 });
    expect(connector.deliveries.length - before).toBe(1);
    expect(cardText(cardsTo('u-en').at(-1) ?? {})).toContain('Nog een melding');
    // The next minute's run neither sends nor logs the skip again: it is recorded once, in the claims.
    const again = await createYouSaidJob(world.deps()).run({ at: new Date('2026-12-08T09:02:00Z'), dryRun: false });
    expect(again.runs).toEqual([]);
    expect(connector.deliveries.length - before).toBe(1);
    const skips = world.logs.filter((l) => l['message'] === 'yousaid: a linked barrier is skipped');
    expect(skips.map((l) => l['barrierId']).sort()).toEqual([ids.deleted, 'nooit-bestaan'].sort());
    // Ids and a reason code only: never the barrier's text.
    expect(JSON.stringify(skips)).not.toContain('melding');
  });

  it('changes older than the look-back window and anonymous-only links send nothing', async () => {
    world.clock = new Date('2026-12-09T09:00:00Z');
    const anonymous2 = await barrier('Anoniem, zonder contact');
    await world.repos.actions.linkBarriers('soest', actionId, [anonymous2], 'coordinator-1');
    const before = connector.deliveries.length;
    const now = await createYouSaidJob(world.deps()).run({ at: new Date('2026-12-09T09:01:00Z'), dryRun: false });
    // No fan-out at all: an anonymous barrier has nobody to claim for.
    expect(now.runs).toEqual([]);
    expect(now.counts['anonymous']).toBeGreaterThan(0);
    // Three weeks on, nothing of this is news any more.
    const late = await createYouSaidJob(world.deps()).run({ at: new Date('2026-12-30T09:00:00Z'), dryRun: false });
    expect(late).toMatchObject({ runs: [], skippedBecause: 'no_changes' });
    expect(connector.deliveries.length).toBe(before);
  });
});
