import { BarChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { init, use } from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { textOnlyTooltips } from './chart-text';

// Only what the dashboards draw (bars and lines), so the bundle carries only these parts of ECharts. The locale
// (Chinese by default) names the chart's own words; labels and tooltips come from the caller in the page's language.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The console's font stack, so Chinese labels on the canvas look like the rest of the page. */
export const CHART_FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/**
 * A tooltip body built as DOM text, for a `tooltip.formatter`: ECharts renders a formatter's string as HTML, so a
 * category or unit name typed by a user would be markup there. Each line is a text node; the first may be bold.
 */
export function textTooltip(lines: readonly string[], { boldFirst = false }: { boldFirst?: boolean } = {}): HTMLElement {
  const box = document.createElement('div');
  lines.forEach((line, i) => {
    const el = document.createElement(i === 0 && boldFirst ? 'b' : 'div');
    el.textContent = line;
    if (el.tagName === 'B') el.style.display = 'block';
    box.appendChild(el);
  });
  return box;
}

/** A click in a chart's plot area: the category (bucket) under it and, when a bar or point was hit, its series. */
export interface ChartClick {
  /** Index of the category on the category axis. */
  dataIndex: number;
  /** The series of the bar or point clicked; undefined for the empty part of a column. */
  seriesIndex: number | undefined;
}

/**
 * Which category a pixel of the first grid falls on: the category axis is `x` for columns, `y` for horizontal bars.
 * A click anywhere in a column counts, so a short bar (or a bar of 0) can still be opened.
 */
function categoryAt(instance: ECharts, x: number, y: number, axis: 'x' | 'y'): number | undefined {
  if (!instance.containPixel('grid', [x, y])) return undefined;
  const [cx, cy] = instance.convertFromPixel('grid', [x, y]);
  const index = axis === 'x' ? cx : cy;
  return index === undefined || Number.isNaN(index) ? undefined : Math.round(index);
}

/**
 * An ECharts instance on the returned element: created on mount (and again when the locale changes), given `option`
 * whenever it changes, resized with its element, disposed on unmount. The element must be rendered from the start.
 * `onClick` hears clicks in the plot area (`categoryAxis` says which axis holds the categories).
 */
export function useEChart(
  option: ChartOption | undefined,
  locale: 'ZH' | 'EN' = 'ZH',
  onClick?: (click: ChartClick) => void,
  categoryAxis: 'x' | 'y' = 'x',
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ECharts | null>(null);
  const handler = useRef(onClick);
  useEffect(() => {
    handler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas', locale });
    chart.current = instance;
    // ECharts reports a hit bar first (its own handler on the canvas was added at init), then the canvas click.
    let hit: number | undefined;
    instance.on('click', (p) => {
      hit = p.componentType === 'series' ? p.seriesIndex : undefined;
    });
    instance.getZr().on('click', (e) => {
      const seriesIndex = hit;
      hit = undefined;
      const dataIndex = categoryAt(instance, e.offsetX, e.offsetY, categoryAxis);
      if (dataIndex !== undefined) handler.current?.({ dataIndex, seriesIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale, categoryAxis]);

  useEffect(() => {
    // Tooltip formatters' strings are shown as text, whichever chart built them (chart-text.ts).
    if (option) chart.current?.setOption(textOnlyTooltips(option), { notMerge: true });
  }, [option, locale]);

  return ref;
}
