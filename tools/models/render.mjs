// Renders every processes/*.bpmn with bpmn-js (NavigatedViewer, loaded from
// node_modules, no network) in headless Debian Chromium via playwright-core.
//
//   node render.mjs [--png-dir DIR] [--svg-dir DIR] [file.bpmn ...]
//
// Writes docs/models/<process-id>.svg (via saveSVG) and a PNG screenshot per
// model into --png-dir (default: $TMPDIR/leadflow-models). Exits non-zero if a
// model has import warnings, lacks DI for a flow element, or if shapes overlap.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const processesDir = path.join(repo, 'processes');
let svgDir = path.join(repo, 'docs', 'models');
const require = createRequire(import.meta.url);
const bpmnJsDist = path.join(path.dirname(require.resolve('bpmn-js/package.json')), 'dist');

const args = process.argv.slice(2);
let pngDir = path.join(os.tmpdir(), 'leadflow-models');
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--png-dir') pngDir = path.resolve(args[++i]);
  else if (args[i] === '--svg-dir') svgDir = path.resolve(args[++i]);
  else files.push(path.resolve(args[i]));
}
if (!files.length) {
  for (const f of fs.readdirSync(processesDir).sort()) {
    if (f.endsWith('.bpmn')) files.push(path.join(processesDir, f));
  }
}
fs.mkdirSync(svgDir, { recursive: true });
fs.mkdirSync(pngDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'
  ]
});

let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  // Nothing may leave the machine: abort every request that is not inline.
  await page.route('**/*', route => route.abort());
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head>' +
    '<body style="margin:0;background:#fff"><div id="canvas" style="width:100%;height:100%;position:absolute"></div></body></html>');
  await page.addStyleTag({ path: path.join(bpmnJsDist, 'assets', 'diagram-js.css') });
  await page.addStyleTag({ path: path.join(bpmnJsDist, 'assets', 'bpmn-js.css') });
  await page.addScriptTag({ path: path.join(bpmnJsDist, 'bpmn-navigated-viewer.production.min.js') });

  for (const file of files) {
    const xml = fs.readFileSync(file, 'utf8');
    const result = await page.evaluate(async (xml) => {
      if (window.viewer) window.viewer.destroy();
      const viewer = window.viewer = new window.BpmnJS({ container: '#canvas' });
      let warnings = [];
      try {
        ({ warnings } = await viewer.importXML(xml));
      } catch (err) {
        return { error: String(err && err.message || err), warnings: (err.warnings || []).map(w => w.message) };
      }
      const defs = viewer.getDefinitions();
      const proc = defs.rootElements.find(e => e.$type === 'bpmn:Process');
      const registry = viewer.get('elementRegistry');

      // every flow element (recursively) must have a DI
      const missing = [];
      (function walk(container) {
        for (const fe of container.flowElements || []) {
          if (!registry.get(fe.id)) missing.push(fe.id);
          if (fe.flowElements) walk(fe);
        }
      })(proc);

      // overlap check between shapes that are not nested (boundary events and
      // children of expanded sub-processes legitimately overlap their parent)
      const shapes = registry.filter(e => !e.waypoints && e.type !== 'label' && e.parent && e.type !== 'bpmn:Process');
      const overlaps = [];
      const isAncestor = (a, b) => { for (let p = b.parent; p; p = p.parent) if (p === a) return true; return false; };
      const box = e => ({ x: e.x, y: e.y, w: e.width, h: e.height });
      const hit = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      for (let i = 0; i < shapes.length; i++) {
        for (let j = i + 1; j < shapes.length; j++) {
          const a = shapes[i], b = shapes[j];
          if (isAncestor(a, b) || isAncestor(b, a)) continue;
          if (a.host === b || b.host === a) continue;
          if (hit(box(a), box(b))) overlaps.push(a.id + ' / ' + b.id);
        }
      }
      // labels vs. shapes
      const labels = registry.filter(e => e.type === 'label');
      for (const l of labels) {
        for (const s of shapes) {
          if (s === l.labelTarget || s.type === 'bpmn:SubProcess') continue;
          if (hit(box(l), box(s))) overlaps.push('label of ' + l.labelTarget.id + ' / ' + s.id);
        }
      }

      // labels on top of each other
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          if (hit(box(labels[i]), box(labels[j]))) overlaps.push('label of ' + labels[i].labelTarget.id + ' / label of ' + labels[j].labelTarget.id);
        }
      }
      // flows running through shapes or labels
      const connections = registry.filter(e => !!e.waypoints);
      const segHits = (a, b, r, m) => {
        const x1 = Math.min(a.x, b.x), x2 = Math.max(a.x, b.x), y1 = Math.min(a.y, b.y), y2 = Math.max(a.y, b.y);
        return x1 < r.x + r.w - m && x2 > r.x + m && y1 < r.y + r.h - m && y2 > r.y + m;
      };
      for (const c of connections) {
        const ends = [ c.source, c.target ];
        for (const s of [ ...shapes, ...labels ]) {
          const owner = s.type === 'label' ? s.labelTarget : s;
          if (owner === c) continue;
          if (s.type !== 'label' && (ends.includes(s) || isAncestor(s, c))) continue;
          if (s.type !== 'label' && ends.some(e => e && (e.host === s || s.host === e))) continue;
          for (let i = 1; i < c.waypoints.length; i++) {
            if (segHits(c.waypoints[i - 1], c.waypoints[i], box(s), 2)) {
              overlaps.push('flow ' + c.id + ' crosses ' + (s.type === 'label' ? 'label of ' + owner.id : s.id));
              break;
            }
          }
        }
      }

      const canvas = viewer.get('canvas');
      const inner = canvas.viewbox().inner;
      const { svg } = await viewer.saveSVG();
      return { id: proc.id, warnings: warnings.map(w => w.message), missing, overlaps, svg,
        inner: { x: inner.x, y: inner.y, width: inner.width, height: inner.height } };
    }, xml);

    const name = path.relative(repo, file);
    if (result.error) {
      console.error(`${name}: import FAILED: ${result.error}`);
      result.warnings.forEach(w => console.error('  warning: ' + w));
      failed = true;
      continue;
    }
    const svgFile = path.join(svgDir, `${result.id}.svg`);
    // bpmn-js gives arrow markers random ids: number them so that re-running
    // on an unchanged model gives a byte-identical SVG
    const markerIds = new Map();
    const svg = result.svg.replace(/(id="|url\(['"]?#)(marker-[a-z0-9]+)/g, (all, pre, id) => {
      if (!markerIds.has(id)) markerIds.set(id, 'marker-' + (markerIds.size + 1));
      return pre + markerIds.get(id);
    });
    fs.writeFileSync(svgFile, svg.endsWith('\n') ? svg : svg + '\n');

    // screenshot at 100% zoom
    const pad = 60;
    const width = Math.ceil(result.inner.width + 2 * pad);
    const height = Math.ceil(result.inner.height + 2 * pad);
    await page.setViewportSize({ width: Math.min(Math.max(width, 200), 8000), height: Math.min(Math.max(height, 200), 8000) });
    await page.evaluate(({ inner, pad }) => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x: inner.x - pad, y: inner.y - pad, width: inner.width + 2 * pad, height: inner.height + 2 * pad });
    }, { inner: result.inner, pad });
    const pngFile = path.join(pngDir, `${result.id}.png`);
    await page.screenshot({ path: pngFile });

    const problems = [
      ...result.warnings.map(w => 'import warning: ' + w),
      ...result.missing.map(id => 'no DI for ' + id),
      ...result.overlaps.map(o => 'overlap: ' + o)
    ];
    console.log(`${name}: ${path.relative(repo, svgFile)} (png: ${pngFile})` + (problems.length ? '' : ' OK'));
    problems.forEach(p => console.log('  ' + p));
    if (problems.length) failed = true;
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
