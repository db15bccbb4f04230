import { toSmallMultiplesSpec, toVegaLiteSpec } from '@mg/compare';
import { describe, expect, it } from 'vitest';
import { fakeResult } from '../test/fixtures/fake-result';
import { escapeHtml, reportHtml } from './report-html';

describe('reportHtml', () => {
  const result = fakeResult(40, 30);
  const html = reportHtml(result, {
    overlay: toVegaLiteSpec(result, { interactive: true }),
    grid: toSmallMultiplesSpec(result),
  });

  it('is one self-contained page: the chart libraries inline, nothing fetched', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="(?!data:)/);
    expect(html).toContain('vegaEmbed');
    expect(html).toContain('<link rel="icon" href="data:,">');
    // Every `</script` inside the inlined code is escaped, so exactly our 5 scripts close.
    expect(html.match(/<\/script>/g)).toHaveLength(5);
  });

  it('has the configuration, a sortable table with every activation, and the chart slots', () => {
    expect(html).toContain('<dt>learning rate</dt><dd>0.001</dd>');
    for (const summary of result.results) {
      expect(html).toContain(`<td data-key="${summary.activation}">${summary.activation}</td>`);
    }
    expect(html).toContain('<div id="overlay"');
    expect(html).toContain('<div id="grid"');
    expect(html).not.toContain('<div id="boundaries"');
  });

  it('escapes text that could break the markup', () => {
    expect(escapeHtml(`<b a="1">'&`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;');
  });
});
