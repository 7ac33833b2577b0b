import { makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { useLang } from '../../app/context';
import { PageFrame } from '../../components/PageFrame';
import { CampaignSection } from './CampaignSection';
import { DayPlanSection } from './DayPlanSection';
import { PeopleSections } from './PeopleSections';
import { ExportSection, RunsSection } from './RunsSection';
import { adminTexts } from './texts';
import { useT } from '../../texts/useT';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * Campaign admin (`#/admin`, coordinators): campaign dates and closing days, the day plan, teams and their
 * managers, the coordinators, the latest send runs and the CSV export. Each section loads and saves on its
 * own, so one failing call leaves the others usable. The shell shows other roles a "not for your role" note.
 */
export default function AdminPage(): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useStyles();
  // A saved campaign can change the day plan's dates: the day plan section then loads again.
  const [campaignVersion, setCampaignVersion] = useState(0);
  return (
    <PageFrame title={t(adminTexts.title)} subtitle={t(adminTexts.intro)}>
      <div className={styles.sections}>
        <CampaignSection lang={lang} onChanged={() => setCampaignVersion((v) => v + 1)} />
        <DayPlanSection key={campaignVersion} lang={lang} />
        <PeopleSections lang={lang} />
        <RunsSection lang={lang} />
        <ExportSection />
      </div>
    </PageFrame>
  );
}
