import { DateTime } from 'luxon';
import { TIME_ZONE } from '@soestainable/shared/calendar/isoDate';
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS } from '@soestainable/shared/catalogue/labels';
import type { IdeaStatus } from '@soestainable/shared/domain/programme';
import type { ParticipantStatus } from '@soestainable/shared/domain/organisation';
import { SEND_KINDS, type SendKind } from '@soestainable/shared/domain/sending';
import type { Language, Localized, Role } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { literal } from '../../cards/texts';
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
const SEND_KIND: Record<SendKind, Localized> = { nudge: T.messagesNudge, digest: T.messagesDigest, yousaid: T.messagesYousaid, end: T.messagesEnd, followup: T.messagesFollowup, owner: T.messagesOwner, teamcard: T.messagesTeamcard };

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

/**
 * The teams the person manages (by name: the coordinator's text, literal) and how many team cards they switched last:
 * a section only for someone with either, so everyone else's card stays as it was.
 */
function teamsSection(data: StoredData, lang: Language): SummarySection[] {
  if (data.managedTeams.length + data.teamCards.length === 0) return [];
  const facts = [
    ...data.managedTeams.map((team) => ({ title: literal(team.name), value: t(T.managerOf, lang) })),
    ...(data.teamCards.length === 0 ? [] : [{ title: t(T.teamCardsSwitched, lang), value: String(data.teamCards.length) }]),
  ];
  return [{ heading: t(T.teamsHeading, lang), note: t(T.teamsNote, lang), facts, empty: '' }];
}

/** The summary card's data: one section per kind of stored data, in the user's language. */
export function summaryCardData(data: StoredData, names: SummaryNames, lang: Language, link: { url: string; expiresAt: Date }): SummaryCardData {
  const campaignName = (id: string) => literal(names.campaigns.get(id)?.[lang] ?? id);
  const p = data.participant;
  const profile: SummarySection = {
    heading: t(T.profileHeading, lang),
    note: '',
    facts: p
      ? [
          { title: t(T.team, lang), value: literal(names.team ?? p.teamId) },
          { title: t(T.language, lang), value: t(LANGUAGE[p.language], lang) },
          { title: t(T.nudgeTime, lang), value: p.nudgeTime },
          { title: t(T.status, lang), value: t(STATUS[p.status], lang) },
          { title: t(T.roles, lang), value: p.roles.length === 0 ? t(T.noRoles, lang) : p.roles.map((r) => t(ROLE[r], lang)).join(', ') },
          { title: t(T.joinedAt, lang), value: longDate(p.joinedAt, lang) },
        ]
      : [],
    empty: p ? '' : t(T.noProfile, lang),
  };
  const checkInFacts = [...countBy(data.checkIns, (c) => c.campaignId)].map(([campaignId, count]) => ({
    title: campaignName(campaignId),
    value: t(T.checkInCount, lang, { count }),
  }));
  const surveyFacts = data.surveys.map((s) => ({
    title: `${t(s.kind === 'baseline' ? T.surveyBaseline : T.surveyEnd, lang)}, ${campaignName(s.campaignId)}`,
    value: longDate(s.createdAt, lang),
  }));
  const pledgeFacts = data.pledges.map((p) => ({
    title: `${t(T.pledgesOf, lang)}, ${campaignName(p.campaignId)}`,
    value: t(T.pledgeCount, lang, { count: p.challengeIds.length, date: longDate(p.updatedAt, lang) }),
  }));
  const followUpFacts = data.followUps.map((f) => ({
    title: `${t(T.followUpOf, lang, { wave: f.wave })}, ${campaignName(f.campaignId)}`,
    value: t(T.followUpCount, lang, { count: f.answers.length, date: longDate(f.answeredAt, lang) }),
  }));
  const reportFacts = [
    ...data.barriers.map((b) => ({ title: b.reference, value: `${t(T.barrierWord, lang)}: ${t(BARRIER_STATUS_LABELS[b.status], lang)}` })),
    ...data.ideas.map((i) => ({ title: i.reference, value: `${t(T.ideaWord, lang)}: ${t(IDEA_STATUS[i.status], lang)}` })),
    // Shown when there are any, so the card of someone who never recognised a barrier stays as it was.
    ...(data.recognitions.length === 0
      ? []
      : [{ title: t(T.recognisedTitle, lang), value: t(T.recognisedValue, lang, { count: data.recognitions.length, notify: data.recognitions.filter((r) => r.notify).length }) }]),
  ];
  // A section only for owners, so everyone else's card stays as it was. The title is the coordinator's text: literal.
  const owned: SummarySection[] =
    data.ownedActions.length === 0
      ? []
      : [
          {
            heading: t(T.ownedHeading, lang),
            note: t(T.ownedNote, lang),
            facts: data.ownedActions.map((a) => ({ title: literal(a.title[lang] || a.title.nl), value: t(ACTION_STATUS_LABELS[a.status], lang) })),
            empty: '',
          },
        ];
  const messageCounts = countBy(data.sendClaims, (c) => c.kind);
  const messageFacts = SEND_KINDS.filter((kind) => messageCounts.has(kind)).map((kind) => ({ title: t(SEND_KIND[kind], lang), value: String(messageCounts.get(kind)) }));
  const chat = data.conversationRefs.length === 0 ? T.chatNone : data.conversationRefs.some((r) => r.active) ? T.chatActive : T.chatInactive;
  return {
    title: t(T.summaryTitle, lang),
    intro: t(T.summaryIntro, lang),
    sections: [
      profile,
      { heading: t(T.checkInsHeading, lang), note: '', facts: checkInFacts, empty: checkInFacts.length > 0 ? '' : t(T.noCheckIns, lang) },
      { heading: t(T.surveysHeading, lang), note: '', facts: [...surveyFacts, ...pledgeFacts, ...followUpFacts], empty: surveyFacts.length + pledgeFacts.length + followUpFacts.length > 0 ? '' : t(T.noSurveys, lang) },
      { heading: t(T.reportsHeading, lang), note: t(T.reportsNote, lang), facts: reportFacts, empty: reportFacts.length > 0 ? '' : t(T.noReports, lang) },
      ...owned,
      ...teamsSection(data, lang),
      { heading: t(T.chatHeading, lang), note: '', facts: [], empty: t(chat, lang) },
      { heading: t(T.messagesHeading, lang), note: t(T.messagesNote, lang), facts: messageFacts, empty: messageFacts.length > 0 ? '' : t(T.noMessages, lang) },
    ],
    downloadNote: t(T.downloadNote, lang, { time: clockTime(link.expiresAt, lang) }),
    download: t(T.download, lang),
    downloadUrl: link.url,
    deleteButton: t(T.deleteButton, lang),
    deleteVerb: MY_DATA_VERBS.deleteAsk,
  };
}
