import type { Texts } from '../../cards/texts';

/** Texts of `teamkaart aan` / `team card on` (issue 16, item 3). Dutch is the source (informal "je"), English the translation. */
export const teamCardTexts = {
  usage: {
    nl: 'Typ in het teamkanaal waar de kaart moet komen: `teamkaart aan` of `teamkaart uit` (eventueel met de naam van het team erachter).',
    en: 'Type in the team channel where the card should go: `team card on` or `team card off` (optionally followed by the team’s name).',
  },
  notInChannel: {
    nl: 'De teamkaart hoort in een kanaal van een team. Voeg de app toe aan het team en typ daar `teamkaart aan`. Hier is niets veranderd.',
    en: 'The team card belongs in a channel of a team. Add the app to the team and type `team card on` there. Nothing was changed here.',
  },
  unknownTeam: {
    nl: 'Dit team ken ik nog niet: voeg de app eerst toe aan het team. Er is niets veranderd.',
    en: 'I do not know this team yet: add the app to the team first. Nothing was changed.',
  },
  unknownOrgTeam: {
    nl: 'Een team met de naam "{team}" ken ik niet. Er is niets veranderd.',
    en: 'I do not know a team called "{team}". Nothing was changed.',
  },
  whichTeam: {
    nl: 'Voor welk team is de kaart? Typ `teamkaart aan` met de naam van het team erachter. Er is niets veranderd.',
    en: 'Which team is the card for? Type `team card on` followed by the team’s name. Nothing was changed.',
  },
  politeNo: {
    nl: 'Dank je voor je interesse! De teamkaart van {team} kan alleen een leidinggevende van dat team of de coördinator aan- of uitzetten. Er is niets veranderd.',
    en: 'Thanks for your interest! Only a manager of {team} or the coordinator can switch its team card on or off. Nothing was changed.',
  },
  switchedOn: {
    nl: 'De teamkaart van {team} staat aan: elke maandagochtend komt hier een kaart met de teamcijfers van de week ervoor (alleen groepscijfers, geen namen).',
    en: 'The team card of {team} is on: every Monday morning a card with the team’s figures of the week before comes here (group figures only, no names).',
  },
  switchedOff: { nl: 'De teamkaart van {team} staat uit: er komen hier geen teamkaarten meer.', en: 'The team card of {team} is off: no more team cards come here.' },
  alreadyOff: { nl: 'De teamkaart stond hier niet aan. Er is niets veranderd.', en: 'The team card was not on here. Nothing was changed.' },
} as const satisfies Texts;
