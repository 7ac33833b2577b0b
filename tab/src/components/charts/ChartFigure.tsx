import { mergeClasses, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useId, useRef, useState, type ReactElement, type RefObject } from 'react';
import { commonTexts } from '../../texts/texts';
import { useT } from '../../texts/useT';
import { ChartBoundary } from '../boundary/ErrorBoundary';
import { LoadingState } from '../states';
import type { ChartRow, ChartSeries } from './types';

const BarChartView = lazy(() => import('./BarChartView'));

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  plot: { width: '100%', minWidth: 0 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'start', paddingBlock: tokens.spacingVerticalXS, paddingInline: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  /** The table on screen: it scrolls sideways inside the side panel instead of widening the page. */
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  // Read by screen readers, not drawn (the drawn chart is hidden from them instead). A block box, not the table
  // itself: a table ignores `width: 1px` and `overflow`, and its full width would widen a 320 px page.
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/**
 * False until the frame after the first paint: the chart's code (recharts, ~100 kB gzip) is only asked for once
 * the page's own figures are on screen, so it never competes with the first view.
 */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs before that frame's paint; a task queued from it runs after the paint.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (timer = setTimeout(() => setReady(true), 0))) : undefined;
    if (frame === undefined) timer = setTimeout(() => setReady(true), 0);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return ready;
}

/** The width of an element, following it as it resizes (falls back to 320 px where ResizeObserver is missing). */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const measure = (): void => setWidth(Math.max(200, Math.floor(el.getBoundingClientRect().width) || 320));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export interface ChartFigureProps {
  readonly title: string;
  readonly rows: readonly ChartRow[];
  readonly series: readonly ChartSeries[];
  readonly format: (value: number) => string;
  /** Header of the category column in the table. */
  readonly categoryLabel: string;
  readonly layout?: 'vertical' | 'horizontal';
  readonly height?: number;
  readonly domainMax?: number;
  /** The title's heading level: 2 when the chart is a section of its own, 3 (default) inside a section. */
  readonly headingLevel?: 2 | 3;
}

/**
 * A chart with an accessible title and its data as a table: the table is always there for screen readers (the
 * drawn chart is hidden from them), and a button shows it on screen instead of the chart. The chart itself
 * (recharts) loads on demand.
 */
export function ChartFigure({ title, rows, series, format, categoryLabel, layout = 'vertical', height, domainMax, headingLevel = 3 }: ChartFigureProps): ReactElement {
  const styles = useStyles();
  const t = useT();
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  const [ref, width] = useWidth();
  const ready = useAfterFirstPaint();
  const chartHeight = height ?? (layout === 'horizontal' ? Math.max(120, rows.length * 36 + 40) : 220);
  return (
    <figure className={styles.figure} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        {headingLevel === 2 ? (
          <h2 id={titleId} className={styles.title}>
            {title}
          </h2>
        ) : (
          <h3 id={titleId} className={styles.title}>
            {title}
          </h3>
        )}
        {/* No aria-pressed: the label already says what a press does next ("show as chart"), so a pressed state
            beside it would be read as "show as chart, pressed". */}
        <Button size="small" appearance="subtle" onClick={() => setAsTable((v) => !v)}>
          {t(asTable ? commonTexts.showChart : commonTexts.showTable)}
        </Button>
      </figcaption>
      {/* Around the drawn chart's box, not inside it: a failure's message and retry button must not be hidden from screen readers. */}
      <ChartBoundary hidden={asTable}>
        <div ref={ref} className={styles.plot} aria-hidden="true" hidden={asTable}>
          {asTable ? null : !ready ? (
            <LoadingState label={t(commonTexts.chartLoading)} />
          ) : (
            <Suspense fallback={<LoadingState label={t(commonTexts.chartLoading)} />}>
              <BarChartView rows={rows} series={series} layout={layout} format={format} width={width} height={chartHeight} {...(domainMax === undefined ? {} : { domainMax })} />
            </Suspense>
          )}
        </div>
      </ChartBoundary>
      <div className={asTable ? styles.tableWrap : styles.srOnly}>
        <table className={styles.table} aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>
                {categoryLabel}
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className={mergeClasses(styles.cell, styles.number)}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className={styles.cell}>
                  {row.label}
                </th>
                {series.map((s) => (
                  <td key={s.key} className={mergeClasses(styles.cell, styles.number)}>
                    {format(row.values[s.key] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
