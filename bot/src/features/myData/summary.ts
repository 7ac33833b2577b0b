import { DateTime } from 'luxon';
import { TIME_ZONE } from '@soestainable/shared/calendar/isoDate';
import { BARRIER_STATUS_LABELS } from '@soestainable/shared/catalogue/labels';
import type { IdeaStatus } from '@soestainable/shared/domain/programme';
import type { ParticipantStatus } from '@soestainable/shared/domain/organisation';
import { SEND_KINDS, type SendKind } from '@soestainable/shared/domain/sending';
import type { Language, Localized, Role } from '@soestainable/shared/domain/types';
import { fill, literal } from '../../cards/texts';
import type { StoredData } from '../../services/personalData/storedData';
import { myDataTexts as T } from './texts';
import { MY_DATA_VERBS } from './verbs';

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface SummarySection {
  readonly heading: string;
  /** A small line under the heading; empty for none. */
  readonly note: string;
  readonly facts: readonly Fact[];
  /** What to show when there are no facts; empty when there are. */
  readonly empty: string;
}

/** The data of summary.card.json. */
export interface SummaryCardData {
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly SummarySection[];
  readonly downloadNote: string;
  readonly download: string;
  readonly downloadUrl: string;
  readonly deleteButton: string;
  readonly deleteVerb: string;
}

/** Names the summary shows for ids: the team's and the campaigns' (coordinator-given texts, shown through `plain`). */
export interface SummaryNames {
  readonly team: string | undefined;
  readonly campaigns: ReadonlyMap<string, Localized>;
}

const STATUS: Record<ParticipantStatus, Localized> = { active: T.statusActive, paused: T.statusPaused, left: T.statusLeft };
const ROLE: Record<Role, Localized> = { manager: T.roleManager, coordinator: T.roleCoordinator };
const LANGUAGE: Record<Language, Localized> = { nl: T.languageNl, en: T.languageEn };
const IDEA_STATUS: Record<IdeaStatus, Localized> = { nieuw: T.ideaNieuw, bekeken: T.ideaBekeken, overgenomen: T.ideaOvergenomen };
const SEND_KIND: Record<SendKind, Localized> = { nudge: T.messagesNudge, digest: T.messagesDigest, yousaid: T.messagesYousaid, end: T.messagesEnd, followup: T.messagesFollowup };

function local(iso: string | Date, lang: Language): DateTime {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return dt.setZone(TIME_ZONE).setLocale(lang === 'nl' ? 'nl-NL' : 'en-GB');
}

/** `3 december 2026` / `3 December 2026`, in Amsterdam. */
export function longDate(iso: string, lang: Language): string {
  const dt = local(iso, lang);
  return dt.isValid ? dt.toFormat('d MMMM yyyy') : iso;
}

/** `HH:mm` in Amsterdam. */
export function clockTime(at: Date, lang: Language): string {
  return local(at, lang).toFormat('HH:mm');
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/** The summary card's data: one section per kind of stored data, in the user's language. */
export function summaryCardData(data: StoredData, names: SummaryNames, lang: Language, link: { url: string; expiresAt: Date }): SummaryCardData {
  const campaignName = (id: string) => literal(names.campaigns.get(id)?.[lang] ?? id);
  const p = data.participant;
  const profile: SummarySection = {
    heading: T.profileHeading[lang],
    note: '',
    facts: p
      ? [
          { title: T.team[lang], value: literal(names.team ?? p.teamId) },
          { title: T.language[lang], value: LANGUAGE[p.language][lang] },
          { title: T.nudgeTime[lang], value: p.nudgeTime },
          { title: T.status[lang], value: STATUS[p.status][lang] },
          { title: T.roles[lang], value: p.roles.length === 0 ? T.noRoles[lang] : p.roles.map((r) => ROLE[r][lang]).join(', ') },
          { title: T.joinedAt[lang], value: longDate(p.joinedAt, lang) },
        ]
      : [],
    empty: p ? '' : T.noProfile[lang],
  };
  const checkInFacts = [...countBy(data.checkIns, (c) => c.campaignId)].map(([campaignId, count]) => ({
    title: campaignName(campaignId),
    value: count === 1 ? T.checkInOne[lang] : fill(T.checkInCount, lang, { count }),
  }));
  const surveyFacts = data.surveys.map((s) => ({
    title: `${(s.kind === 'baseline' ? T.surveyBaseline : T.surveyEnd)[lang]}, ${campaignName(s.campaignId)}`,
    value: longDate(s.createdAt, lang),
  }));
  const pledgeFacts = data.pledges.map((p) => ({
    title: `${T.pledgesOf[lang]}, ${campaignName(p.campaignId)}`,
    value: fill(T.pledgeCount, lang, { count: p.challengeIds.length, date: longDate(p.updatedAt, lang) }),
  }));
  const followUpFacts = data.followUps.map((f) => ({
    title: `${fill(T.followUpOf, lang, { wave: f.wave })}, ${campaignName(f.campaignId)}`,
    value: fill(T.followUpCount, lang, { count: f.answers.length, date: longDate(f.answeredAt, lang) }),
  }));
  const reportFacts = [
    ...data.barriers.map((b) => ({ title: b.reference, value: `${T.barrierWord[lang]}: ${BARRIER_STATUS_LABELS[b.status][lang]}` })),
    ...data.ideas.map((i) => ({ title: i.reference, value: `${T.ideaWord[lang]}: ${IDEA_STATUS[i.status][lang]}` })),
  ];
  const messageCounts = countBy(data.sendClaims, (c) => c.kind);
  const messageFacts = SEND_KINDS.filter((kind) => messageCounts.has(kind)).map((kind) => ({ title: SEND_KIND[kind][lang], value: String(messageCounts.get(kind)) }));
  const chat = data.conversationRefs.length === 0 ? T.chatNone : data.conversationRefs.some((r) => r.active) ? T.chatActive : T.chatInactive;
  return {
    title: T.summaryTitle[lang],
    intro: T.summaryIntro[lang],
    sections: [
      profile,
      { heading: T.checkInsHeading[lang], note: '', facts: checkInFacts, empty: checkInFacts.length > 0 ? '' : T.noCheckIns[lang] },
      { heading: T.surveysHeading[lang], note: '', facts: [...surveyFacts, ...pledgeFacts, ...followUpFacts], empty: surveyFacts.length + pledgeFacts.length + followUpFacts.length > 0 ? '' : T.noSurveys[lang] },
      { heading: T.reportsHeading[lang], note: T.reportsNote[lang], facts: reportFacts, empty: reportFacts.length > 0 ? '' : T.noReports[lang] },
      { heading: T.chatHeading[lang], note: '', facts: [], empty: chat[lang] },
      { heading: T.messagesHeading[lang], note: T.messagesNote[lang], facts: messageFacts, empty: messageFacts.length > 0 ? '' : T.noMessages[lang] },
    ],
    downloadNote: fill(T.downloadNote, lang, { time: clockTime(link.expiresAt, lang) }),
    download: T.download[lang],
    downloadUrl: link.url,
    deleteButton: T.deleteButton[lang],
    deleteVerb: MY_DATA_VERBS.deleteAsk,
  };
}
