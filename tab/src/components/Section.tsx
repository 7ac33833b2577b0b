import { makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactElement, type ReactNode } from 'react';

/** Styles of a dashboard section and the plain tables and lists inside it. */
export const useSectionStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  // Long Dutch compounds ("Programmacoördinatoren") break rather than widen the 320 px side panel.
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: tokens.spacingHorizontalL },
  table: { borderCollapse: 'collapse', width: '100%' },
  /** Around a wide table: it scrolls sideways inside the side panel instead of widening the page. */
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  // Cells wrap between words ("Openbaar vervoer", not "Openb aar vervo er"): a long word widens its column
  // instead, and the table scrolls sideways in its ScrollRegion.
  cell: { overflowWrap: 'break-word', textAlign: 'start', paddingBlock: tokens.spacingVerticalXS, paddingInline: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', overflowWrap: 'normal' },
  /**
   * Header cells (put last in mergeClasses): they wrap between words only, never inside one ("Deelna me",
   * "wegwerpver pakking"). A word longer than its column widens the table, which then scrolls sideways inside
   * its ScrollRegion.
   */
  head: { whiteSpace: 'normal', overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'manual' },
  list: { margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlockEnd: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A titled section (a region named by its heading). */
export function Section({ title, children }: { readonly title: string; readonly children: ReactNode }): ReactElement {
  const styles = useSectionStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
