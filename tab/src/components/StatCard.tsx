import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactElement, type ReactNode } from 'react';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  hint: { color: tokens.colorNeutralForeground3 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(7.5rem, 1fr))', gap: tokens.spacingHorizontalM },
});

/** One key figure: a label, the value large, an optional hint (a range, a comparison). A group named by its label. */
export function StatCard({ label, value, hint }: { readonly label: string; readonly value: ReactNode; readonly hint?: ReactNode }): ReactElement {
  const styles = useStyles();
  const labelId = useId();
  return (
    <Card className={styles.card} role="group" aria-labelledby={labelId}>
      <Text id={labelId} className={styles.label}>
        {label}
      </Text>
      <Text className={styles.value}>{value}</Text>
      {hint === undefined ? null : <Text size={200} className={styles.hint}>{hint}</Text>}
    </Card>
  );
}

/** Stat cards side by side, wrapping to one column in the side panel. */
export function StatGrid({ children }: { readonly children: ReactNode }): ReactElement {
  return <div className={useStyles().grid}>{children}</div>;
}
