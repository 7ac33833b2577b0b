import { tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartProps } from './types';

/**
 * The drawn chart (recharts). This module is only imported lazily by ChartFigure, so recharts stays out of the
 * first view. Colours are Fluent tokens (CSS variables), so the chart follows the light, dark and high-contrast
 * themes.
 */
const COLOURS = [
  tokens.colorBrandBackground,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteTealBorderActive,
];

export default function BarChartView({ rows, series, layout, format, width, height, domainMax }: ChartProps): ReactElement {
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const horizontal = layout === 'horizontal';
  const axisStyle = { fill: tokens.colorNeutralForeground2, fontSize: 12 };
  const domain: [number, number | 'auto'] = [0, domainMax ?? 'auto'];
  return (
    // The figure's table is what assistive technology reads (ChartFigure hides the plot from it), so recharts 3's
    // keyboard layer, which would make a hidden element focusable, stays off.
    <BarChart width={width} height={height} data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid stroke={tokens.colorNeutralStroke2} strokeDasharray="3 3" />
      {/* Axes as direct children, never in a fragment: recharts 2 finds them by walking its children, and with
          React 19 (react-is 18 inside recharts) it no longer looks into fragments. */}
      <XAxis {...(horizontal ? { type: 'number' as const, tickFormatter: format, domain } : { dataKey: 'label', type: 'category' as const })} tick={axisStyle} stroke={tokens.colorNeutralStroke1} />
      <YAxis
        {...(horizontal
          ? { type: 'category' as const, dataKey: 'label', width: Math.min(120, Math.round(width / 3)) }
          : { type: 'number' as const, tickFormatter: format, domain, allowDecimals: false, width: 40 })}
        tick={axisStyle}
        stroke={tokens.colorNeutralStroke1}
      />
      <Tooltip
        formatter={(value) => (typeof value === 'number' ? format(value) : String(value))}
        contentStyle={{ background: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground1 }}
        cursor={{ fill: tokens.colorSubtleBackgroundHover }}
      />
      {series.length > 1 ? <Legend wrapperStyle={{ color: tokens.colorNeutralForeground1, fontSize: 12 }} /> : null}
      {series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.name} fill={COLOURS[i % COLOURS.length] ?? tokens.colorBrandBackground} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
