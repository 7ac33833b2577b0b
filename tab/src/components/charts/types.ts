/** A chart's data, shared by the drawn chart (recharts, loaded on demand) and its table fallback. */
export interface ChartSeries {
  readonly key: string;
  readonly name: string;
}

export interface ChartRow {
  /** The category (a day, a travel mode, a team). */
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
}

export interface ChartProps {
  readonly rows: readonly ChartRow[];
  readonly series: readonly ChartSeries[];
  /** `horizontal` draws bars left to right (long category names, the side panel). */
  readonly layout: 'vertical' | 'horizontal';
  readonly format: (value: number) => string;
  readonly width: number;
  readonly height: number;
  /** 100 %-stacked shares use a fixed 0..1 axis. */
  readonly domainMax?: number;
}
