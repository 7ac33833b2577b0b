import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';

const useScrollStyles = makeStyles({
  region: {
    overflowX: 'auto',
    maxWidth: '100%',
    minWidth: 0,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * A wide table's box: it scrolls sideways inside the 320 px side panel instead of widening the page, and a
 * keyboard user can reach and scroll it (a named, focusable region).
 */
export function ScrollRegion({ label, className, children }: { readonly label: string; readonly className?: string; readonly children: ReactNode }): ReactElement {
  const styles = useScrollStyles();
  return (
    <div className={mergeClasses(styles.region, className)} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
