import type { Localized } from '@soestainable/shared/domain/types';
import { GLOSSARY } from '@soestainable/shared/text';

export const signinTexts = {
  title: { nl: 'Aanmelden voor ontwikkeling', en: 'Development sign-in' },
  intro: {
    nl: 'Lokaal, zonder Entra-app, kies je hier een demogebruiker en een rol. In Teams meld je je automatisch aan.',
    en: 'Locally, without an Entra app, pick a demo user and a role here. In Teams you are signed in automatically.',
  },
  user: { nl: 'Demogebruiker', en: 'Demo user' },
  role: { nl: 'Rol', en: 'Role' },
  roleEmployee: { nl: 'Medewerker', en: 'Employee' },
  roleManager: GLOSSARY.manager.label,
  roleCoordinator: GLOSSARY.coordinator.label,
  userOption: { nl: '{name} ({team})', en: '{name} ({team})' },
  submit: { nl: 'Aanmelden', en: 'Sign in' },
  off: {
    nl: 'Aanmelden voor ontwikkeling staat hier uit. Open de app in Microsoft Teams.',
    en: 'Development sign-in is switched off here. Open the app in Microsoft Teams.',
  },
  noUsers: { nl: 'Er zijn geen demogebruikers. Laad eerst de demogegevens (npm run seed:demo).', en: 'There are no demo users. Load the demo data first (npm run seed:demo).' },
} as const satisfies Record<string, Localized>;
