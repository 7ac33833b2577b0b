import type { ActionStatus, Dimension, Localized, Theme, TravelMode } from '@soestainable/shared/domain/types';

/**
 * The demo organisation's content: clearly labelled ("Demo · …"), realistic in size and texts, so that every
 * screen has something to show locally. Participants are generated from these teams; none of them ever gets a
 * conversation reference, so no job can message them.
 */

export const DEMO_LABEL = 'Demo · ';

export interface DemoTeam {
  readonly teamId: string;
  readonly name: string;
  readonly participants: number;
  /** Chance that a participant checks in on a given day. */
  readonly participation: number;
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { teamId: 'demo-publiekszaken', name: 'Publiekszaken', participants: 14, participation: 0.8 },
  { teamId: 'demo-ruimte', name: 'Ruimtelijke Ontwikkeling', participants: 11, participation: 0.7 },
  { teamId: 'demo-sociaal-domein', name: 'Sociaal Domein', participants: 16, participation: 0.65 },
  { teamId: 'demo-bedrijfsvoering', name: 'Bedrijfsvoering', participants: 9, participation: 0.85 },
  { teamId: 'demo-buitendienst', name: 'Buitendienst', participants: 12, participation: 0.6 },
  // Below the minimum group size on purpose: shows how the dashboards keep small teams private.
  { teamId: 'demo-griffie', name: 'Griffie', participants: 4, participation: 0.9 },
];

/** The demo coordinator (programme coordinator) and, per team, one manager; all other participants are employees. */
export const DEMO_COORDINATOR_ID = 'demo-coordinator';
export const demoManagerId = (teamId: string): string => `${teamId}-manager`;
export const demoParticipantId = (teamId: string, n: number): string => `${teamId}-${String(n).padStart(2, '0')}`;

/** Baseline commute modes, weighted like a Dutch town hall's staff (many cars, many bikes). */
export const DEMO_COMMUTE_MIX: ReadonlyArray<readonly [TravelMode, number]> = [
  ['auto', 0.38],
  ['fiets', 0.3],
  ['ov', 0.14],
  ['ebike', 0.1],
  ['lopen', 0.05],
  ['eauto', 0.03],
];

export interface DemoBarrier {
  readonly teamId: string;
  readonly theme: Theme;
  readonly text: string;
  /** Index into DEMO_ACTIONS when the barrier is linked to an action. */
  readonly action?: number;
  readonly dismissed?: string;
}

/** Barriers (prikkels) as employees typed them: Dutch, informal. */
export const DEMO_BARRIERS: readonly DemoBarrier[] = [
  { teamId: 'demo-publiekszaken', theme: 'circulariteit', text: 'De koffieautomaat geeft alleen wegwerpbekers, er staan geen mokken bij.', action: 0 },
  { teamId: 'demo-sociaal-domein', theme: 'circulariteit', text: 'Bij de koffieautomaat op de tweede verdieping zijn de mokken altijd op.', action: 0 },
  { teamId: 'demo-bedrijfsvoering', theme: 'circulariteit', text: 'In de kantine is de soep alleen te krijgen in een plastic bakje met deksel.', action: 1 },
  { teamId: 'demo-ruimte', theme: 'circulariteit', text: 'Broodjes bij de lunchvergadering komen per stuk in folie verpakt.', action: 1 },
  { teamId: 'demo-buitendienst', theme: 'energietransitie', text: 'Met de fiets naar de werf kan niet: er is geen overdekte stalling en geen douche.', action: 2 },
  { teamId: 'demo-sociaal-domein', theme: 'energietransitie', text: 'Als het regent pak ik de auto, want de bus naar het gemeentehuis rijdt maar twee keer per uur.', action: 2 },
  { teamId: 'demo-ruimte', theme: 'energietransitie', text: 'De reiskostenvergoeding is per maand vast, dus de auto nemen kost mij niets extra.', action: 3 },
  { teamId: 'demo-publiekszaken', theme: 'energietransitie', text: 'De verlichting in de spreekkamers blijft de hele avond aan.', action: 4 },
  { teamId: 'demo-bedrijfsvoering', theme: 'energietransitie', text: 'Er is geen centrale knop om alle schermen op de werkplekken \'s avonds uit te zetten.', action: 4 },
  { teamId: 'demo-bedrijfsvoering', theme: 'mvoi', text: 'Kantoorartikelen worden geleverd in grote dozen met veel vulmateriaal voor een paar pennen.', action: 5 },
  { teamId: 'demo-buitendienst', theme: 'mvoi', text: 'Nieuwe werkkleding komt per kledingstuk in een plastic zak.', action: 5 },
  { teamId: 'demo-ruimte', theme: 'mvoi', text: 'In onze aanbestedingen staat niets over verpakking of terugname van materiaal.' },
  { teamId: 'demo-sociaal-domein', theme: 'circulariteit', text: 'Ik wil mijn lunch meenemen, maar de koelkast op onze verdieping is altijd vol.' },
  { teamId: 'demo-publiekszaken', theme: 'circulariteit', text: 'Printers staan standaard op enkelzijdig en in kleur.' },
  { teamId: 'demo-griffie', theme: 'mvoi', text: 'Raadsstukken worden nog op papier rondgestuurd naar een paar raadsleden.' },
  { teamId: 'demo-buitendienst', theme: 'energietransitie', text: 'Dienstauto\'s laden kan alleen op de werf, niet bij het gemeentehuis.', dismissed: 'Al opgenomen in het laadpalenplan 2027 van team Vastgoed.' },
];

export interface DemoAction {
  readonly title: Localized;
  readonly description: Localized;
  readonly theme: Theme;
  readonly dimension: Dimension;
  readonly status: ActionStatus;
  readonly owner: string;
  /** Days from the campaign start; negative is before. */
  readonly dueInDays?: number;
}

/** The action programme: barriers turned into owned actions across the kansenkaart. */
export const DEMO_ACTIONS: readonly DemoAction[] = [
  {
    title: { nl: 'Mokken bij elke koffieautomaat', en: 'Mugs at every coffee machine' },
    description: {
      nl: 'Vaste rekken met mokken bij alle koffieautomaten en de wegwerpbekers uit de standaardinstelling.',
      en: 'Fixed racks of mugs at every coffee machine, and disposable cups removed from the default setting.',
    },
    theme: 'circulariteit', dimension: 'uitvoering', status: 'gerealiseerd', owner: 'Facilitair team (teamleider)', dueInDays: 3,
  },
  {
    title: { nl: 'Kantinemaaltijden zonder verpakking', en: 'Canteen meals without packaging' },
    description: {
      nl: 'Met de cateraar afspreken dat soep en lunch in herbruikbare bakjes en op borden worden uitgegeven.',
      en: 'Agree with the caterer that soup and lunch are served in reusable containers and on plates.',
    },
    theme: 'circulariteit', dimension: 'organisatie', status: 'in_uitvoering', owner: 'Contractmanager catering', dueInDays: 30,
  },
  {
    title: { nl: 'Flexibel reizen: fiets bij mooi weer, ov bij slecht weer', en: 'Flexible travel: bike in good weather, public transport in bad' },
    description: {
      nl: 'Eén mobiliteitsbudget waarmee medewerkers per dag kiezen, plus een overdekte fietsenstalling op de werf.',
      en: 'One mobility budget so staff choose per day, plus covered bike parking at the depot.',
    },
    theme: 'energietransitie', dimension: 'beleid', status: 'gepland', owner: 'HR-adviseur arbeidsvoorwaarden', dueInDays: 90,
  },
  {
    title: { nl: 'Reiskostenregeling herzien', en: 'Review the travel allowance' },
    description: {
      nl: 'Onderzoeken of een vergoeding per gereisde dag duurzaam reizen beter beloont dan een vast maandbedrag.',
      en: 'Find out whether a per-day allowance rewards sustainable travel better than a fixed monthly sum.',
    },
    theme: 'energietransitie', dimension: 'sturing', status: 'idee', owner: 'Concerncontroller',
  },
  {
    title: { nl: 'Licht en schermen automatisch uit na 19.00 uur', en: 'Lights and screens off automatically after 7 pm' },
    description: {
      nl: 'Aanwezigheidsdetectie in spreekkamers en een energiebeheerinstelling voor alle werkplekken.',
      en: 'Presence detection in meeting rooms and a power-management setting for every workstation.',
    },
    theme: 'energietransitie', dimension: 'uitvoering', status: 'in_uitvoering', owner: 'Team Vastgoed en ICT', dueInDays: 21,
  },
  {
    title: { nl: 'Verpakkingseisen in inkoopvoorwaarden', en: 'Packaging requirements in purchasing terms' },
    description: {
      nl: 'Minimale en herbruikbare verpakking en terugname opnemen in de inkoopvoorwaarden voor kantoorartikelen en werkkleding.',
      en: 'Include minimal, reusable packaging and take-back in the purchasing terms for office supplies and workwear.',
    },
    theme: 'mvoi', dimension: 'beleid', status: 'gepland', owner: 'Inkoopadviseur', dueInDays: 60,
  },
  {
    title: { nl: 'Duurzaamheid vast op de agenda van het teamoverleg', en: 'Sustainability a fixed item in team meetings' },
    description: {
      nl: 'Elk teamoverleg vijf minuten: wat hinderde ons deze maand, wat pakken we zelf op?',
      en: 'Five minutes in every team meeting: what held us back this month, what do we pick up ourselves?',
    },
    theme: 'circulariteit', dimension: 'cultuur', status: 'idee', owner: 'Teamleiders',
  },
];

export interface DemoIdea {
  readonly teamId: string;
  readonly theme: Theme;
  readonly text: string;
}

export const DEMO_IDEAS: readonly DemoIdea[] = [
  { teamId: 'demo-publiekszaken', theme: 'circulariteit', text: 'Een ruilkast voor kantoorspullen die over zijn: mappen, nietmachines, schriften.' },
  { teamId: 'demo-buitendienst', theme: 'energietransitie', text: 'Elektrische bakfietsen voor korte ritten in het centrum in plaats van de bus.' },
  { teamId: 'demo-sociaal-domein', theme: 'energietransitie', text: 'Op vrijdag standaard thuiswerken voor wie ver weg woont.' },
  { teamId: 'demo-bedrijfsvoering', theme: 'mvoi', text: 'Bij elke inkoop boven de 10.000 euro één duurzaamheidsvraag aan de leverancier.' },
  { teamId: 'demo-ruimte', theme: 'circulariteit', text: 'Restanten van de kerstborrel doneren aan de voedselbank in plaats van weggooien.' },
];
