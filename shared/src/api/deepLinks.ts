/**
 * Teams deep links from the bot's cards into the tab. A card opens the personal static tab `myProgress`
 * (manifest/manifest.json) with a `subEntityId`, and the tab's shell turns that into a page on first load
 * (`tab/src/app/router.ts`). Kept here so that both sides agree on the values; no SDK, no DOM.
 */

/** The static tab every deep link opens. */
export const DEEP_LINK_TAB = 'myProgress';

/** `subEntityId` of the "Hoe werkt het?" / "How does it work?" page (`#/help`). */
export const HELP_SUB_PAGE = 'help';

const TEAM_PREFIX = 'team:';

/** `subEntityId` of one team's dashboard (`#/team/<id>`). */
export function teamSubPage(teamId: string): string {
  return `${TEAM_PREFIX}${teamId}`;
}

/** The team a `subEntityId` made by {@link teamSubPage} names; `undefined` for anything else. */
export function teamOfSubPage(subEntityId: string | undefined): string | undefined {
  if (subEntityId === undefined || !subEntityId.startsWith(TEAM_PREFIX)) return undefined;
  const teamId = subEntityId.slice(TEAM_PREFIX.length);
  return teamId === '' ? undefined : teamId;
}

/** The deep link that opens the tab on `subEntityId`; `undefined` without a Teams app id (then cards show no button). */
export function tabDeepLink(teamsAppId: string | undefined, subEntityId: string): string | undefined {
  if (teamsAppId === undefined) return undefined;
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${DEEP_LINK_TAB}?context=${context}`;
}
