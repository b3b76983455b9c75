import { BarChart, LineChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { init, use } from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

// Only what the dashboard draws, so the bundle carries only these parts of ECharts.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** The console's font stack, so Chinese labels on the canvas look like the rest of the page. */
export const CHART_FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/**
 * An ECharts instance on the returned element: created on mount (and again when the locale changes), given `option`
 * whenever it changes, resized with its element, disposed on unmount. The element must be rendered from the start.
 */
export function useEChart(option: ChartOption | undefined, locale: 'ZH' | 'EN' = 'ZH'): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas', locale });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    if (option) chart.current?.setOption(option, { notMerge: true });
  }, [option, locale]);

  return ref;
}
