import type { Localized } from '@soestainable/shared/domain/types';

/**
 * Every text command the bot knows, with the words people type for it in Dutch and English (case-insensitive;
 * small typos are forgiven by the parser). `usage` is what the help card shows.
 */
export const COMMANDS = {
  help: { aliases: ['hulp', 'help', 'menu', '?'], usage: { nl: 'hulp', en: 'help' } },
  join: { aliases: ['doe mee', 'meedoen', 'aanmelden', 'join', 'sign up'], usage: { nl: 'doe mee', en: 'join' } },
  checkin: { aliases: ['inchecken', 'check in', 'checkin', 'check-in'], usage: { nl: 'inchecken', en: 'check in' } },
  progress: { aliases: ['voortgang', 'progress'], usage: { nl: 'voortgang', en: 'progress' } },
  pause: { aliases: ['pauze', 'pauzeer', 'pause'], usage: { nl: 'pauze', en: 'pause' } },
  resume: { aliases: ['hervat', 'hervatten', 'resume'], usage: { nl: 'hervat', en: 'resume' } },
  time: { aliases: ['tijd', 'time'], usage: { nl: 'tijd 08:30', en: 'time 08:30' } },
  language: { aliases: ['taal', 'language'], usage: { nl: 'taal en', en: 'language nl' } },
  team: { aliases: ['team'], usage: { nl: 'team', en: 'team' } },
  barrier: { aliases: ['prikkel', 'barrier'], usage: { nl: 'prikkel: …', en: 'barrier: …' } },
  idea: { aliases: ['idee', 'idea'], usage: { nl: 'idee: …', en: 'idea: …' } },
  endSurvey: { aliases: ['eindmeting', 'end survey', 'endsurvey'], usage: { nl: 'eindmeting', en: 'end survey' } },
  pledges: { aliases: ['voornemens', 'pledges'], usage: { nl: 'voornemens', en: 'pledges' } },
  myData: { aliases: ['mijn gegevens', 'my data'], usage: { nl: 'mijn gegevens', en: 'my data' } },
  deleteData: { aliases: ['verwijder mijn gegevens', 'delete my data'], usage: { nl: 'verwijder mijn gegevens', en: 'delete my data' } },
  leave: { aliases: ['afmelden', 'stop', 'leave'], usage: { nl: 'afmelden', en: 'leave' } },
  myActions: { aliases: ['mijn acties', 'my actions'], usage: { nl: 'mijn acties', en: 'my actions' } },
  teamCard: { aliases: ['teamkaart', 'team card', 'teamcard'], usage: { nl: 'teamkaart aan', en: 'team card on' } },
  barriers: { aliases: ['prikkels', 'barriers'], usage: { nl: 'prikkels', en: 'barriers' } },
} as const satisfies Record<string, { aliases: readonly string[]; usage: Localized }>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];
