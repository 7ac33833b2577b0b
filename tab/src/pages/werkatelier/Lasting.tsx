import { Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { WerkatelierLasting } from '@soestainable/shared/api/werkatelier';
import { useLang } from '../../app/context';
import { HabitWavesTable } from '../../components/lasting/WhatLasted';
import { Section, useSectionStyles } from '../../components/Section';
import { EmptyState } from '../../components/states';
import { formatDate, localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { werkatelierTexts as T } from './texts';

/**
 * The organisation's "what lasted" for the sheet's theme (issue 16 item 4): the kept share per wave per habit, the
 * cells of Organisatie → Wat bleef with the same hiding. Nothing when no campaign has ended yet.
 */
export function WerkatelierLastingSection({ lasting }: { readonly lasting: WerkatelierLasting | null }): ReactElement | null {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  if (lasting === null) return null;
  const shown = lasting.waves.some((w) => w.habits.some((h) => !h.cell.hidden));
  return (
    <Section title={t(T.lasting)}>
      <Text size={200} className={styles.muted}>
        {t(T.lastingIntro, { campaign: localized(lasting.campaign.name, lang), date: formatDate(lang, lasting.campaign.lastDay), minimum: lasting.minimumGroupSize })}
      </Text>
      {shown ? (
        <HabitWavesTable habits={lasting.habits} waves={lasting.waves} minimum={lasting.minimumGroupSize} />
      ) : (
        <EmptyState>{t(T.noLasting, { minimum: lasting.minimumGroupSize })}</EmptyState>
      )}
    </Section>
  );
}
