import { compile } from 'vega-lite';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const names = ['identity','heaviside','sigmoid','tanh','relu','gelu','softplus','selu','leakyRelu','silu','gaussian'];
const values = [];
names.forEach((n, i) => { for (let e = 0; e < 200; e++) values.push({ epoch: e, activation: n, loss: 0.01 + 8 * Math.exp(-e * (i + 1) / 300) }); });
const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: 'Loss per epoch by activation', width: 600, height: 360,
  config: { font: 'DejaVu Sans' },
  data: { values }, mark: { type: 'line' }, encoding: { x: { field: 'epoch', type: 'quantitative', title: 'Epoch' }, y: { field: 'loss', type: 'quantitative', title: 'Loss (sum of squared errors)', scale: { type: 'log' } }, color: { field: 'activation', type: 'nominal', title: 'Activation', scale: {scheme: 'category20'} } } };
const t0 = Date.now();
const vg = compile(spec).spec;
const view = new vega.View(vega.parse(vg), { renderer: 'none' });
const svg = await view.toSVG();
view.finalize();
const t1 = Date.now();
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, font: { fontFiles: [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
console.log(t1 - t0, Date.now() - t1, svg.length, png.length);
writeFileSync('/tmp/cmpscratch/a.svg', svg); writeFileSync('/tmp/cmpscratch/a.png', png);
