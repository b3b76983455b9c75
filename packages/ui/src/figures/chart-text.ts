// ECharts shows a tooltip as HTML. Its own tooltips and `{b}` templates escape the names they show; a formatter
// function's string is taken as markup — a category or unit name typed by a user would run there (issue #11,
// stored script on the dashboard). The chart hook passes every option through `textOnlyTooltips`, so a module's
// chart cannot show a name as markup, whatever its formatter does.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

type Formatter = (params: unknown, ticket: unknown, callback?: (ticket: unknown, html: unknown) => void) => unknown;

const textOf = (html: unknown) => (typeof html === 'string' ? escapeHtml(html) : html);

function textFormatter(formatter: Formatter): Formatter {
  return (params, ticket, callback) => textOf(formatter(params, ticket, callback && ((t: unknown, html: unknown) => callback(t, textOf(html)))));
}

function textTooltip<T>(tooltip: T): T {
  if (Array.isArray(tooltip)) return tooltip.map(textTooltip) as T;
  if (!tooltip || typeof tooltip !== 'object') return tooltip;
  const t = tooltip as { formatter?: unknown };
  return typeof t.formatter === 'function' ? { ...tooltip, formatter: textFormatter(t.formatter as Formatter) } : tooltip;
}

/**
 * The option with every tooltip formatter function's string answer escaped (the chart's own tooltip, each
 * series' and each axis pointer's): the string shows as text. An element (`textTooltip`) is shown as built,
 * its lines being text nodes. The option given is not changed.
 */
export function textOnlyTooltips<T extends object>(option: T): T {
  const o = option as Record<string, unknown>;
  const out: Record<string, unknown> = { ...o };
  if ('tooltip' in o) out.tooltip = textTooltip(o.tooltip);
  if (Array.isArray(o.series)) {
    out.series = o.series.map((s: unknown) => (s && typeof s === 'object' && 'tooltip' in s ? { ...s, tooltip: textTooltip(s.tooltip) } : s));
  }
  return out as T;
}
