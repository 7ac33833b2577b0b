import type { Localized } from '@soestainable/shared/domain/types';

export const configTexts = {
  title: { nl: 'Teamdashboard instellen', en: 'Set up the team dashboard' },
  intro: {
    nl: 'Kies het team van de organisatie waarvan dit kanaal het dashboard laat zien. Daarna kiest u Opslaan.',
    en: 'Choose the organisation team whose dashboard this channel shows. Then choose Save.',
  },
  team: { nl: 'Organisatieteam', en: 'Organisation team' },
  choose: { nl: 'Kies een team', en: 'Choose a team' },
  chosen: { nl: 'Dit kanaal toont het dashboard van {team}.', en: 'This channel will show the dashboard of {team}.' },
  noTeams: { nl: 'Er zijn nog geen teams. Een programmacoördinator legt ze vast onder Beheer.', en: 'There are no teams yet. A programme coordinator sets them up under Admin.' },
  outsideTeams: {
    nl: 'Deze pagina hoort bij Microsoft Teams: als u het tabblad aan een kanaal toevoegt, kiest u hier het team. Buiten Teams is er niets in te stellen.',
    en: 'This page belongs to Microsoft Teams: when you add the tab to a channel, you choose the team here. Outside Teams there is nothing to set up.',
  },
  displayName: { nl: 'Soestainable · {team}', en: 'Soestainable · {team}' },
} as const satisfies Record<string, Localized>;
