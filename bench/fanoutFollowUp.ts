/**
 * Case C of `npm run bench:fanout` (issue 15): one follow-up wave through the real `followups` job. 10,000
 * participants with a pledge of two habits, all with nudge time 09:00, a campaign whose last challenge day is
 * Friday 11 Dec 2026, so wave 1 goes out on Monday 28 Dec (Christmas moves it); the job runs at 09:00 that day with
 * SEND_RATE = L against a fake Bot Connector that enforces L and answers 2 % of first tries with 429.
 */
import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { loadConfig } from '@soestainable/bot/config';
import { buildDailyCard } from '@soestainable/bot/features/checkin/cards';
import { buildPulseCard } from '@soestainable/bot/features/followUp/cards';
import { createJobs } from '@soestainable/bot/jobs';
import type { FollowUpReads } from '@soestainable/bot/jobs/followups';
import { createLogger } from '@soestainable/bot/platform/logger';
import { BotbuilderSender } from '@soestainable/bot/proactive/botbuilderSender';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { seededRandom } from '@soestainable/testing/seeded';
import { describeWall, Timings } from './fanoutTimings';
import { processCpuMs } from './processCpu';

export interface WaveSpec {
  readonly connectionString: string;
  readonly azuritePid: number;
  readonly recipients: number;
  /** The tenant limit L (sends/s), and the job's SEND_RATE. */
  readonly limit: number;
  readonly concurrency: number;
  /** The job's reads (default: as in production); the `--point-reads` runs pass point reads for everyone. */
  readonly reads?: FollowUpReads;
  /** Fresh tables per wave (default `fanoutwave`), so two waves in one run do not share claims. */
  readonly tablePrefix?: string;
}

export interface WaveOutcome {
  readonly run: SendRun;
  readonly seedMs: number;
  readonly wallMs: number;
  readonly sent: number;
  readonly perSecond: number;
  readonly duplicates: number;
  readonly missed: number;
  readonly injected: number;
  readonly tenant429: number;
  readonly conversation429: number;
  readonly timings: string;
  readonly cpu: { engine: number; azurite: number | undefined };
  readonly edgesMs: { first: number; last: number };
  /** Where the wall time went against the ideal (see describeWall). */
  readonly wall: string;
}

const ORG = 'soest';
const CAMPAIGN: Campaign = {
  orgId: ORG,
  campaignId: 'bench-wave',
  name: { nl: 'Bench', en: 'Bench' },
  startDate: '2026-11-30',
  endDate: '2026-12-11',
  dayPlan: CATALOGUE.map((c) => c.id),
  closingDays: [],
  status: 'ended',
  demo: false,
};
/** Monday 28 Dec 2026, 09:00 in Soest: wave 1's day and everyone's nudge time. */
const WAVE_AT = new Date('2026-12-28T08:00:00Z');
const SEED_CONCURRENCY = 32;

const userId = (i: number) => `f-${String(i).padStart(5, '0')}`;

async function pool(count: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await op(next++);
    }),
  );
}

/** Participants (profile, team and slot index), their chat references at `serviceUrl`, and their pledges. */
async function seed(repos: Repositories, n: number, serviceUrl: string): Promise<void> {
  await repos.campaigns.save(CAMPAIGN);
  const [first, second] = CATALOGUE.map((c) => c.id) as [string, string];
  await pool(n, SEED_CONCURRENCY, async (i) => {
    const id = userId(i);
    await repos.participants.save({
      userId: id,
      tenantId: 'bench-tenant',
      orgId: ORG,
      teamId: `team-${i % 40}`,
      language: i % 5 === 0 ? 'en' : 'nl',
      nudgeTime: '09:00',
      status: 'active',
      roles: [],
      joinedAt: '2026-11-27T09:00:00.000Z',
      demo: false,
    });
    await repos.conversationRefs.save({ kind: 'user', userId: id }, 'personal', {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: `conv-${id}`, conversationType: 'personal', tenantId: 'bench-tenant' },
      bot: { id: '28:bot', name: 'Soestainable' },
      user: { id: `29:${id}` },
    });
    await repos.pledges.save({ userId: id, campaignId: CAMPAIGN.campaignId, challengeIds: [first, second], createdAt: '2026-12-11T09:00:00.000Z', updatedAt: '2026-12-11T09:00:00.000Z' });
  });
}

/** Seeds fresh tables, runs the followups job once at 09:00 on the wave day, and counts what the connector got. */
export async function followUpWave(spec: WaveSpec): Promise<WaveOutcome> {
  const { recipients: n, limit } = spec;
  const connector = await new LimitedConnector({ tenantLimitPerSecond: limit, keepBodies: false }).start();
  try {
    const clients = new TableClients({ kind: 'connectionString', connectionString: spec.connectionString }, spec.tablePrefix ?? 'fanoutwave');
    await clients.ensureTables();
    const repos = createRepositories(clients);
    let t = performance.now();
    await seed(repos, n, connector.url);
    const seedMs = performance.now() - t;

    const random = seededRandom(2027);
    let injected = 0;
    const firstTries: number[] = [];
    connector.fault = ({ seq }) => {
      if (seq === 1) firstTries.push(Date.now());
      if (seq !== 1 || random() >= 0.02) return undefined;
      injected++;
      return injected % 2 === 0 ? { status: 429, retryAfterSeconds: 1 } : { status: 429 };
    };
    const timings = new Timings();
    const measured: Repositories = {
      ...repos,
      sendClaims: timings.wrap('claims', repos.sendClaims, ['claimMany', 'finishMany']),
      conversationRefs: timings.wrap('refs', repos.conversationRefs, ['get']),
      participants: timings.wrap('profile', repos.participants, ['getForNudge', 'forNudgeOf', 'listNudgeSlot']),
      pledges: timings.wrap('pledge', repos.pledges, ['get', 'forUsers']),
      followUpAnswers: timings.wrap('answers', repos.followUpAnswers, ['get', 'answeredBy']),
      challenges: timings.wrap('challenges', repos.challenges, ['list']),
    };
    const config = loadConfig({ STORAGE_CONNECTION_STRING: spec.connectionString, ORG_ID: ORG, SEND_RATE: String(limit), LOG_LEVEL: 'warn' });
    const logger = createLogger('warn', (line) => process.stderr.write(line + '\n'));
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const sender = timings.wrap('connector', new BotbuilderSender(adapter, ''), ['send']);
    const jobs = createJobs(
      { config, logger, repos: measured, adapter, now: () => WAVE_AT, nudgeCard: buildDailyCard, pulseCard: buildPulseCard },
      { sender, engine: { concurrency: spec.concurrency }, ...(spec.reads ? { followUpReads: spec.reads } : {}) },
    );

    t = performance.now();
    const startedAt = Date.now();
    const cpuBefore = process.cpuUsage();
    const azuriteBefore = processCpuMs(spec.azuritePid);
    const summary = await jobs.run('followups', { at: WAVE_AT, dryRun: false });
    const wallMs = performance.now() - t;
    const endedAt = Date.now();
    const cpuUsed = process.cpuUsage(cpuBefore);
    const azuriteAfter = processCpuMs(spec.azuritePid);
    const run = summary.runs[0];
    if (run === undefined) throw new Error(`the followups job sent no wave: ${summary.skippedBecause ?? 'no reason given'}`);

    const claims = await repos.sendClaims.listRun('followup', `${CAMPAIGN.campaignId}|w1`);
    const uncertain = new Set(claims.filter((c) => c.state === 'claimed').map((c) => c.recipientId));
    let missed = 0;
    for (let i = 0; i < n; i++) if (connector.deliveredTo(`conv-${userId(i)}`) === 0 && !uncertain.has(userId(i))) missed++;
    const sent = connector.deliveries.length;
    await jobs.stop();
    return {
      run,
      seedMs,
      wallMs,
      sent,
      perSecond: (sent / wallMs) * 1000,
      duplicates: connector.duplicates().length,
      missed,
      injected,
      tenant429: connector.tenantLimit429,
      conversation429: connector.conversationLimit429,
      timings: timings.describe(n),
      cpu: { engine: (cpuUsed.user + cpuUsed.system) / 1000 / n, azurite: azuriteBefore === undefined || azuriteAfter === undefined ? undefined : (azuriteAfter - azuriteBefore) / n },
      edgesMs: { first: (connector.deliveries[0]?.at ?? endedAt) - startedAt, last: endedAt - (connector.deliveries.at(-1)?.at ?? startedAt) },
      wall: describeWall({ startedAt, endedAt, accepted: connector.deliveries, firstTries, limit }),
    };
  } finally {
    await connector.stop();
  }
}
