import { GLOSSARY } from '@soestainable/shared/text';
import type { Texts } from '../../cards/texts';

/** Texts of the my-data feature (overview, download, deletion). Dutch is the source, English the translation. */
export const myDataTexts = {
  onlyPersonal: {
    nl: 'Over je eigen gegevens praat ik alleen 1-op-1. Open de chat met mij en typ daar "{command}".',
    en: 'I only talk about your own data one-to-one. Open the chat with me and type "{command}" there.',
  },
  nothingStored: {
    nl: 'Er is niets over je opgeslagen. Doe je later mee, dan zie je hier precies wat we bewaren.',
    en: 'Nothing is stored about you. If you join later, this is where you see exactly what we keep.',
  },

  summaryTitle: { nl: 'Wat we over je bewaren', en: 'What we store about you' },
  summaryIntro: {
    nl: 'Alles hieronder zit ook in de download. Je gegevens worden nooit gebruikt om je te beoordelen.',
    en: 'Everything below is also in the download. Your data is never used to appraise you.',
  },
  profileHeading: { nl: 'Profiel', en: 'Profile' },
  noProfile: { nl: 'Je doet niet mee, dus er is geen profiel.', en: "You haven't joined, so there is no profile." },
  team: GLOSSARY.team.label,
  language: { nl: 'Taal', en: 'Language' },
  nudgeTime: { nl: 'Herinnering om', en: 'Reminder at' },
  status: GLOSSARY.status.label,
  roles: { nl: 'Rollen', en: 'Roles' },
  joinedAt: { nl: 'Meegedaan sinds', en: 'Joined on' },
  noRoles: { nl: 'medewerker', en: 'employee' },
  statusActive: { nl: 'doet mee', en: 'taking part' },
  statusPaused: { nl: 'gepauzeerd', en: 'paused' },
  statusLeft: { nl: 'afgemeld', en: 'left' },
  roleManager: { nl: 'leidinggevende', en: 'manager' },
  roleCoordinator: { nl: 'coördinator', en: 'coordinator' },
  languageNl: { nl: 'Nederlands', en: 'Dutch' },
  languageEn: { nl: 'Engels', en: 'English' },
  checkInsHeading: GLOSSARY.checkIns.label,
  checkInCount: {
    nl: { one: '{count} check-in', other: '{count} check-ins' },
    en: { one: '{count} check-in', other: '{count} check-ins' },
  },
  noCheckIns: { nl: 'Geen check-ins.', en: 'No check-ins.' },
  surveysHeading: { nl: 'Vragenlijsten', en: 'Surveys' },
  surveyBaseline: GLOSSARY.baseline.label,
  surveyEnd: { nl: 'Eindmeting', en: 'End survey' },
  pledgesOf: { nl: 'Voornemens', en: 'Pledges' },
  pledgeCount: {
    nl: { one: '{count} gewoonte, {date}', other: '{count} gewoontes, {date}' },
    en: { one: '{count} habit, {date}', other: '{count} habits, {date}' },
  },
  followUpOf: { nl: 'Terugblik {wave}', en: 'Follow-up {wave}' },
  followUpCount: {
    nl: { one: '{count} antwoord, {date}', other: '{count} antwoorden, {date}' },
    en: { one: '{count} answer, {date}', other: '{count} answers, {date}' },
  },
  noSurveys: { nl: 'Geen vragenlijsten.', en: 'No surveys.' },
  reportsHeading: { nl: 'Prikkels en ideeën met je naam erbij', en: 'Barriers and ideas with your name on them' },
  reportsNote: {
    nl: 'Alleen meldingen waarbij je contact toestond. Anonieme meldingen zijn niet aan jou te koppelen, ook niet door ons.',
    en: "Only reports where you allowed contact. Anonymous reports can't be linked to you, not even by us.",
  },
  noReports: { nl: 'Geen.', en: 'None.' },
  barrierWord: { nl: 'Prikkel', en: 'Barrier' },
  recognisedTitle: { nl: 'Prikkels die je herkent', en: 'Barriers you recognise' },
  recognisedValue: {
    nl: { one: '{count} prikkel; bij {notify} wil je horen wat ermee gebeurt', other: '{count} prikkels; bij {notify} wil je horen wat ermee gebeurt' },
    en: { one: '{count} barrier; for {notify} you want to hear what happens', other: '{count} barriers; for {notify} you want to hear what happens' },
  },
  ownedHeading: { nl: 'Acties waarvan je eigenaar bent', en: 'Actions you are the owner of' },
  ownedNote: {
    nl: 'De coördinator koppelde je als eigenaar in het actieprogramma: daarom krijg je de eigenaarskaart en herinneringen. Verwijder je je gegevens, dan blijft de actie bestaan zonder koppeling aan jou.',
    en: 'The coordinator linked you as owner in the action programme: that is why you get the owner card and reminders. If you delete your data, the action stays without a link to you.',
  },
  ideaWord: GLOSSARY.idea.label,
  ideaNieuw: { nl: 'Nieuw', en: 'New' },
  ideaBekeken: { nl: 'Bekeken', en: 'Reviewed' },
  ideaOvergenomen: { nl: 'Overgenomen', en: 'Adopted' },
  chatHeading: { nl: 'Chatkoppeling', en: 'Chat link' },
  chatActive: {
    nl: 'Ja: daarmee stuur ik je berichten in deze chat.',
    en: 'Yes: it lets me send you messages in this chat.',
  },
  chatInactive: { nl: 'Ja, maar niet actief: ik stuur je geen berichten.', en: "Yes, but inactive: I don't send you messages." },
  chatNone: { nl: 'Nee.', en: 'No.' },
  messagesHeading: { nl: 'Berichten van de bot', en: 'Messages from the bot' },
  messagesNote: {
    nl: 'Per bericht bewaren we wanneer het verstuurd is (of waarom niet), zodat je niets twee keer krijgt. Nooit de inhoud.',
    en: "For each message we keep when it was sent (or why not), so that you never get it twice. Never its content.",
  },
  messagesNudge: GLOSSARY.nudge.label,
  messagesDigest: { nl: 'Wekelijks teamoverzicht', en: 'Weekly team digest' },
  messagesYousaid: { nl: 'Jij zei, wij deden', en: 'You said, we did' },
  messagesEnd: { nl: 'Eindmeting', en: 'End survey' },
  messagesFollowup: { nl: 'Terugblik', en: 'Follow-up' },
  messagesOwner: { nl: 'Eigenaar van een actie', en: 'Owner of an action' },
  messagesTeamcard: { nl: 'Teamkaart in een kanaal', en: 'Team card in a channel' },
  noMessages: { nl: 'Geen.', en: 'None.' },
  download: { nl: 'Download alles (JSON)', en: 'Download everything (JSON)' },
  downloadNote: {
    nl: 'De downloadlink werkt tot {time} (10 minuten) en opent jouw gegevens: deel hem niet. Daarna vraag je gewoon opnieuw "mijn gegevens".',
    en: 'The download link works until {time} (10 minutes) and opens your data: don\'t share it. After that, just ask "my data" again.',
  },
  deleteButton: { nl: 'Verwijder mijn gegevens', en: 'Delete my data' },

  confirmTitle: { nl: 'Je gegevens verwijderen?', en: 'Delete your data?' },
  confirmWhat: {
    nl: 'Alles wat persoonlijk is, wordt verwijderd: je profiel, je check-ins, je vragenlijsten, de chatkoppeling waarmee ik je berichten stuur en wat ik bijhoud over de berichten die ik je stuurde.',
    en: 'Everything personal is deleted: your profile, your check-ins, your surveys, the chat link I use to send you messages and the records of the messages I sent you.',
  },
  confirmStays: {
    nl: 'Je prikkels en ideeën blijven bestaan, maar anoniem. Acties waarvan je eigenaar bent blijven ook bestaan, zonder koppeling aan jou. De teamtotalen blijven ook staan; daar staat je naam niet in.',
    en: "Your barriers and ideas stay, but anonymous. Actions you are the owner of stay too, without a link to you. The team totals stay too; your name isn't in them.",
  },
  confirmFinal: {
    nl: 'Dit kun je niet ongedaan maken. Meedoen kan daarna altijd opnieuw.',
    en: "This can't be undone. You can always join again afterwards.",
  },
  confirmAgain: {
    nl: 'Deze bevestiging is verlopen (ze werkt 10 minuten) of al gebruikt; er is niets verwijderd. Wil je je gegevens echt verwijderen? Dan moet je hieronder opnieuw bevestigen.',
    en: 'This confirmation has expired (it works for 10 minutes) or was used already; nothing was deleted. Do you really want to delete your data? Then please confirm again below.',
  },
  confirmYes: { nl: 'Ja, verwijder', en: 'Yes, delete' },
  confirmNo: { nl: 'Annuleer', en: 'Cancel' },
  cancelled: { nl: 'Oké, er is niets verwijderd. Je gegevens blijven zoals ze waren.', en: 'Okay, nothing was deleted. Your data stays as it was.' },
  badCard: {
    nl: 'Deze knop kwam niet goed bij me aan (onbekende velden). Er is niets verwijderd; typ "verwijder mijn gegevens" om het opnieuw te proberen.',
    en: 'This button didn\'t reach me properly (unknown fields). Nothing was deleted; type "delete my data" to try again.',
  },

  deletedTitle: { nl: 'Je gegevens zijn verwijderd.', en: 'Your data has been deleted.' },
  deletedProfile: { nl: 'Profiel', en: 'Profile' },
  deletedProfileYes: { nl: 'verwijderd', en: 'deleted' },
  deletedProfileNo: { nl: 'was er niet', en: "wasn't there" },
  deletedCheckIns: { nl: 'Check-ins verwijderd', en: 'Check-ins deleted' },
  deletedSurveys: { nl: 'Vragenlijsten verwijderd', en: 'Surveys deleted' },
  deletedPledges: { nl: 'Voornemens verwijderd', en: 'Pledges deleted' },
  deletedFollowUps: { nl: 'Antwoorden op terugblikken verwijderd', en: 'Follow-up answers deleted' },
  deletedReports: { nl: 'Prikkels en ideeën nu anoniem', en: 'Barriers and ideas now anonymous' },
  deletedRecognitions: { nl: 'Herkende prikkels ingetrokken', en: 'Barrier recognitions withdrawn' },
  deletedOwnedActions: { nl: 'Acties niet meer aan jou gekoppeld als eigenaar', en: 'Actions no longer linked to you as owner' },
  deletedChat: { nl: 'Chatkoppelingen verwijderd', en: 'Chat links deleted' },
  deletedMessages: { nl: 'Gegevens over berichten verwijderd', en: 'Message records deleted' },
  deletedAfter: {
    nl: 'Teamtotalen en anonieme meldingen blijven staan. Wil je later toch weer meedoen? Typ "doe mee".',
    en: 'Team totals and anonymous reports stay. Want to join again later? Type "join".',
  },
  nothingToDelete: {
    nl: 'Er is niets (meer) over je opgeslagen, dus er hoefde niets verwijderd te worden.',
    en: 'Nothing is stored about you (any more), so there was nothing to delete.',
  },

  linkInvalid: {
    nl: 'Deze downloadlink is ongeldig. Typ "mijn gegevens" in de chat met de bot voor een nieuwe link.',
    en: 'This download link is invalid. Type "my data" in the chat with the bot for a new link.',
  },
  linkExpired: {
    nl: 'Deze downloadlink is verlopen (hij werkt 10 minuten). Typ "mijn gegevens" in de chat met de bot voor een nieuwe link.',
    en: 'This download link has expired (it works for 10 minutes). Type "my data" in the chat with the bot for a new link.',
  },
  exportFailed: {
    nl: 'Je gegevens konden nu niet worden opgehaald. Probeer het zo nog eens.',
    en: "Your data couldn't be fetched right now. Please try again in a moment.",
  },
} as const satisfies Texts;
