// `@sifa/ui/charts`: the ECharts hook on its own entry, so ECharts loads with the pages that draw charts and not with
// every page that imports `@sifa/ui`.
export { CHART_FONT, textTooltip, useEChart } from './use-echart';
export { escapeHtml, textOnlyTooltips } from './chart-text';
export type { ChartClick, ChartOption } from './use-echart';
