import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactElement, type ReactNode } from 'react';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  // Fluent's Card hides what overflows it: with `nowrap` a value wider than the card was cut ("5 dager" for
  // "5 dagen"). The value wraps between words instead, and breaks inside a word only if that word alone does not fit.
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  // Columns wide enough for a value such as "5 dagen" or "1.234 kg" on one line at the hero size.
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(9rem, 100%), 1fr))', gap: tokens.spacingHorizontalM },
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
