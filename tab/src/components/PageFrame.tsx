import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, type ReactElement, type ReactNode } from 'react';
import { commonTexts } from '../texts/texts';
import { useT } from '../texts/useT';

const useStyles = makeStyles({
  frame: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '72rem',
    marginInline: 'auto',
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    width: '100%',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

/**
 * Every page's frame: its `<h1>` title (also the document title), an optional subtitle and actions, then the
 * content. It keeps the width readable on a desktop and lets the content use the whole 320 px side panel.
 */
export function PageFrame({ title, subtitle, actions, children }: { readonly title: string; readonly subtitle?: ReactNode; readonly actions?: ReactNode; readonly children?: ReactNode }): ReactElement {
  const styles = useStyles();
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t(commonTexts.appTitle)}`;
  }, [title, t]);
  return (
    <div className={styles.frame}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <h1 className={styles.title}>{title}</h1>
          {subtitle === undefined ? null : <Text className={styles.subtitle}>{subtitle}</Text>}
        </div>
        {actions ?? null}
      </header>
      {children}
    </div>
  );
}
