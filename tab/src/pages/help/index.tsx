import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Role } from '@soestainable/shared/domain/types';
import { useSession } from '../../app/context';
import { PageFrame } from '../../components/PageFrame';
import { Section, useSectionStyles } from '../../components/Section';
import { useT } from '../../texts/useT';
import { helpTexts } from './texts';

type HelpKey = keyof typeof helpTexts;

/** One part of the page: its heading and its topics (a heading and a paragraph each). */
interface Part {
  readonly id: 'employee' | Role;
  readonly title: HelpKey;
  readonly topics: ReadonlyArray<readonly [heading: HelpKey, text: HelpKey]>;
}

const EMPLOYEE: Part = {
  id: 'employee',
  title: 'employeeTitle',
  topics: [
    ['joinHeading', 'joinText'],
    ['checkInHeading', 'checkInText'],
    ['reportHeading', 'reportText'],
    ['youSaidHeading', 'youSaidText'],
    ['afterHeading', 'afterText'],
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
    ['dashboardHeading', 'dashboardText'],
    ['channelHeading', 'channelText'],
    ['managerLimitsHeading', 'managerLimitsText'],
  ],
};

const COORDINATOR: Part = {
  id: 'coordinator',
  title: 'coordinatorTitle',
  topics: [
    ['adminHeading', 'adminText'],
    ['runsHeading', 'runsText'],
    ['inboxHeading', 'inboxText'],
    ['programmeHeading', 'programmeText'],
    ['reportHeadingCoordinator', 'reportTextCoordinator'],
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
});

/**
 * `#/help`, "Hoe werkt het?" (issue 18): how the challenge works, in plain words, for every employee, and the
 * extra parts of managers and coordinators. Static texts, no API call; the bot's help card links here.
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
            {part.topics.map(([heading, text]) => (
              <li key={heading} className={own.topic}>
                <h3 className={own.topicHeading}>{t(helpTexts[heading])}</h3>
                <Text className={own.text}>{t(helpTexts[text])}</Text>
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </PageFrame>
  );
}
