import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { todayIn } from '@soestainable/shared/calendar';
import {
  CATALOGUE,
  CHECKIN_OUTCOME_LABELS,
  CHECKIN_QUESTIONS,
  DISTANCE_BAND_LABELS,
  FREQUENCY_LABELS,
  TRAVEL_MODE_LABELS,
  type Challenge,
} from '@soestainable/shared/catalogue';
import type { Language } from '@soestainable/shared/domain/types';
import { formatLongDate } from '@soestainable/bot/cards/format';
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { languageOfLocale } from '@soestainable/bot/cards/texts';
import { t } from '@soestainable/shared/text';
import { LANGUAGE_NAMES } from '@soestainable/bot/features/core/cards';
import { enrolTexts } from '@soestainable/bot/features/enrol/texts';
import { myDataTexts } from '@soestainable/bot/features/myData/texts';
import { EXPORT_PATH_PREFIX } from '@soestainable/bot/features/myData/verbs';
import { progressTexts } from '@soestainable/bot/features/progress/texts';
import { reportsTexts } from '@soestainable/bot/features/reports/texts';
import { settingsTexts } from '@soestainable/bot/features/settings/texts';
import { welcomeTexts } from '@soestainable/bot/features/welcome/texts';
import { DEMO_LABEL, DEMO_TEAMS } from '@soestainable/bot/seed/demoData';
import { helpTexts } from '@soestainable/bot/features/help/texts';
import { IMG_DIR, picturePath, recordPicture, type PictureName } from '../helpers/guidePictures';
import { squash, WAIT_MS, type BotMessage } from './helpers/playground';
import { openPorts } from './helpers/stack';
import { openStory } from './helpers/story';

/**
 * Issue 3, "Done when" 1: in the Agents Playground (the built `npm start` stack, driven in Debian's headless
 * Chromium) a new user joins, gets the day's card by typing "inchecken", checks in and sees the card change in
 * place, reports a barrier, asks for progress, exports and deletes their data — in Dutch, and in English after
 * "taal en". One stack and one page for the whole story; each step is its own test, and after a failed step the
 * rest are not run (they would only fail for the same reason).
 */
const root = join(__dirname, '..', '..');
const SHOTS = join(root, 'test-results', 'e2e');

/**
 * A Wednesday: the demo seed starts its campaign five working days before the app's "today", so this is a
 * campaign working day whatever the real date is.
 */
const DEV_CLOCK = '2026-12-02T08:00:00+01:00';
const TODAY = todayIn(new Date(DEV_CLOCK));

/**
 * The Playground stamps every typed message with `locale: "en-US"` (not configurable), so before joining the bot
 * answers in English; after joining, the language chosen on the enrolment card wins.
 */
const PLAYGROUND_LOCALE = 'en-US';
const BEFORE_JOINING: Language = languageOfLocale(PLAYGROUND_LOCALE);

const TEAM = `${DEMO_LABEL}${DEMO_TEAMS[0]?.name ?? ''}`;
// Like no demo barrier (two shared words would make the bot offer a look-alike to recognise: an extra message).
const BARRIER = 'het fietsenhok heeft geen laadpunt voor e-bikes';

function question(id: 'outcome' | 'travelMode' | 'distanceBand' | 'wasteFree', lang: Language): string {
  const q = CHECKIN_QUESTIONS.find((candidate) => candidate.id === id);
  if (!q) throw new Error(`no check-in question ${id} in the catalogue`);
  return q.text[lang];
}


/** Shared between the steps. */
const seen: { userId?: string; challenge?: Challenge; exportUrl?: string } = {};

/**
 * A picture of the guide (docs/handleiding/img, issue 18): the card of `message` alone, recorded with the hash of its
 * feature's sources (tests/helpers/guidePictures.ts). The bot speaks Dutch by then; the Playground is light.
 */
async function guidePicture(message: BotMessage, name: PictureName): Promise<void> {
  // The chat scrolls inside its own pane under a toolbar: a tall window shows the whole card, its end in view.
  const before = message.page.viewportSize();
  await message.page.setViewportSize({ width: before?.width ?? 1280, height: 2000 });
  try {
    await message.card.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await message.card.screenshot({ path: picturePath(name) });
  } finally {
    if (before !== null) await message.page.setViewportSize(before);
  }
  recordPicture(name);
}

/** A Teams app id, so that the help card links to the tab's "Hoe werkt het?" page as it does in Teams. */
const TEAMS_APP_ID = '2f9f4c52-6a0e-4b4e-9d55-1f0e8f3a7c11';

const story = openStory({
  shots: SHOTS,
  extraEnv: { DEV_CLOCK, TEAMS_APP_ID },
  ready: async () => {
    mkdirSync(join(root, IMG_DIR), { recursive: true });
  },
});
const { step, pg, screenshot } = story;

/** GETs the export link the "mijn gegevens" card offered (from here, like a browser would) and parses its JSON. */
async function download(): Promise<Record<string, unknown>> {
  const url = seen.exportUrl;
  if (!url) throw new Error('no download link from the "mijn gegevens" step');
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200) {
    const token = url.slice(url.indexOf(EXPORT_PATH_PREFIX) + EXPORT_PATH_PREFIX.length);
    throw new Error(`the download link from the card answers ${res.status} (its token is ${token.length} characters long):\nGET ${url}\n${body}`);
  }
  return JSON.parse(body) as Record<string, unknown>;
}



describe('issue 3 in the Agents Playground: join, check in, barrier, progress, export and delete, Dutch then English', () => {
  step('install: the welcome card with "Doe mee" / "Join"', async () => {
    const welcomes: Array<{ message: BotMessage; lang: Language }> = [];
    for (const message of await pg().greetings()) {
      const text = await message.text();
      for (const lang of ['nl', 'en'] as const) if (text.includes(squash(welcomeTexts.title[lang]))) welcomes.push({ message, lang });
    }
    // The Playground sends installationUpdate and conversationUpdate for one install milliseconds apart; the
    // welcome is decided by an insert-if-absent of the conversation reference, so exactly one arrives.
    expect(welcomes).toHaveLength(1);
    for (const { message, lang } of welcomes) {
      await message.expectTexts('welcome', [welcomeTexts.line1[lang], welcomeTexts.line2[lang], welcomeTexts.line3[lang], welcomeTexts.voluntary[lang]]);
      await message.card.getByRole('button', { name: welcomeTexts.join[lang], exact: true }).waitFor({ state: 'visible', timeout: WAIT_MS });
    }

    // Who the Playground says the user is: without from.aadObjectId and a tenant the bot cannot tell.
    const install = await pg().activity(/installationUpdate \d{3}/);
    if (install === undefined) throw new Error('no installationUpdate in the Log Panel');
    const activity = JSON.parse(install) as { from?: { aadObjectId?: string }; conversation?: { tenantId?: string }; channelData?: { tenant?: { id?: string } } };
    const userId = activity.from?.aadObjectId;
    const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
    if (!userId || !tenantId) throw new Error(`the Playground's installationUpdate has no from.aadObjectId or tenant:\n${install}`);
    seen.userId = userId;
  });

  step('"doe mee": the enrolment card; joined in Dutch, the card replaced in place by the confirmation', async () => {
    const en = BEFORE_JOINING;
    const card = await pg().send('doe mee');
    const text = await card.expectTexts('enrolment card', [enrolTexts.titleNew[en], enrolTexts.baselineTitle[en]]);
    expect(text).not.toContain(squash(t(coreTexts.noIdentity, en)));
    await screenshot('enrolment-card');

    await card.choose(enrolTexts.team[en], TEAM);
    await card.pick(enrolTexts.language[en], LANGUAGE_NAMES.nl);
    await card.choose(enrolTexts.commuteMode[en], TRAVEL_MODE_LABELS.fiets[en]);
    await card.choose(enrolTexts.distanceBand[en], DISTANCE_BAND_LABELS['5-10'][en]);
    await card.pick(enrolTexts.packaging[en], FREQUENCY_LABELS.sometimes[en]);
    await card.tick(enrolTexts.screensOff[en]);
    await card.submit('enrolment', enrolTexts.submitNew[en], [
      enrolTexts.joinedTitle.nl,
      TEAM,
      LANGUAGE_NAMES.nl,
      `${TRAVEL_MODE_LABELS.fiets.nl}, ${DISTANCE_BAND_LABELS['5-10'].nl}`,
      FREQUENCY_LABELS.sometimes.nl,
      enrolTexts.yourData.nl,
    ]);
  });

  step('"inchecken": the day\'s card; checked in, the card replaced in place by the summary', async () => {
    const date = formatLongDate(TODAY, 'nl');
    const card = await pg().send('inchecken');
    const text = await card.expectTexts("the day's card", [t(checkinTexts.checkInHeading, 'nl', { date }), question('outcome', 'nl')]);
    const challenge = CATALOGUE.find((c) => text.includes(squash(c.title.nl)));
    if (!challenge) throw new Error(`the day's card shows no challenge from the catalogue:\n${text}`);
    seen.challenge = challenge;
    await screenshot('daily-card');
    await guidePicture(card, 'bot-checkin.png');

    await card.pick(question('outcome', 'nl'), CHECKIN_OUTCOME_LABELS.done.nl);
    await card.choose(question('travelMode', 'nl'), TRAVEL_MODE_LABELS.fiets.nl);
    // Pre-filled from the baseline on the enrolment card.
    expect(await card.comboboxValue(question('distanceBand', 'nl'))).toBe(DISTANCE_BAND_LABELS['5-10'].nl);
    await card.tick(question('wasteFree', 'nl'));
    if (challenge.question.kind === 'yesno') {
      await card.tick(challenge.question.text.nl);
    } else {
      const label = t(checkinTexts.countLabel, 'nl', { question: challenge.question.text.nl });
      await card.card.getByRole('spinbutton', { name: label, exact: true }).fill('2');
    }
    await card.submit('check-in', checkinTexts.submit.nl, [
      t(checkinTexts.summaryTitle, 'nl', { date }),
      challenge.title.nl,
      CHECKIN_OUTCOME_LABELS.done.nl,
      t(checkinTexts.travelValue, 'nl', { mode: TRAVEL_MODE_LABELS.fiets.nl, band: DISTANCE_BAND_LABELS['5-10'].nl }),
      checkinTexts.factCo2.nl,
    ]);
  });

  step('"prikkel: …": the barrier card; sent, the card replaced in place by the thanks with a P- reference', async () => {
    const card = await pg().send(`prikkel: ${BARRIER}`);
    await card.expectTexts('barrier card', [reportsTexts.barrierTitle.nl, reportsTexts.barrierIntro.nl]);
    expect(await card.card.getByRole('textbox', { name: reportsTexts.barrierTextLabel.nl, exact: true }).inputValue()).toBe(BARRIER);
    await guidePicture(card, 'bot-barrier.png');
    const text = await card.submit('barrier', reportsTexts.send.nl, [reportsTexts.barrierThanks.nl, reportsTexts.reference.nl, BARRIER]);
    expect(text).toMatch(/\bP-[A-Z0-9]{3,}\b/);
  });

  step('"voortgang": the progress card in Dutch', async () => {
    const card = await pg().send('voortgang');
    await card.expectTexts('progress', [progressTexts.title.nl, progressTexts.streak.nl, t(progressTexts.streakValue, 'nl', { count: 1 }), progressTexts.checkedIn.nl]);
    await guidePicture(card, 'bot-progress.png');
  });

  step('"mijn gegevens": the summary card with the download and delete buttons', async () => {
    const card = await pg().send('mijn gegevens');
    await card.expectTexts('my data', [myDataTexts.summaryTitle.nl, t(myDataTexts.checkInCount, 'nl', { count: 1 }), myDataTexts.surveyBaseline.nl]);
    await card.card.getByRole('button', { name: myDataTexts.deleteButton.nl, exact: true }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await guidePicture(card, 'bot-mydata.png');

    // The Action.OpenUrl button opens the link in a new window, as Teams would; the answer is a file download
    // (Content-Disposition: attachment), so the window may close at once: take the URL from the request.
    const link = card.card.getByRole('link', { name: myDataTexts.download.nl, exact: true });
    const [request] = await Promise.all([
      card.page.context().waitForEvent('request', { predicate: (r) => new URL(r.url()).pathname.startsWith(EXPORT_PATH_PREFIX), timeout: WAIT_MS }),
      link.click(),
    ]);
    seen.exportUrl = request.url();
    for (const other of card.page.context().pages()) if (other !== card.page) await other.close().catch(() => undefined);
  });

  step(
    'the download link from the card: a JSON export that holds the check-in',
    async () => {
      const data = await download();
      expect(data['userId']).toBe(seen.userId);
      expect(data['participant']).toMatchObject({ teamId: DEMO_TEAMS[0]?.teamId, language: 'nl' });
      expect(data['checkIns']).toEqual([
        expect.objectContaining({ date: TODAY, challengeId: seen.challenge?.id, outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: true }),
      ]);
      expect(data['surveys']).toEqual([expect.objectContaining({ kind: 'baseline' })]);
    },
    { blocking: false },
  );

  step('"hulp": the help card in Dutch, with "Hoe werkt het?" linking to the tab', async () => {
    const card = await pg().send('hulp');
    await card.expectTexts('help', [helpTexts.title.nl, helpTexts.intro.nl]);
    const link = card.card.getByRole('link', { name: helpTexts.guide.nl, exact: true });
    await link.waitFor({ state: 'visible', timeout: WAIT_MS });
    await guidePicture(card, 'bot-help.png');
  });

  step('"taal en": the bot switches to English', async () => {
    const card = await pg().send('taal en');
    await card.expectTexts('language', [settingsTexts.languageSetTitle.en, settingsTexts.languageSet.en]);
  });

  step('"progress": the progress card in English', async () => {
    const card = await pg().send('progress');
    await card.expectTexts('progress', [progressTexts.title.en, progressTexts.streak.en, t(progressTexts.streakValue, 'en', { count: 1 }), progressTexts.checkedIn.en]);
  });

  step('"delete my data": confirmed, the card replaced in place by "deleted"', async () => {
    const card = await pg().send('delete my data');
    await card.expectTexts('delete confirmation', [myDataTexts.confirmTitle.en, myDataTexts.confirmWhat.en]);
    await card.submit('delete', myDataTexts.confirmYes.en, [myDataTexts.deletedTitle.en, myDataTexts.deletedCheckIns.en, myDataTexts.deletedAfter.en]);
  });

  step(
    'after the deletion the same download link (valid for ten minutes) shows nothing personal',
    async () => {
      expect(await download()).toMatchObject({ participant: null, checkIns: [], surveys: [], conversationReferences: [] });
    },
    { blocking: false },
  );

  step(
    'Ctrl-C stops the stack and frees its ports',
    async () => {
      await pg().expectNoErrors();
      await story.browser?.close();
      const stack = story.stack;
      if (!stack) throw new Error('no stack');
      expect(await stack.stop()).toBe(0);
      expect(await openPorts(stack)).toEqual([]);
    },
    { closesBrowser: true },
  );
});
