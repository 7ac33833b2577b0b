import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';

/** Texts of my pledges, my end survey and my answers after the challenge ("Mijn voortgang"). Dutch is the source. */
export const myLastingTexts = {
  pledgesTitle: { nl: 'Mijn voornemens', en: 'My pledges' },
  pledgeCampaign: { nl: '{name} · laatst gewijzigd {date}', en: '{name} · last changed {date}' },
  help: { nl: 'Wat zou helpen', en: 'What would help' },
  change: { nl: 'Voornemens wijzigen', en: 'Change pledges' },
  choose: { nl: 'Kies 1 tot {max} gewoonten die je wilt volhouden', en: 'Choose 1 to {max} habits you want to keep' },
  chooseError: { nl: 'Kies 1 tot {max} gewoonten.', en: 'Choose 1 to {max} habits.' },
  helpLabel: { nl: 'Wat zou je helpen? (mag leeg blijven)', en: 'What would help you? (may stay empty)' },
  saved: { nl: 'Je voornemens zijn opgeslagen.', en: 'Your pledges have been saved.' },
  endTitle: { nl: 'Mijn eindmeting', en: 'My end survey' },
  question: { nl: 'Vraag', en: 'Question' },
  baseline: GLOSSARY.baseline.label,
  end: { nl: 'Eindmeting', en: 'End survey' },
  noBaseline: { nl: '–', en: '–' },
  wavesTitle: { nl: 'Mijn antwoorden na de challenge', en: 'My answers after the challenge' },
  waveColumn: { nl: 'Terugblik {wave} ({date})', en: 'Follow-up {wave} ({date})' },
  habit: { nl: 'Gewoonte', en: 'Habit' },
  notAnswered: { nl: 'niet beantwoord', en: 'not answered' },
} as const satisfies Record<string, Localized>;
