import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';

/**
 * Texts of "Hoe werkt het?" (`#/help`): one part for every employee, one for managers, one for coordinators. The
 * longer guide is docs/handleiding/ (nl and en); this page says the same in short. Bot commands are written as
 * the help card shows them (bot/src/features/commands/catalog.ts); pages by their names in the navigation
 * (tab/src/texts/texts.ts), and a topic's link to its page says `goTo`.
 */
export const helpTexts = {
  title: { nl: 'Hoe werkt het?', en: 'How does it work?' },
  goTo: { nl: 'Naar {page}', en: 'Go to {page}' },
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
  recogniseHeading: { nl: 'Herken je een prikkel?', en: 'Do you recognise a barrier?' },
  recogniseText: {
    nl: 'Typ "prikkels" in de chat of open hier Herken ik: je ziet de open prikkels van je team en de prikkels die collega\'s het vaakst herkennen. Loop jij er ook tegenaan? Kies "Herken ik". Met "Laat me weten wat ermee gebeurt" krijg je bericht zodra er een actie bij komt of de actie verandert. Niemand ziet wat jij herkent, alleen het aantal.',
    en: 'Type "barriers" in the chat or open Me too here: you see your team\'s open barriers and the barriers colleagues recognise most. Running into it too? Choose "Me too". With "Let me know what happens with it" you get a message as soon as it gets an action or the action changes. Nobody sees what you recognise, only the number.',
  },
  youSaidHeading: GLOSSARY.youSaidWeDid.label,
  youSaidText: {
    nl: 'Coördinatoren maken van prikkels acties, elk met een eigenaar. Onder Actieprogramma zie je alle acties en bij "Jij zei, wij deden" wat er met de meldingen gebeurde. Mochten we contact opnemen, dan stuurt de bot je bericht zodra je prikkel een actie krijgt of de actie verandert.',
    en: 'Coordinators turn barriers into actions, each with an owner. Under Action programme you see every action, and under "You said, we did" what happened to the reports. If you allowed contact, the bot messages you as soon as your barrier gets an action or the action changes.',
  },
  afterHeading: { nl: 'Eindmeting en voornemens', en: 'End survey and pledges' },
  afterText: {
    nl: 'Op de laatste dag stuurt de bot na je uitdaging de eindmeting: de vijf vragen van de nulmeting nog eens. Op dezelfde kaart kies je onder "Dit blijf ik doen" 1 tot 3 gewoonten die je wilt volhouden: je voornemens. Typ "eindmeting" (tot de eerste terugblik) of "voornemens" om ze later te openen. Je voornemens wijzig je ook onder Mijn voortgang, Mijn voornemens.',
    en: 'On the last day the bot sends the end survey after your challenge: the five baseline questions again. On the same card you choose under "I\'ll keep doing this" 1 to 3 habits you want to keep: your pledges. Type "end survey" (until the first follow-up) or "pledges" to open them later. You can also change your pledges under My progress, My pledges.',
  },
  followUpHeading: { nl: 'Terugblikken', en: 'Follow-ups' },
  followUpText: {
    nl: 'Na 2, 6 en 12 weken (de coördinator kan andere weken kiezen) stuurt de bot op je eigen tijd een terugblik: bij elk voornemen "Doe je dit nog?", met Ja, Soms of Nee. Wat je tegenhoudt mag je erbij schrijven; dat gaat als prikkel naar de coördinator, anoniem tenzij je contact toestaat. Je antwoorden staan onder Mijn voortgang, Mijn antwoorden na de challenge; hoe je team het volhoudt onder Mijn team, bij "Wat bleef".',
    en: 'After 2, 6 and 12 weeks (the coordinator may choose other weeks) the bot sends a follow-up at your own time: for each pledge "Are you still doing this?", with Yes, Sometimes or No. You may add what holds you back; that goes to the coordinator as a barrier, anonymous unless you allow contact. Your answers are under My progress, My answers after the challenge; how your team keeps it up is under My team, in "What lasted".',
  },
  ownerHeading: { nl: 'Eigenaar van een actie', en: 'Owner of an action' },
  ownerText: {
    nl: 'Maakt de coördinator jou eigenaar van een actie, dan krijg je in de chat een kaart: "Je bent eigenaar van deze actie". Kies daar een nieuwe status of schrijf een korte update, en kies Opslaan: dat komt op de tijdlijn van de actie. Na 14 dagen zonder update vraagt de bot hoe het ermee staat. Typ "mijn acties" om je kaarten terug te zien; in het Actieprogramma staan ze onder Mijn acties.',
    en: 'If the coordinator makes you the owner of an action, you get a card in the chat: "You are the owner of this action". Pick a new status there or write a short update, and choose Save: it goes on the action\'s timeline. After 14 days without an update the bot asks how it is going. Type "my actions" to see your cards again; in the Action programme they are under My actions.',
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
    nl: 'Zolang de challenge loopt, stuurt de bot je elke maandag vanaf 08:30 een overzicht van de vorige week van je team: deelname, check-ins, afvalvrije dagen, duurzaam reizen, de geschatte CO2-besparing, de nieuwste prikkels en wat er met acties gebeurde. Met een knop naar het teamdashboard.',
    en: "While the challenge runs, every Monday from 08:30 the bot sends you an overview of your team's previous week: participation, check-ins, waste-free days, sustainable travel, the estimated CO2 avoided, the newest barriers and what happened to actions. With a button to the team dashboard.",
  },
  waveDigestHeading: { nl: 'Na de challenge: één overzicht per terugblik', en: 'After the challenge: one digest per follow-up' },
  waveDigestText: {
    nl: 'Na de laatste week van de challenge stopt het weekoverzicht. Per terugblik krijg je één overzicht van je team, op een maandag één tot twee weken later (vanaf 08:30), zodat collega\'s eerst kunnen antwoorden: hoeveel collega\'s antwoordden, welk deel van de voornemens ja, soms of nee is volgehouden, het verschil met de vorige terugblik en hoeveel prikkels er per thema bij kwamen. Antwoordden minder dan 5 collega\'s, dan staat er geen cijfer in.',
    en: 'After the last week of the challenge the weekly digest stops. Per follow-up you get one overview of your team, on a Monday one to two weeks later (from 08:30), so that colleagues can answer first: how many colleagues answered, the share of pledges kept yes, sometimes or no, the change since the previous follow-up and how many barriers came in per theme. If fewer than 5 colleagues answered, it holds no figures.',
  },
  dashboardHeading: { nl: 'Het teamdashboard', en: 'The team dashboard' },
  dashboardText: {
    nl: 'Onder Mijn team staan de cijfers van je team naast die van de organisatie, de nulmeting en nu, en de prikkels en ideeën van je team. De cijfers lopen tot en met eergisteren, omdat check-ins van vandaag en gisteren nog kunnen veranderen.',
    en: "Under My team you find your team's figures beside the organisation's, the baseline and now, and your team's barriers and ideas. The figures run up to the day before yesterday, because today's and yesterday's check-ins can still change.",
  },
  teamLastingHeading: { nl: 'Wat bleef in je team', en: 'What lasted in your team' },
  teamLastingText: {
    nl: 'Na de challenge staat onder Mijn team het blok "Wat bleef": per terugblik welk deel van de voornemens je team volhoudt, per gewoonte, en de nulmeting naast de eindmeting. Alleen waar minstens 5 mensen antwoordden.',
    en: 'After the challenge, My team has the section "What lasted": per follow-up the share of pledges your team keeps, per habit, and the baseline beside the end survey. Only where at least 5 people answered.',
  },
  channelHeading: { nl: 'In het teamkanaal', en: 'In the team channel' },
  channelText: {
    nl: 'Voeg de app als tabblad toe aan het kanaal van je team en kies het team: dan ziet iedereen in dat kanaal het teamdashboard.',
    en: "Add the app as a tab to your team's channel and choose the team: then everyone in that channel sees the team dashboard.",
  },
  teamCardHeading: { nl: 'De teamkaart in het kanaal', en: 'The team card in the channel' },
  teamCardText: {
    nl: 'Voeg de app toe aan het team en typ in het kanaal "@Soestainable teamkaart aan" (met de naam van het team erachter als je meer teams leidt of coördinator bent). Zolang de challenge loopt, zet de bot dan elke maandag vanaf 09:00 een kaart in het kanaal over de week ervoor: cijfers, de nieuwste open prikkels en de acties, zonder namen en in het Nederlands. "teamkaart uit" zet hem uit. Alleen een leidinggevende van het team of een coördinator kan dit.',
    en: 'Add the app to the team and type "@Soestainable team card on" in the channel (followed by the team\'s name if you lead more teams or are a coordinator). While the challenge runs, the bot then posts a card in the channel every Monday from 09:00 about the week before: figures, the newest open barriers and the actions, without names and in Dutch. "team card off" switches it off. Only a manager of the team or a coordinator can do this.',
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
  followUpWeeksHeading: { nl: 'Terugblikken instellen', en: 'Set the follow-ups' },
  followUpWeeksText: {
    nl: 'Bij de campagne onder Beheer vul je "Terugblikken (weken na de laatste challengedag)" in: 1 tot 4 hele getallen van 1 tot 52, oplopend, bijvoorbeeld 2, 6, 12. Onder het veld staat op welke dagen ze uitgaan. Wijzigen kan tot de eerste terugblik verstuurd is. Wat medewerkers bij "Soms" of "Nee" schrijven, komt als prikkel binnen onder Prikkels.',
    en: 'With the campaign under Admin you fill in "Follow-ups (weeks after the last challenge day)": 1 to 4 whole numbers from 1 to 52, rising, for example 2, 6, 12. Below the field you see on which days they go out. You can change them until the first follow-up has been sent. What employees write with "Sometimes" or "No" comes in as a barrier under Barriers.',
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
  recognitionsHeading: { nl: "Wat collega's herkennen", en: 'What colleagues recognise' },
  recognitionsText: {
    nl: 'Medewerkers zeggen "Herken ik" bij een open prikkel, in de chat of op de pagina Herken ik (die zie jij ook). Onder Prikkels staan de meest herkende bovenaan, met "herkend door …"; wie iets herkende zie je niet. Voeg je dubbele prikkels samen, dan tellen hun herkenningen mee bij de prikkel die blijft.',
    en: 'Employees say "Me too" on an open barrier, in the chat or on the Me too page (you see it too). Under Barriers the most recognised come first, with "recognised by …"; you never see who recognised something. When you merge duplicate barriers, their recognitions count towards the barrier that stays.',
  },
  programmeHeading: { nl: 'Acties bijhouden', en: 'Keep actions up to date' },
  programmeText: {
    nl: 'Open een actie onder Actieprogramma om de status, de eigenaar en de datum te wijzigen of een notitie te plaatsen. Bij een koppeling of een nieuwe status krijgen melders die contact toestonden vanzelf "Jij zei, wij deden".',
    en: 'Open an action under Action programme to change its status, owner and date or to add a note. On a link or a new status, reporters who allowed contact get "You said, we did" by themselves.',
  },
  ownerInAppHeading: { nl: 'Eigenaar in de app', en: 'Owner in the app' },
  ownerInAppText: {
    nl: 'Bij een actie kies je onder "Eigenaar in de app (deelnemer)" de deelnemer die haar trekt, of "Niemand: alleen de naam". Die deelnemer krijgt een kaart in de chat om de status en een korte update door te geven; die komen op de tijdlijn, en een nieuwe status gaat naar de melders. Na 14 dagen zonder update vraagt de bot hoe het ermee staat.',
    en: 'With an action you pick under "Owner in the app (participant)" the participant who leads it, or "Nobody: the name only". That participant gets a card in the chat to pass on the status and a short update; they go on the timeline, and a new status goes to the reporters. After 14 days without an update the bot asks how it is going.',
  },
  reportHeadingCoordinator: { nl: 'Rapport en export', en: 'Report and export' },
  reportTextCoordinator: {
    nl: 'Onder Rapport staat het campagnerapport om af te drukken (of als pdf te bewaren). Onder Beheer, Export, download je de dagcijfers per team als CSV. Te kleine groepen zijn weggelaten.',
    en: 'Under Report you find the campaign report to print (or save as PDF). Under Admin, Export, you download the daily figures per team as CSV. Groups that are too small are left out.',
  },
  werkatelierHeading: { nl: 'Werkatelier', en: 'Workshop' },
  werkatelierText: {
    nl: 'Onder Werkatelier (of onder Meer) staat een blad voor een werkatelier met medewerkers uit verschillende teams. Kies een thema of alle thema\'s: je ziet de meest herkende open prikkels met hun actie, eigenaar en status, en de ideeën die nog niet zijn overgenomen. Niemand wordt genoemd. Druk het af of download het als CSV.',
    en: 'Under Workshop (or under More) you find a sheet for a workshop with employees from different teams. Pick a theme or all themes: you see the most recognised open barriers with their action, owner and status, and the ideas not yet taken up. Nobody is named. Print it or download it as CSV.',
  },
  reportLastingHeading: { nl: 'Wat bleef in het rapport', en: 'What lasted in the report' },
  reportLastingText: {
    nl: 'Na afloop staat onder Rapport (en onder Mijn team en Organisatie) het blok "Wat bleef": per gewoonte en per terugblik het deel ja, soms en nee, de nulmeting naast de eindmeting en per team het aandeel "ja". Cijfers alleen waar minstens 5 mensen antwoordden. Zijn er meer afgelopen campagnes, kies er dan een bij Campagne.',
    en: 'After the end, Report (and My team and Organisation) has the section "What lasted": per habit and per follow-up the share of yes, sometimes and no, the baseline beside the end survey and per team the share of "yes". Figures only where at least 5 people answered. If more campaigns have ended, pick one under Campaign.',
  },
  removalHeading: { nl: 'Als iemand zijn gegevens weg wil', en: 'When someone wants their data removed' },
  removalText: {
    nl: 'Wijs de persoon op "verwijder mijn gegevens" in de chat of op Mijn voortgang, Mijn gegevens: dat wist alles meteen. Als coördinator kun je de gegevens van een ander niet zelf verwijderen; dat kan alleen de persoon zelf.',
    en: 'Point the person to "delete my data" in the chat or to My progress, My data: that erases everything at once. As a coordinator you cannot delete someone else\'s data yourself; only the person can.',
  },
} as const satisfies Record<string, Localized>;
