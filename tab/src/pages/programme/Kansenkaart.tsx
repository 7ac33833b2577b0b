import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { ActionView, Kansenkaart as KansenkaartData } from '@soestainable/shared/api/programme';
import { DIMENSION_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Language } from '@soestainable/shared/domain/types';
import { hrefFor } from '../../app/router';
import { cellActions } from './model';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StatusBadge } from '../../components/StatusBadge';
import { localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { programmeTexts } from './texts';

const useStyles = makeStyles({
  frame: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '44rem', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'start', padding: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  colHeader: {
    textAlign: 'start',
    verticalAlign: 'bottom',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  // The theme column stays in view while the dimensions scroll by in the side panel.
  rowHeader: {
    textAlign: 'start',
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    width: '9rem',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    left: 0,
    zIndex: 1,
    // Narrower in the side panel; names wrap between words only (a long word widens it, the map scrolls).
    '@media (max-width: 480px)': { width: '6.5rem' },
  },
  corner: { position: 'sticky', left: 0, zIndex: 1 },
  cell: {
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  empty: { color: tokens.colorNeutralForeground3 },
});

/**
 * The kansenkaart: theme (rows) × embedding dimension (columns), each cell listing its actions with their
 * status. A real table with a caption and row and column headers, so a screen reader announces the cell's theme
 * and dimension.
 */
export function Kansenkaart({ map, actions, lang }: { readonly map: KansenkaartData; readonly actions: readonly ActionView[]; readonly lang: Language }): ReactElement {
  const t = useT();
  const styles = useStyles();
  return (
    <ScrollRegion className={styles.frame} label={t(programmeTexts.mapCaption)}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t(programmeTexts.mapCaption)}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.colHeader, styles.corner)}>
              {t(programmeTexts.themeHeader)}
            </th>
            {map.dimensions.map((d) => (
              <th key={d} scope="col" className={styles.colHeader}>
                {t(DIMENSION_LABELS[d])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.themes.map((theme) => (
            <tr key={theme}>
              <th scope="row" className={styles.rowHeader}>
                {t(THEME_LABELS[theme])}
              </th>
              {map.dimensions.map((dimension) => {
                const inCell = cellActions(actions, map, theme, dimension);
                return (
                  <td key={dimension} className={styles.cell}>
                    {inCell.length === 0 ? (
                      <span className={styles.empty}>{t(programmeTexts.cellEmpty)}</span>
                    ) : (
                      <ul className={styles.list} aria-label={t(programmeTexts.cellCount, { count: inCell.length })}>
                        {inCell.map((a) => (
                          <li key={a.actionId} className={styles.item}>
                            <Link href={hrefFor('programme', 'action', a.actionId)}>{localized(a.title, lang)}</Link>
                            <StatusBadge status={a.status} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
