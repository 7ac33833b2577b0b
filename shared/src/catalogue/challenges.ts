import type { Challenge } from './challenge';

/**
 * Version of the built-in catalogue. Bump it when a text changes meaning; ids stay stable across versions
 * because check-ins refer to them.
 */
export const CATALOGUE_VERSION = '2026.1';

/**
 * The built-in two-week programme for working waste-free and energy-neutral at Soest town hall and its other
 * locations. Day order alternates themes so that no theme runs two days in a row: circulariteit 1, 3, 6, 9;
 * energietransitie 2, 4, 8; mvoi 5, 7, 10 (the procurement days come once people have looked around for a week).
 * Texts are Dutch first (informal "je", as Soest writes to its staff) with an English translation. Every tip ends
 * in what to report as a barrier (prikkel) where that makes sense: surfacing barriers is the point of the challenge.
 */
export const CATALOGUE: readonly Challenge[] = [
  {
    id: 'dag01-eigen-beker',
    day: 1,
    theme: 'circulariteit',
    title: { nl: 'Eigen beker, eigen fles', en: 'Your own cup, your own bottle' },
    action: {
      nl: 'Drink vandaag alles uit je eigen mok, beker of fles. Geen wegwerpbekertje bij de koffieautomaat, ook niet tijdens een overleg.',
      en: 'Drink everything from your own mug, cup or bottle today. No disposable cup at the coffee machine, not even during a meeting.',
    },
    tip: {
      nl: 'Zet je mok meteen bij aankomst naast je laptop en neem hem mee naar overleggen. Staan er bij de automaat of in de spreekkamers alleen wegwerpbekers? Meld het als prikkel.',
      en: 'Put your mug next to your laptop as soon as you arrive and take it to meetings. Are there only disposable cups at the machine or in the meeting rooms? Report it as a barrier.',
    },
    question: {
      id: 'wegwerpbekers-uitgespaard',
      kind: 'count',
      text: {
        nl: 'Hoeveel wegwerpbekers heb je vandaag uitgespaard?',
        en: 'How many disposable cups did you save today?',
      },
    },
  },
  {
    id: 'dag02-fiets-lopen-ov',
    day: 2,
    theme: 'energietransitie',
    title: { nl: 'Op de fiets, lopend of met het ov', en: 'By bike, on foot or by public transport' },
    action: {
      nl: 'Kom vandaag op de fiets, lopend of met het ov naar je werk. Heb je een afspraak in Soest of Soesterberg, bij een inwoner of op een projectlocatie? Pak daar ook de fiets voor als het kan.',
      en: 'Come to work by bike, on foot or by public transport today. Got an appointment in Soest or Soesterberg, with a resident or at a project site? Take the bike there too if you can.',
    },
    tip: {
      nl: 'Met mooi weer de fiets, met slecht weer het ov: kijk ’s ochtends op de buienradar en kies. Mis je een veilige fietsenstalling, een douche of een dienstfiets? Meld het als prikkel.',
      en: 'Bike in good weather, public transport in bad weather: check the rain radar in the morning and choose. Missing a safe bike shed, a shower or a pool bike? Report it as a barrier.',
    },
    question: {
      id: 'duurzaam-gereisd',
      kind: 'yesno',
      text: {
        nl: 'Heb je vandaag al je ritten gefietst, gelopen of met het ov gemaakt?',
        en: 'Did you make all of today’s trips by bike, on foot or by public transport?',
      },
    },
  },
  {
    id: 'dag03-lunch-zonder-verpakking',
    day: 3,
    theme: 'circulariteit',
    title: { nl: 'Lunch zonder verpakking', en: 'Lunch without packaging' },
    action: {
      nl: 'Neem je lunch mee in een eigen bakje of trommel, of haal iets in de kantine zonder wegwerpverpakking. Geen zakjes, folie of bakjes die na één keer weg moeten.',
      en: 'Bring your lunch in your own box or tin, or get something in the canteen without disposable packaging. No bags, cling film or tubs that are thrown away after one use.',
    },
    tip: {
      nl: 'Een bijenwasdoek of theedoek om je brood werkt prima. Is alles in de kantine voorverpakt, of mag je eigen bakje niet gevuld worden? Meld het als prikkel: juist dat kan het management veranderen.',
      en: 'A beeswax wrap or a tea towel around your sandwich works fine. Is everything in the canteen pre-packed, or can’t they fill your own box? Report it as a barrier: that is exactly what management can change.',
    },
    question: {
      id: 'lunch-verpakkingsvrij',
      kind: 'yesno',
      text: {
        nl: 'Was je lunch vandaag helemaal zonder wegwerpverpakking?',
        en: 'Was your lunch completely free of disposable packaging today?',
      },
    },
  },
  {
    id: 'dag04-scherm-en-licht-uit',
    day: 4,
    theme: 'energietransitie',
    title: { nl: 'Scherm uit, licht uit, trap op', en: 'Screen off, lights off, take the stairs' },
    action: {
      nl: 'Zet je scherm uit als je langer dan tien minuten weg bent, doe het licht uit in een lege spreekkamer en neem de trap in plaats van de lift. Sluit je dag af met alles uit.',
      en: 'Switch off your screen when you are away for more than ten minutes, turn off the lights in an empty meeting room and take the stairs, not the lift. End your day with everything off.',
    },
    tip: {
      nl: 'Windows-toets + L vergrendelt je laptop, maar het scherm blijft vaak nog aan: druk ook op de aan/uit-knop. Blijft het licht branden omdat er geen schakelaar is? Meld het als prikkel.',
      en: 'Windows key + L locks your laptop, but the monitor often stays on: press its power button too. Do the lights stay on because there is no switch? Report it as a barrier.',
    },
    question: {
      id: 'alles-uit',
      kind: 'yesno',
      text: {
        nl: 'Stond bij vertrek alles uit: je scherm en het licht?',
        en: 'Was everything off when you left: your screen and the lights?',
      },
    },
  },
  {
    id: 'dag05-verpakking-leveringen',
    day: 5,
    theme: 'mvoi',
    title: { nl: 'Verpakking van leveringen', en: 'Packaging on deliveries' },
    action: {
      nl: 'Bekijk een levering die binnenkomt: kantoorartikelen, catering of materiaal voor de Buitendienst. Hoeveel verpakking zit eromheen, en was dat nodig? Te veel? Meld het als prikkel.',
      en: 'Look at a delivery that comes in: office supplies, catering or materials for the field services team. How much packaging is around it, and was it needed? Too much? Report it as a barrier.',
    },
    tip: {
      nl: 'Stel de leverancier één vraag: kan het met minder verpakking, in herbruikbare kratten of in één gebundelde levering? Noem de leverancier in je melding, dan kan inkoop het in het contract meenemen.',
      en: 'Ask the supplier one question: could it come with less packaging, in reusable crates or as one combined delivery? Name the supplier in your report, so procurement can take it up in the contract.',
    },
    question: {
      id: 'levering-bekeken',
      kind: 'yesno',
      text: {
        nl: 'Heb je vandaag een levering en de verpakking ervan bekeken?',
        en: 'Did you look at a delivery and its packaging today?',
      },
    },
  },
  {
    id: 'dag06-niets-printen',
    day: 6,
    theme: 'circulariteit',
    title: { nl: 'Een dag zonder printen', en: 'A day without printing' },
    action: {
      nl: 'Print vandaag niets. Lees stukken op je scherm, maak je aantekeningen digitaal en deel documenten met een link in plaats van op papier.',
      en: 'Print nothing today. Read documents on screen, take your notes digitally and share documents as a link instead of on paper.',
    },
    tip: {
      nl: 'Moet iets echt op papier, bijvoorbeeld voor een inwoner aan de balie? Dan dubbelzijdig en in zwart-wit. Dwingt een werkproces of formulier je tot printen? Dat is een prikkel: meld hem.',
      en: 'Does something really have to be on paper, for instance for a resident at the front desk? Then double-sided and in black and white. Does a process or form force you to print? That is a barrier: report it.',
    },
    question: {
      id: 'niets-geprint',
      kind: 'yesno',
      text: {
        nl: 'Is het je gelukt om vandaag niets te printen?',
        en: 'Did you manage to print nothing today?',
      },
    },
  },
  {
    id: 'dag07-kantine-en-catering',
    day: 7,
    theme: 'mvoi',
    title: { nl: 'Kantine en catering zonder wegwerp', en: 'Canteen and catering without disposables' },
    action: {
      nl: 'Vraag in de kantine of bij de catering van je overleg naar onverpakt eten, kraanwater in een kan en echt servies. Bestel je zelf catering? Kies dan geen wegwerp en geen losse porties.',
      en: 'Ask the canteen or your meeting’s caterer for unpackaged food, tap water in a jug and real crockery. Ordering catering yourself? Then choose no disposables and no single portions.',
    },
    tip: {
      nl: 'Cateringafspraken liggen vast in een contract: wat jij vraagt, helpt inkoop bij de volgende aanbesteding. Meld het dus ook als iets níet kan, bijvoorbeeld omdat er geen vaatwasser is.',
      en: 'Catering arrangements are set in a contract: what you ask for helps procurement in the next tender. So also report it when something is not possible, for instance because there is no dishwasher.',
    },
    question: {
      id: 'catering-gevraagd',
      kind: 'yesno',
      text: {
        nl: 'Heb je vandaag in de kantine of bij de catering gevraagd om minder wegwerp?',
        en: 'Did you ask the canteen or caterer for fewer disposables today?',
      },
    },
  },
  {
    id: 'dag08-digitaal-opruimen',
    day: 8,
    theme: 'energietransitie',
    title: { nl: 'Digitaal opruimen', en: 'Digital clean-up' },
    action: {
      nl: 'Ruim een kwartier je mailbox, OneDrive en Teams op: verwijder dubbele versies en oude concepten. Stuur voortaan een link in plaats van een bijlage.',
      en: 'Spend fifteen minutes clearing out your mailbox, OneDrive and Teams: delete duplicate versions and old drafts. From now on, send a link instead of an attachment.',
    },
    tip: {
      nl: 'Denk aan de Archiefwet: verwijder niets wat in het zaaksysteem of archief hoort. Ruim vooral kopieën en je eigen concepten op. Twijfel je? Vraag het je collega’s van informatiebeheer.',
      en: 'Mind the Archives Act: do not delete anything that belongs in the case management system or the archive. Clear mostly copies and your own drafts. In doubt? Ask your information management colleagues.',
    },
    question: {
      id: 'digitaal-opgeruimd',
      kind: 'yesno',
      text: {
        nl: 'Heb je vandaag een kwartier digitaal opgeruimd?',
        en: 'Did you spend fifteen minutes on a digital clean-up today?',
      },
    },
  },
  {
    id: 'dag09-repareren-en-hergebruiken',
    day: 9,
    theme: 'circulariteit',
    title: { nl: 'Repareren en hergebruiken', en: 'Repair and reuse' },
    action: {
      nl: 'Bestel vandaag niets nieuws. Haal wat je nodig hebt uit een la, de kast van je team of bij een collega, en repareer wat kapot is in plaats van het weg te gooien.',
      en: 'Order nothing new today. Get what you need from a drawer, your team’s cupboard or a colleague, and repair what is broken instead of throwing it away.',
    },
    tip: {
      nl: 'Zet een doos ‘te leen en te geef’ neer voor ordners, pennen, kabels en opladers die over zijn. Kan iets niet gerepareerd worden, zoals een bureaustoel of headset? Meld het als prikkel.',
      en: 'Put out a ‘borrow or take’ box for spare binders, pens, cables and chargers. Can’t something be repaired, such as a desk chair or a headset? Report it as a barrier.',
    },
    question: {
      id: 'hergebruikt-of-gerepareerd',
      kind: 'yesno',
      text: {
        nl: 'Heb je vandaag iets hergebruikt of gerepareerd in plaats van nieuw gekocht?',
        en: 'Did you reuse or repair something today instead of buying new?',
      },
    },
  },
  {
    id: 'dag10-circulair-inkopen',
    day: 10,
    theme: 'mvoi',
    title: { nl: 'Circulair inkopen: één eis erbij', en: 'Circular procurement: add one criterion' },
    action: {
      nl: 'Kies een inkoop of opdracht van je team, nu of binnenkort, zoals groenonderhoud of kantoormeubilair. Bedenk één circulaire eis: hergebruikt materiaal, terugname, reparatie of langere levensduur.',
      en: 'Pick a purchase or contract of your team, current or upcoming, such as grounds maintenance or office furniture. Think of one circular requirement: reused material, take-back, repair or a longer life.',
    },
    tip: {
      nl: 'De MVI-criteria van PIANOo (mvicriteria.nl) geven per productgroep kant-en-klare eisen. Bespreek je idee met je inkoopadviseur: zo wordt het een actie in het actieprogramma.',
      en: 'PIANOo’s MVI criteria (mvicriteria.nl) give ready-made requirements per product group. Discuss your idea with your procurement adviser: that is how it becomes an action in the action programme.',
    },
    question: {
      id: 'circulaire-eis-bedacht',
      kind: 'yesno',
      text: {
        nl: 'Heb je een circulaire eis bedacht voor een inkoop of opdracht?',
        en: 'Did you come up with a circular requirement for a purchase or contract?',
      },
    },
  },
];

/** The challenge of campaign day `day` (1..10), or `undefined` outside the programme. */
export function challengeForDay(day: number): Challenge | undefined {
  return CATALOGUE.find((challenge) => challenge.day === day);
}

/** The challenge with this stable id, or `undefined`. */
export function challengeById(id: string): Challenge | undefined {
  return CATALOGUE.find((challenge) => challenge.id === id);
}
