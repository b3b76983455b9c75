import { describe, expect, test } from 'vitest';
import { escapeHtml, textOnlyTooltips } from './chart-text';

const MARKUP = '<img src=x onerror=alert(1)><style onload=alert(2)></style>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;&lt;style onload=alert(2)&gt;&lt;/style&gt;';

type Fn = (params: unknown, ticket?: unknown, callback?: (ticket: unknown, html: unknown) => void) => unknown;

// Issue #11 item 2: a name an administrator typed reached a tooltip formatter's HTML and ran for the leader.
describe('chart tooltips show names as text', () => {
  test('markup is escaped', () => {
    expect(escapeHtml(MARKUP)).toBe(ESCAPED);
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });

  test("a formatter function's string answer, the chart's and a series', is escaped; an element is kept", () => {
    const element = { nodeType: 1 };
    const option = textOnlyTooltips({
      tooltip: { trigger: 'axis', formatter: (p: { name: string }[]) => `<b>${p[0]?.name ?? ''}</b>` },
      series: [
        { type: 'bar', tooltip: { formatter: () => element } },
        { type: 'line', tooltip: { formatter: (p: { name: string }) => p.name } },
        { type: 'bar' },
      ],
    });
    expect((option.tooltip.formatter as Fn)([{ name: MARKUP }])).toBe(`&lt;b&gt;${ESCAPED}&lt;/b&gt;`);
    expect((option.series[0]?.tooltip?.formatter as Fn)({})).toBe(element);
    expect((option.series[1]?.tooltip?.formatter as Fn)({ name: MARKUP })).toBe(ESCAPED);
    expect(option.series[2]).toEqual({ type: 'bar' });
  });

  test('an answer given later through the callback is escaped too', () => {
    let shown: unknown;
    const option = textOnlyTooltips({
      tooltip: {
        formatter: (_p: unknown, ticket: unknown, callback: (ticket: unknown, html: unknown) => void) => {
          callback(ticket, MARKUP);
          return '…';
        },
      },
    });
    (option.tooltip.formatter as Fn)({}, 't1', (_t, html) => (shown = html));
    expect(shown).toBe(ESCAPED);
  });

  test('templates (ECharts escapes their values itself), tooltips without formatter and the given option stay as they are', () => {
    const given = { tooltip: [{ formatter: '{b}: {c}' }, { trigger: 'item' }], xAxis: { data: [MARKUP] } };
    const option = textOnlyTooltips(given);
    expect(option).toEqual(given);
    const withFn = { tooltip: { formatter: () => MARKUP } };
    const fn = withFn.tooltip.formatter;
    textOnlyTooltips(withFn);
    expect(withFn.tooltip.formatter).toBe(fn);
  });
});
