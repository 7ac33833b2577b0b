import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Role } from '@soestainable/shared/domain/types';
import { useSession } from '../../app/context';
import { hrefFor } from '../../app/router';
import { PageFrame } from '../../components/PageFrame';
import { Section, useSectionStyles } from '../../components/Section';
import { commonTexts, type NavTextKey } from '../../texts/texts';
import { useT } from '../../texts/useT';
import { helpTexts } from './texts';

/** The texts of headings and paragraphs: every text of the page but the link's, which has a placeholder. */
type HelpKey = Exclude<keyof typeof helpTexts, 'goTo'>;

/** The pages a topic can link to, with their names in the navigation. */
const LINKS = {
  me: 'navMe',
  barriers: 'navBarriers',
  programme: 'navProgramme',
  team: 'navTeam',
  admin: 'navAdmin',
  inbox: 'navInbox',
  report: 'navReport',
  werkatelier: 'navWerkatelier',
} as const satisfies Record<string, NavTextKey>;
type LinkedPage = keyof typeof LINKS;

/** Where a topic's link goes: the team page is the person's own team, and there is none without a team. */
function hrefOf(page: LinkedPage, teamId: string | null): string | undefined {
  if (page !== 'team') return hrefFor(page);
  return teamId === null ? undefined : hrefFor('team', teamId);
}

/** A topic: its heading, its paragraph and, where the tab has a page for it, a link there. */
type Topic = readonly [heading: HelpKey, text: HelpKey, page?: LinkedPage];

/** One part of the page: its heading and its topics. */
interface Part {
  readonly id: 'employee' | Role;
  readonly title: HelpKey;
  readonly topics: readonly Topic[];
}

const EMPLOYEE: Part = {
  id: 'employee',
  title: 'employeeTitle',
  topics: [
    ['joinHeading', 'joinText'],
    ['checkInHeading', 'checkInText', 'me'],
    ['reportHeading', 'reportText'],
    ['recogniseHeading', 'recogniseText', 'barriers'],
    ['youSaidHeading', 'youSaidText', 'programme'],
    ['afterHeading', 'afterText'],
    ['followUpHeading', 'followUpText', 'me'],
    ['ownerHeading', 'ownerText', 'programme'],
    ['settingsHeading', 'settingsText'],
    ['dataHeading', 'dataText'],
    ['privacyHeading', 'privacyText'],
    ['helpHeading', 'helpText'],
  ],
};

const MANAGER: Part = {
  id: 'manager',
  title: 'managerTitle',
  topics: [
    ['digestHeading', 'digestText'],
    ['waveDigestHeading', 'waveDigestText'],
    ['dashboardHeading', 'dashboardText', 'team'],
    ['teamLastingHeading', 'teamLastingText', 'team'],
    ['channelHeading', 'channelText'],
    ['teamCardHeading', 'teamCardText'],
    ['managerLimitsHeading', 'managerLimitsText'],
  ],
};

const COORDINATOR: Part = {
  id: 'coordinator',
  title: 'coordinatorTitle',
  topics: [
    ['adminHeading', 'adminText', 'admin'],
    ['followUpWeeksHeading', 'followUpWeeksText', 'admin'],
    ['runsHeading', 'runsText'],
    ['inboxHeading', 'inboxText', 'inbox'],
    ['recognitionsHeading', 'recognitionsText', 'inbox'],
    ['programmeHeading', 'programmeText', 'programme'],
    ['ownerInAppHeading', 'ownerInAppText', 'programme'],
    ['reportHeadingCoordinator', 'reportTextCoordinator', 'report'],
    ['werkatelierHeading', 'werkatelierText', 'werkatelier'],
    ['reportLastingHeading', 'reportLastingText', 'report'],
    ['removalHeading', 'removalText'],
  ],
};

/** The parts a person sees: the employee's always, a manager's and a coordinator's by the session's roles. */
function partsFor(roles: readonly Role[]): readonly Part[] {
  return [EMPLOYEE, ...(roles.includes('manager') ? [MANAGER] : []), ...(roles.includes('coordinator') ? [COORDINATOR] : [])];
}

const useStyles = makeStyles({
  topic: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  topicHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  text: { overflowWrap: 'break-word' },
  link: { alignSelf: 'flex-start' },
});

/**
 * `#/help`, "Hoe werkt het?" (issue 18): how the challenge works, in plain words, for every employee, and the
 * extra parts of managers and coordinators. Static texts, no API call; the bot's help card links here. A topic with a
 * page links to it (the team page only for someone with a team, as in the navigation).
 */
export default function HelpPage(): ReactElement {
  const t = useT();
  const session = useSession();
  const own = useStyles();
  const styles = useSectionStyles();
  return (
    <PageFrame title={t(helpTexts.title)} subtitle={t(helpTexts.intro)}>
      {partsFor(session.roles).map((part) => (
        <Section key={part.id} title={t(helpTexts[part.title])}>
          <ul className={styles.list}>
            {part.topics.map(([heading, text, page]) => {
              const href = page === undefined ? undefined : hrefOf(page, session.teamId);
              return (
                <li key={heading} className={own.topic}>
                  <h3 className={own.topicHeading}>{t(helpTexts[heading])}</h3>
                  <Text className={own.text}>{t(helpTexts[text])}</Text>
                  {page === undefined || href === undefined ? null : (
                    <Link className={own.link} href={href}>
                      {t(helpTexts.goTo, { page: t(commonTexts[LINKS[page]]) })}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </Section>
      ))}
    </PageFrame>
  );
}
