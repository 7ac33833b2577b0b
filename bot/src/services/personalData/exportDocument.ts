import type { Localized } from '@soestainable/shared/domain/types';
import type { StoredData } from './storedData';

/** Version of the download's layout: raise it when a field changes meaning. */
export const EXPORT_FORMAT_VERSION = 1;

/** The download's file name (the bot's download link and the tab's `GET /api/me/export`). */
export const EXPORT_FILE_NAME = 'soestainable-mijn-gegevens.json';

/** The explanation at the top of the download, in both languages (whoever opens the file may read either). */
export const EXPORT_ABOUT: Localized = {
  nl: 'Alles wat de Soestainable Challenge-app over je bewaart, op het moment van downloaden. Teamtotalen (zonder persoonsgegevens) en anonieme prikkels en ideeën zijn niet aan jou te koppelen en staan er daarom niet in.',
  en: "Everything the Soestainable Challenge app stores about you, at the moment of download. Team totals (no personal data) and anonymous barriers and ideas can't be linked to you and are therefore not included.",
};

/**
 * The download: everything stored about the person, as the repositories return it (ids, codes and dates as
 * stored), with a short explanation in both languages. The conversation reference is included whole: it is
 * theirs (it holds the ids of their chat with the bot and the Teams service address).
 */
export function exportDocument(data: StoredData, exportedAt: Date): Record<string, unknown> {
  return {
    format: 'soestainable-mijn-gegevens',
    version: EXPORT_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    about: { nl: EXPORT_ABOUT.nl, en: EXPORT_ABOUT.en },
    userId: data.userId,
    participant: data.participant ?? null,
    checkIns: data.checkIns,
    surveys: data.surveys,
    pledges: data.pledges,
    followUpAnswers: data.followUps,
    conversationReferences: data.conversationRefs.map((r) => ({ scope: r.scope, active: r.active, updatedAt: r.updatedAt, reference: r.reference })),
    barriersWithContact: data.barriers,
    ideasWithContact: data.ideas,
    recognitions: data.recognitions.map((r) => ({ barrierId: r.barrierId, notify: r.notify, createdAt: r.createdAt })),
    actionsYouOwn: data.ownedActions.map((a) => ({ actionId: a.actionId, title: a.title, status: a.status, ownerName: a.owner, dueDate: a.dueDate ?? null, updatedAt: a.updatedAt })),
    sendClaims: data.sendClaims,
    teamCardsYouSwitched: data.teamCards.map((c) => ({ teamsTeamId: c.teamsTeamId, orgTeamId: c.orgTeamId, enabled: c.enabled, changedAt: c.changedAt })),
    teamsYouManage: data.managedTeams.map((team) => ({ teamId: team.teamId, name: team.name })),
  };
}
