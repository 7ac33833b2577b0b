import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';

/**
 * Texts of "Hoe werkt het?" (`#/help`): one part for every employee, one for managers, one for coordinators. The
 * longer guide is docs/handleiding/ (nl and en); this page says the same in short. Bot commands are written as
 * the help card shows them (bot/src/features/commands/catalog.ts).
 */
export const helpTexts = {
  title: { nl: 'Hoe werkt het?', en: 'How does it work?' },
  intro: {
    nl: 'De Soestainable Challenge: twee weken lang elke werkdag een kleine duurzame uitdaging in de chat, en samen kijken wat werkt en wat ons tegenhoudt. Hieronder staat wat jij kunt doen.',
    en: 'The Soestainable Challenge: for two weeks, a small sustainable challenge in the chat every working day, and together we look at what works and what holds us back. Below is what you can do.',
  },
  // Every employee.
  employeeTitle: { nl: 'Voor iedereen', en: 'For everyone' },
  joinHeading: { nl: 'Meedoen', en: 'Join' },
  joinText: {
    nl: 'Open de chat met de Soestainable-bot in Teams en typ "doe mee". Kies je team, hoe laat je je uitdaging wilt krijgen en je taal, en beantwoord vijf korte vragen (de nulmeting). Meedoen is vrijwillig.',
    en: 'Open the chat with the Soestainable bot in Teams and type "join". Choose your team, when you want your challenge and your language, and answer five short questions (the baseline). Taking part is voluntary.',
  },
  checkInHeading: { nl: 'Inchecken', en: 'Check in' },
  checkInText: {
    nl: 'Op elke werkdag van de campagne stuurt de bot je uitdaging op jouw tijd. Vul op dezelfde kaart in hoe het ging en hoe je naar het werk kwam. Typ "inchecken" als je de kaart niet meer ziet. Vandaag en gisteren kun je nog wijzigen, ook hier onder Mijn voortgang.',
    en: 'On every working day of the campaign the bot sends your challenge at your time. Fill in on the same card how it went and how you travelled to work. Type "check in" if you no longer see the card. Today and yesterday can still be changed, also here under My progress.',
  },
  reportHeading: { nl: 'Een prikkel of idee melden', en: 'Report a barrier or an idea' },
  reportText: {
    nl: 'Loop je ergens tegenaan? Typ "prikkel: …" of "idee: …" met wat je wilt zeggen, of vul het in op de kaart van de dag. Je melding is anoniem, tenzij je aanvinkt dat we contact met je mogen opnemen. Je krijgt een kenmerk (P-…) om je melding terug te vinden.',
    en: 'Running into something? Type "barrier: …" or "idea: …" with what you want to say, or fill it in on the day\'s card. Your report is anonymous unless you tick that we may contact you. You get a reference (P-…) to find your report again.',
  },
  youSaidHeading: GLOSSARY.youSaidWeDid.label,
  youSaidText: {
    nl: 'Coördinatoren maken van prikkels acties, elk met een eigenaar. Onder Actieprogramma zie je alle acties en bij "Jij zei, wij deden" wat er met de meldingen gebeurde. Mochten we contact opnemen, dan stuurt de bot je bericht zodra je prikkel een actie krijgt of de actie verandert.',
    en: 'Coordinators turn barriers into actions, each with an owner. Under Action programme you see every action, and under "You said, we did" what happened to the reports. If you allowed contact, the bot messages you as soon as your barrier gets an action or the action changes.',
  },
  afterHeading: { nl: 'Na de challenge', en: 'After the challenge' },
  afterText: {
    nl: 'Op de laatste dag vraagt de bot de vijf vragen van het begin nog eens (de eindmeting) en welke 1 tot 3 gewoonten je wilt volhouden (je voornemens). Na 2, 6 en 12 weken vraagt hij of dat nog lukt. Typ "eindmeting" of "voornemens" om ze te openen.',
    en: 'On the last day the bot asks the five questions from the start again (the end survey) and which 1 to 3 habits you want to keep (your pledges). After 2, 6 and 12 weeks it asks whether that still works. Type "end survey" or "pledges" to open them.',
  },
  settingsHeading: { nl: 'Pauze, tijd en taal', en: 'Pause, time and language' },
  settingsText: {
    nl: 'Typ "pauze" en "hervat" om even geen uitdagingen te krijgen, "tijd 08:30" voor een andere tijd, "taal en" voor Engels. Dat kan ook hier onder Mijn voortgang, Instellingen. "afmelden" stopt de challenge.',
    en: 'Type "pause" and "resume" to get no challenges for a while, "time 08:30" for another time, "language nl" for Dutch. You can also do this here under My progress, Settings. "leave" stops the challenge.',
  },
  dataHeading: { nl: 'Jouw gegevens', en: 'Your data' },
  dataText: {
    nl: 'Typ "mijn gegevens" om te zien wat we over jou bewaren, met een download. "verwijder mijn gegevens" wist alles na een bevestiging. Onder Mijn voortgang kan het ook.',
    en: 'Type "my data" to see what we keep about you, with a download. "delete my data" erases everything after you confirm. You can also do this under My progress.',
  },
  privacyHeading: { nl: 'Wie ziet wat?', en: 'Who sees what?' },
  privacyText: {
    nl: 'Alleen jij ziet je eigen check-ins. Anderen zien alleen totalen van een team of de hele organisatie, nooit namen of een ranglijst van mensen. Een team met minder dan 5 deelnemers (het minimum; het kan hoger zijn ingesteld) toont geen cijfers.',
    en: 'Only you see your own check-ins. Others see only totals of a team or the whole organisation, never names or a ranking of people. A team with fewer than 5 participants (the minimum; it may be set higher) shows no numbers.',
  },
  helpHeading: { nl: 'Hulp in de chat', en: 'Help in the chat' },
  helpText: {
    nl: 'Typ "hulp" in de chat: de bot laat zien welke woorden hij kent. Kleine typfouten en hoofdletters maken niet uit.',
    en: "Type \"help\" in the chat: the bot shows which words it knows. Small typos and capitals don't matter.",
  },
  // Managers.
  managerTitle: { nl: 'Voor leidinggevenden', en: 'For managers' },
  digestHeading: { nl: 'Het weekoverzicht', en: 'The weekly digest' },
  digestText: {
    nl: 'Elke maandag vanaf 08:30 stuurt de bot je een overzicht van de vorige week van je team: deelname, check-ins, afvalvrije dagen, duurzaam reizen, de geschatte CO2-besparing, de nieuwste prikkels en wat er met acties gebeurde. Met een knop naar het teamdashboard.',
    en: "Every Monday from 08:30 the bot sends you an overview of your team's previous week: participation, check-ins, waste-free days, sustainable travel, the estimated CO2 avoided, the newest barriers and what happened to actions. With a button to the team dashboard.",
  },
  dashboardHeading: { nl: 'Het teamdashboard', en: 'The team dashboard' },
  dashboardText: {
    nl: 'Onder Mijn team staan de cijfers van je team naast die van de organisatie, de nulmeting en nu, en de prikkels en ideeën van je team. De cijfers lopen tot en met eergisteren, omdat check-ins van vandaag en gisteren nog kunnen veranderen.',
    en: "Under My team you find your team's figures beside the organisation's, the baseline and now, and your team's barriers and ideas. The figures run up to the day before yesterday, because today's and yesterday's check-ins can still change.",
  },
  channelHeading: { nl: 'In het teamkanaal', en: 'In the team channel' },
  channelText: {
    nl: 'Voeg de app als tabblad toe aan het kanaal van je team en kies het team: dan ziet iedereen in dat kanaal het teamdashboard.',
    en: "Add the app as a tab to your team's channel and choose the team: then everyone in that channel sees the team dashboard.",
  },
  managerLimitsHeading: { nl: 'Wat je niet ziet, en waarom', en: 'What you do not see, and why' },
  managerLimitsText: {
    nl: 'Je ziet niet wie meedoet, wie incheckte of wie een prikkel meldde: alleen totalen. Heeft je team minder dan 5 actieve deelnemers, dan krijg je geen cijfers, zodat niemand herkenbaar is. De gegevens zijn nooit bedoeld voor beoordeling.',
    en: 'You do not see who takes part, who checked in or who reported a barrier: only totals. If your team has fewer than 5 active participants you get no numbers, so that no one can be recognised. The data is never meant for appraisal.',
  },
  // Coordinators.
  coordinatorTitle: { nl: 'Voor coördinatoren', en: 'For coordinators' },
  adminHeading: { nl: 'Een campagne klaarzetten', en: 'Prepare a campaign' },
  adminText: {
    nl: 'Onder Beheer: maak de campagne (eerste en laatste dag, sluitingsdagen), zet het dagprogramma in de goede volgorde, leg de teams met hun leidinggevenden vast en wijs coördinatoren aan. Zet de campagne op "Loopt" om te beginnen. Elke wijziging komt in het auditlog.',
    en: 'Under Admin: create the campaign (first and last day, closing days), put the day plan in the right order, record the teams with their managers and name coordinators. Set the campaign to "Running" to start. Every change goes into the audit log.',
  },
  runsHeading: { nl: 'De verzendrondes volgen', en: 'Watch the send runs' },
  runsText: {
    nl: 'Onder Beheer, Laatste verzendrondes, zie je per ronde hoeveel berichten zijn verzonden, overgeslagen of mislukt. Mislukt er veel, vraag dan de technisch beheerder de ronde opnieuw te laten lopen: niemand krijgt een bericht twee keer.',
    en: 'Under Admin, Latest send runs, you see per run how many messages were sent, skipped or failed. If many failed, ask the technical administrator to run it again: nobody gets a message twice.',
  },
  inboxHeading: { nl: 'Prikkels triëren', en: 'Triage barriers' },
  inboxText: {
    nl: 'Onder Prikkels staan de nieuwe prikkels, anoniem, per thema en team. Kies er één of meer en koppel ze aan een actie, maak er een nieuwe actie van (met een eigenaar), voeg dubbele samen of wijs ze af met een reden.',
    en: 'Under Barriers you find the new barriers, anonymous, by theme and team. Choose one or more and link them to an action, make a new action of them (with an owner), merge duplicates or dismiss them with a reason.',
  },
  programmeHeading: { nl: 'Acties bijhouden', en: 'Keep actions up to date' },
  programmeText: {
    nl: 'Open een actie onder Actieprogramma om de status, de eigenaar en de datum te wijzigen of een notitie te plaatsen. Bij een koppeling of een nieuwe status krijgen melders die contact toestonden vanzelf "Jij zei, wij deden".',
    en: 'Open an action under Action programme to change its status, owner and date or to add a note. On a link or a new status, reporters who allowed contact get "You said, we did" by themselves.',
  },
  reportHeadingCoordinator: { nl: 'Rapport en export', en: 'Report and export' },
  reportTextCoordinator: {
    nl: 'Onder Rapport staat het campagnerapport om af te drukken (of als pdf te bewaren). Onder Beheer, Export, download je de dagcijfers per team als CSV. Te kleine groepen zijn weggelaten.',
    en: 'Under Report you find the campaign report to print (or save as PDF). Under Admin, Export, you download the daily figures per team as CSV. Groups that are too small are left out.',
  },
  removalHeading: { nl: 'Als iemand zijn gegevens weg wil', en: 'When someone wants their data removed' },
  removalText: {
    nl: 'Wijs de persoon op "verwijder mijn gegevens" in de chat of op Mijn voortgang, Mijn gegevens: dat wist alles meteen. Als coördinator kun je de gegevens van een ander niet zelf verwijderen; dat kan alleen de persoon zelf.',
    en: 'Point the person to "delete my data" in the chat or to My progress, My data: that erases everything at once. As a coordinator you cannot delete someone else\'s data yourself; only the person can.',
  },
} as const satisfies Record<string, Localized>;
