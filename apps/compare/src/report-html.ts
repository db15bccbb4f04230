import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ActivationSummary, type ComparisonResult, rankSummaries } from '@mg/compare';
import { formatAccuracy, formatDuration, formatNumber } from './summary-table';

/** The charts the report shows, as Vega-Lite specs; `boundaries` only for 2-D datasets. */
export interface ReportCharts {
  overlay: Record<string, unknown>;
  grid: Record<string, unknown>;
  boundaries?: Record<string, unknown>;
}

const require = createRequire(import.meta.url);

/**
 * The minified browser builds of vega, vega-lite and vega-embed, read from their packages (their
 * `exports` do not list them, so each is found beside the package's main module).
 */
export function chartLibraries(): string[] {
  return [
    ['vega', 'vega.min.js'],
    ['vega-lite', 'vega-lite.min.js'],
    ['vega-embed', 'vega-embed.min.js'],
  ].map(([name, file]) => readFileSync(join(dirname(require.resolve(name!)), file!), 'utf8'));
}

/** Text for HTML: the five characters that could end or start markup, escaped. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A script's text made safe inside `<script>`: no `</script` or `<!--` can end it early. */
function scriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * The interactive report: one self-contained HTML file that works offline (the chart libraries are
 * inline, no request leaves the page): the configuration, the summary table (sortable by any
 * column), the overlay chart with tooltips and a click-to-isolate legend, the small multiples and,
 * for 2-D data, the decision boundaries. `window.mgReport.views` holds the Vega views once drawn.
 */
export function reportHtml(result: ComparisonResult, charts: ReportCharts): string {
  const { config, setup } = result;
  const settings: [string, string][] = [
    ['dataset', `${config.dataset} (${setup.samples} samples, ${setup.inputs} inputs)`],
    ['network', [setup.inputs, ...config.layers].join('-')],
    ['output activation', setup.outputActivation ?? 'the compared one'],
    ['epochs', String(config.epochs)],
    ['learning rate', String(config.learningRate)],
    [
      'seeds',
      config.seeds > 1 ? `${config.seed}–${config.seed + config.seeds - 1}` : String(config.seed),
    ],
    ['threshold', String(config.threshold)],
    ['threads', String(config.threads)],
    ['total time', formatDuration(result.totalTimeMs)],
  ];
  // The terminal table's order and columns: ranked by held-out loss when there is one.
  const ranked = rankSummaries(result.results);
  const columns: [string, (summary: ActivationSummary) => [string, string | number]][] = [
    ['activation', (summary) => [summary.activation, summary.activation]],
    ['final loss', (summary) => [formatNumber(summary.finalLoss), sortable(summary.finalLoss)]],
    ['best loss', (summary) => [formatNumber(summary.bestLoss), sortable(summary.bestLoss)]],
    ['best epoch', (summary) => [String(summary.bestEpoch), summary.bestEpoch]],
  ];
  if (ranked.some((summary) => summary.validation !== undefined)) {
    columns.push([
      'validation loss',
      (summary) => {
        const loss = summary.validation?.finalLoss ?? Number.NaN;
        return [summary.validation ? formatNumber(loss) : '-', sortable(loss)];
      },
    ]);
  }
  if (ranked.some((summary) => summary.accuracy !== undefined)) {
    columns.push([
      'accuracy',
      (summary) => {
        const accuracy = summary.accuracy?.finalValidation ?? summary.accuracy?.finalTrain;
        return [formatAccuracy(accuracy), accuracy ?? -1];
      },
    ]);
  }
  columns.push(
    [
      `epochs to < ${config.threshold}`,
      (summary) => [
        summary.epochsToThreshold === null ? 'never' : String(summary.epochsToThreshold),
        summary.epochsToThreshold ?? Number.MAX_VALUE,
      ],
    ],
    [
      'diverged',
      (summary) => [
        summary.diverged ? `at epoch ${summary.divergedEpoch}` : 'no',
        summary.divergedEpoch ?? -1,
      ],
    ],
    ['time', (summary) => [formatDuration(summary.timeMs), summary.timeMs]],
  );
  const headers = columns.map(([title]) => title);
  const rows = ranked.map((summary) => {
    const tds = columns
      .map(([, cell]) => {
        const [text, key] = cell(summary);
        return `<td data-key="${escapeHtml(String(key))}">${escapeHtml(text)}</td>`;
      })
      .join('');
    return `<tr>${tds}</tr>`;
  });
  const specs = {
    overlay: charts.overlay,
    grid: charts.grid,
    ...(charts.boundaries ? { boundaries: charts.boundaries } : {}),
  };
  const libraries = chartLibraries()
    .map((code) => `<script>${scriptText(code)}</script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Activation comparison: ${escapeHtml(config.dataset)} data</title>
<style>
body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 24px auto; max-width: 1240px; color: #222; padding: 0 16px; }
h1 { font-size: 24px; margin-bottom: 4px; }
h2 { font-size: 18px; margin-top: 36px; }
p.note { color: #555; margin-top: 0; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
dt { color: #555; }
dd { margin: 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 12px; border-bottom: 1px solid #e4e4e4; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { cursor: pointer; user-select: none; background: #f6f6f6; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
.chart { margin: 8px 0; overflow-x: auto; }
</style>
</head>
<body>
<h1>Activation comparison</h1>
<p class="note">One network per activation, all from the same start. Written by mg-compare; works offline.</p>
<h2>Configuration</h2>
<dl>
${settings.map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
<h2>Summary</h2>
<p class="note">Click a column's header to sort by it; click again to reverse.</p>
<table id="summary">
<thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>Loss curves</h2>
<p class="note">Hover a curve for its epoch and loss; click a name in the legend to isolate its curve (shift-click for several, click the empty plot or the name again to show all).</p>
<div id="overlay" class="chart"></div>
<h2>Each activation on its own</h2>
<div id="grid" class="chart"></div>
${charts.boundaries ? '<h2>Decision boundaries</h2>\n<div id="boundaries" class="chart"></div>' : ''}
${libraries}
<script type="application/json" id="specs">${scriptText(JSON.stringify(specs))}</script>
<script>
${scriptText(pageScript)}
</script>
</body>
</html>
`;
}

/** A table sort key that orders Infinity and NaN (diverged) last. */
function sortable(value: number): number {
  return Number.isFinite(value) ? value : Number.MAX_VALUE;
}

/** The page's own code: draws the charts and makes the table sortable. */
const pageScript = `
(function () {
  var specs = JSON.parse(document.getElementById('specs').textContent);
  var report = (window.mgReport = { views: {}, ready: null });
  var renderers = { overlay: 'svg', grid: 'svg', boundaries: 'canvas' };
  report.ready = Promise.all(
    Object.keys(specs).map(function (name) {
      return vegaEmbed('#' + name, specs[name], { actions: false, renderer: renderers[name] }).then(
        function (embedded) {
          report.views[name] = embedded.view;
        },
      );
    }),
  );
  var table = document.getElementById('summary');
  var headers = table.querySelectorAll('th');
  headers.forEach(function (header, column) {
    header.addEventListener('click', function () {
      var ascending = header.getAttribute('aria-sort') !== 'ascending';
      headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var p = a.cells[column].getAttribute('data-key');
        var q = b.cells[column].getAttribute('data-key');
        var order = column === 0 ? p.localeCompare(q) : Number(p) - Number(q);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
`;
