// Generates the diagram interchange (BPMN DI) of every processes/*.bpmn.
//
//   node layout.mjs [--check] [--out DIR] [file.bpmn ...]
//
// Only the <bpmndi:BPMNDiagram> element of each file is written (replaced if
// present, else inserted before </bpmn:definitions>); every other byte of the
// file stays as it is. The layout is computed from the semantic model alone,
// so re-running it gives the same DI for the same model (idempotent).
// --check: write nothing, exit 1 if a file's DI is missing or out of date.
// --out DIR: write the results into DIR instead of over the inputs (for trials).
//
// Layout: a layered ("Sugiyama-like") left-to-right layout on a grid of
// columns (layers) and tracks (rows), done per container so that expanded
// sub-processes are laid out inside and then sized to fit their content.
// Boundary events sit on the bottom border of their host; their flows leave
// downwards. Loops (back edges) are routed in channels below the content.
// bpmn-auto-layout 1.3.0 was evaluated first and is not used: it crashes on
// lead-lifecycle.bpmn, lays expanded sub-processes out only if the input
// already has DI, draws loops through tasks and stacks boundary events.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';

const NS_MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const NS_BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const NS_DC = 'http://www.omg.org/spec/DD/20100524/DC';
const NS_DI = 'http://www.omg.org/spec/DD/20100524/DI';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const processesDir = path.join(repo, 'processes');

// ---- geometry constants -------------------------------------------------
const COL_GAP = 50; // min. horizontal gap between columns
const TRACK_GAP = 34; // min. vertical gap between tracks
const SUB_PAD = { left: 30, right: 30, top: 40, bottom: 30 }; // expanded sub-process padding
const LABEL_W = 90; // max width of an element label
const FLOW_LABEL_W = 120; // max width of a flow label
const CHAR_W = 6.2; // estimated average char width of an 11px Arial label
const LINE_H = 14;
const CHANNEL_GAP = 26; // distance of a loop channel from the content above it
const CHANNEL_STEP = 18; // distance between two loop channels

const is = (el, type) => el && el.$instanceOf(type);
const isBoundary = el => is(el, 'bpmn:BoundaryEvent');
const isGateway = el => is(el, 'bpmn:Gateway');
const isEvent = el => is(el, 'bpmn:Event');
const isExpanded = el => is(el, 'bpmn:SubProcess') && (el.flowElements || []).some(fe => is(fe, 'bpmn:FlowNode'));

// ---- text measurement (estimate; bpmn-js re-wraps within the given box) ---
function wrap(text, maxWidth) {
  const words = String(text || '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines = [];
  let line = '';
  for (const word of words) {
    const next = line ? line + ' ' + word : word;
    if (line && next.length * CHAR_W > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function labelSize(text, maxWidth) {
  const lines = wrap(text, maxWidth - 6);
  if (!lines.length) return null;
  const widest = Math.max(...lines.map(l => l.length * CHAR_W));
  return { w: Math.ceil(Math.min(maxWidth, widest + 6)), h: lines.length * LINE_H };
}

// ---- grid ---------------------------------------------------------------
class Grid {
  constructor() { this.cells = new Map(); }
  key(c, t) { return c + ',' + t; }
  node(c, t) { const v = this.cells.get(this.key(c, t)); return v && v.node; }
  cell(c, t) {
    const k = this.key(c, t);
    if (!this.cells.has(k)) this.cells.set(k, { node: null, h: 0, v: 0 });
    return this.cells.get(k);
  }
  isFree(c, t) { const v = this.cells.get(this.key(c, t)); return !v || (!v.node && !v.h && !v.v); }
  place(n, c, t) { this.cell(c, t).node = n; n.col = c; n.track = t; }
  reserve(cells) { for (const [ c, t, o ] of cells) this.cell(c, t)[o]++; }
  // cost of running a segment through these cells; Infinity if it hits a node
  cost(cells, except = []) {
    let cost = 0;
    for (const [ c, t, o ] of cells) {
      const v = this.cells.get(this.key(c, t));
      if (!v) continue;
      if (v.node && !except.includes(v.node)) return Infinity;
      if (v[o]) cost += 6; // runs along another line
      else if (v[o === 'h' ? 'v' : 'h']) cost += 1; // crosses another line
    }
    return cost;
  }
}
const hCells = (c1, c2, t) => { const r = []; for (let c = c1; c <= c2; c++) r.push([ c, t, 'h' ]); return r; };
const vCells = (c, t1, t2) => { const r = []; for (let t = Math.min(t1, t2); t <= Math.max(t1, t2); t++) r.push([ c, t, 'v' ]); return r; };

// ---- layout of one container (process or expanded sub-process) ----------
function layoutContainer(container) {
  const flowElements = container.flowElements || [];
  const nodes = [];
  const byEl = new Map();
  const boundaries = [];
  const edges = [];
  const unsupported = [];

  for (const fe of flowElements) {
    if (is(fe, 'bpmn:SequenceFlow')) continue;
    if (isBoundary(fe)) { boundaries.push(fe); continue; }
    if (!is(fe, 'bpmn:FlowNode')) { unsupported.push(fe.id); continue; }
    const n = { el: fe, id: fe.id, out: [], in: [], boundaries: [], index: nodes.length };
    if (isExpanded(fe)) n.inner = layoutContainer(fe);
    nodes.push(n);
    byEl.set(fe, n);
  }
  for (const b of boundaries) {
    const host = byEl.get(b.attachedToRef);
    if (!host) throw new Error(`boundary event ${b.id}: host ${b.attachedToRef && b.attachedToRef.id} not in the same container`);
    host.boundaries.push({ el: b, id: b.id, host, out: [] });
  }
  const boundaryById = new Map();
  nodes.forEach(n => n.boundaries.forEach(b => boundaryById.set(b.el, b)));

  for (const fe of flowElements) {
    if (!is(fe, 'bpmn:SequenceFlow')) continue;
    const sb = boundaryById.get(fe.sourceRef);
    const src = sb ? sb.host : byEl.get(fe.sourceRef);
    const tgt = byEl.get(fe.targetRef);
    if (!src || !tgt) throw new Error(`sequence flow ${fe.id}: source or target not in the same container`);
    const e = { flow: fe, id: fe.id, src, tgt, boundary: sb || null };
    edges.push(e);
    (sb ? sb.out : src.out).push(e);
    tgt.in.push(e);
  }
  // outgoing in document order of <outgoing> refs, then boundary flows
  const outEdges = n => [ ...n.out, ...n.boundaries.flatMap(b => b.out) ];

  // sizes
  for (const n of nodes) {
    const el = n.el;
    if (n.inner) {
      n.w = Math.max(n.inner.bbox.maxX - n.inner.bbox.minX + SUB_PAD.left + SUB_PAD.right, 200);
      n.h = Math.max(n.inner.bbox.maxY - n.inner.bbox.minY + SUB_PAD.top + SUB_PAD.bottom, 120);
    } else if (isEvent(el)) { n.w = 36; n.h = 36; }
    else if (isGateway(el)) { n.w = 50; n.h = 50; }
    else { n.w = n.boundaries.length >= 2 ? 40 + 50 * n.boundaries.length : 100; n.h = 80; }
    if ((isEvent(el) || isGateway(el)) && el.name) n.label = labelSize(el.name, LABEL_W);
    for (const b of n.boundaries) b.label = b.el.name ? labelSize(b.el.name, LABEL_W) : null;
  }
  for (const e of edges) e.label = e.flow.name ? labelSize(e.flow.name, FLOW_LABEL_W) : null;

  // 1. back edges: break every cycle at the edge that jumps back furthest
  //    (by shortest distance from the start), i.e. the natural "loop back"
  const roots = [
    ...nodes.filter(n => is(n.el, 'bpmn:StartEvent')),
    ...nodes.filter(n => !is(n.el, 'bpmn:StartEvent') && n.in.length === 0),
    ...nodes
  ];
  const depth = new Map();
  {
    const q = [];
    for (const r of roots) {
      if (depth.has(r)) continue;
      depth.set(r, 0); q.push(r);
      while (q.length) {
        const n = q.shift();
        for (const e of outEdges(n)) if (!depth.has(e.tgt)) { depth.set(e.tgt, depth.get(n) + 1); q.push(e.tgt); }
      }
    }
  }
  for (let guard = 0; guard < edges.length + 1; guard++) {
    // find one cycle with a DFS over the edges not yet marked as back edges
    const state = new Map();
    let cycle = null;
    for (const root of roots) {
      if (cycle || state.get(root)) continue;
      const stack = [ [ root, 0, null ] ];
      state.set(root, 1);
      while (stack.length && !cycle) {
        const top = stack[stack.length - 1];
        const out = outEdges(top[0]).filter(e => !e.back);
        if (top[1] >= out.length) { state.set(top[0], 2); stack.pop(); continue; }
        const e = out[top[1]++];
        const st = state.get(e.tgt);
        if (st === 1) {
          const i = stack.findIndex(f => f[0] === e.tgt);
          cycle = [ ...stack.slice(i + 1).map(f => f[2]), e ];
        } else if (!st) { state.set(e.tgt, 1); stack.push([ e.tgt, 0, e ]); }
      }
    }
    if (!cycle) break;
    const score = e => (depth.get(e.src) - depth.get(e.tgt)) * 1000 + depth.get(e.src);
    cycle.reduce((a, b) => (score(b) > score(a) ? b : a)).back = true;
  }
  const fwd = edges.filter(e => !e.back);

  // 2. layers: longest path over the forward edges
  const indeg = new Map(nodes.map(n => [ n, 0 ]));
  fwd.forEach(e => indeg.set(e.tgt, indeg.get(e.tgt) + 1));
  const queue = nodes.filter(n => indeg.get(n) === 0);
  nodes.forEach(n => { n.layer = 0; });
  while (queue.length) {
    const n = queue.shift();
    for (const e of outEdges(n)) {
      if (e.back) continue;
      e.tgt.layer = Math.max(e.tgt.layer, n.layer + 1);
      indeg.set(e.tgt, indeg.get(e.tgt) - 1);
      if (indeg.get(e.tgt) === 0) queue.push(e.tgt);
    }
  }

  // 3. tracks: depth-first, the first flow continues on the same track,
  //    branches go to the nearest free track below
  const grid = new Grid();
  const placed = new Set();

  function candidatesFor(e, tTarget) {
    // cell routes from e.src to e.tgt (target at column e.tgt.layer, track tTarget)
    const s = e.src, m = e.tgt;
    const cs = s.col, ts = s.track, cm = m.layer, tm = tTarget;
    const between = (t) => cm - 1 >= cs + 1 ? hCells(cs + 1, cm - 1, t) : [];
    const gwOrBoundary = e.boundary || isGateway(s.el);
    const c = [];
    if (e.boundary) {
      if (tm > ts) c.push({ type: 'vh', cells: [ ...vCells(cs, ts + 1, tm), ...between(tm) ] });
      c.push({ type: 'detour', k: null });
      return c;
    }
    if (tm === ts) c.push({ type: 'straight', cells: between(ts) });
    if (tm > ts) {
      if (gwOrBoundary) c.push({ type: 'vh', cells: [ ...vCells(cs, ts + 1, tm), ...between(tm) ], pref: 0 });
      else {
        c.push({ type: 'hvh', cells: between(ts), pref: 1 });
        c.push({ type: 'vhA', cells: between(tm), pref: 2 });
      }
    }
    if (tm < ts) {
      if (isGateway(m.el)) c.push({ type: 'hup', cells: [ ...between(ts), ...vCells(cm, tm + 1, ts) ], pref: 0 });
      c.push({ type: 'hvh', cells: between(ts), pref: 1 });
      if (isGateway(s.el)) c.push({ type: 'vh', cells: [ ...vCells(cs, tm, ts - 1), ...between(tm) ], pref: 2 });
      c.push({ type: 'vhA', cells: between(tm), pref: 3 });
    }
    c.push({ type: 'detour', k: null });
    return c;
  }

  function bestRoute(e, tTarget, maxTrack) {
    let best = null;
    for (const cand of candidatesFor(e, tTarget)) {
      if (cand.type === 'detour') {
        // down from the source, along a free track k, up into the target
        const s = e.src, m = e.tgt;
        for (let k = Math.max(s.track, tTarget) + 1; k <= maxTrack + 1; k++) {
          const exitCells = (e.boundary || isGateway(s.el)) ? vCells(s.col, s.track + 1, k) : [];
          const cells = [ ...exitCells, ...(m.layer - 1 >= s.col + 1 ? hCells(s.col + 1, m.layer - 1, k) : []) ];
          const cost = grid.cost(cells) + 8 + (k - Math.max(s.track, tTarget)) * 2;
          if (cost < Infinity) {
            if (!best || cost < best.cost) best = { type: 'detour', k, cells, cost };
            break;
          }
        }
        continue;
      }
      const cost = grid.cost(cand.cells) + (cand.pref || 0) * 0.5;
      if (cost < Infinity && (!best || cost < best.cost)) best = { ...cand, cost };
    }
    return best;
  }

  const maxTrack = () => Math.max(0, ...nodes.filter(n => placed.has(n)).map(n => n.track));

  function placeTarget(e, continuation) {
    const m = e.tgt;
    const cm = m.layer;
    let best = null;
    const t0 = e.src.track;
    const tStart = continuation && !e.boundary ? t0 : t0 + 1;
    for (let t = tStart; t <= maxTrack() + 2; t++) {
      if (!grid.isFree(cm, t)) continue;
      const r = bestRoute(e, t, maxTrack() + 2);
      if (!r || r.type === 'detour') continue;
      const cost = r.cost + (t - t0) * 3;
      if (!best || cost < best.cost) best = { t, route: r, cost };
    }
    if (!best) {
      let t = t0 + 1;
      while (!grid.isFree(cm, t)) t++;
      best = { t, route: null };
    }
    grid.place(m, cm, best.t);
    placed.add(m);
    keepBelowFree(m);
    return best.route;
  }

  // a splitting gateway and a boundary host leave downwards: keep the cells
  // right below them free of other nodes
  function keepBelowFree(n) {
    const splits = isGateway(n.el) && n.out.filter(e => !e.back).length > 1;
    if (splits || n.boundaries.length) grid.reserve([ [ n.col, n.track + 1, 'v' ] ]);
  }

  function routeJoin(e) {
    const r = bestRoute(e, e.tgt.track, maxTrack() + 1);
    e.route = r || { type: 'channel' };
    if (r && r.cells) grid.reserve(r.cells);
  }

  function visit(n) {
    // place all direct successors first (continuation, then boundary flows,
    // then the other branches), so they get the tracks nearest to n
    let continued = false;
    const next = [];
    const ordered = [ ...n.out.filter(e => !e.back), ...n.boundaries.flatMap(b => b.out).filter(e => !e.back) ];
    for (const e of ordered) {
      if (placed.has(e.tgt)) { if (!e.route) routeJoin(e); continue; }
      const continuation = !continued && !e.boundary;
      continued = continued || continuation;
      const r = placeTarget(e, continuation);
      if (r) { e.route = r; grid.reserve(r.cells); } else routeJoin(e);
      next.push(e.tgt);
    }
    next.forEach(visit);
  }

  for (const root of roots) {
    if (placed.has(root)) continue;
    let t = 0;
    if (placed.size) t = maxTrack() + 1;
    while (!grid.isFree(root.layer, t)) t++;
    grid.place(root, root.layer, t);
    placed.add(root);
    keepBelowFree(root);
    visit(root);
  }
  for (const e of edges) if (e.back) e.route = { type: 'channel' };

  // 4. coordinates
  const nCols = Math.max(...nodes.map(n => n.col)) + 1;
  let nTracks = Math.max(...nodes.map(n => n.track)) + 1;
  for (const e of edges) if (e.route && e.route.type === 'detour') nTracks = Math.max(nTracks, e.route.k + 1);

  // 4a. how every flow leaves its source and enters its target
  const colBelowFree = n => !nodes.some(o => o !== n && o.col === n.col && o.track > n.track);
  const bottomOut = new Set(), bottomIn = new Set();
  for (const e of edges) {
    const r = e.route;
    if (e.boundary) { e.exit = 'bottom'; }
    else if (r.type === 'straight' || r.type === 'hvh' || r.type === 'hup') e.exit = 'right';
    else if (r.type === 'vh') e.exit = e.tgt.track > e.src.track ? 'bottom' : 'top';
    else if (r.type === 'vhA') e.exit = 'gap';
    else if (r.type === 'detour') e.exit = isGateway(e.src.el) ? 'bottom' : 'gap';
    if (r.type === 'hvh' || r.type === 'detour' || r.type === 'vhA') e.entry = 'gap';
    else if (r.type === 'hup') e.entry = 'bottom';
    else if (r.type !== 'channel') e.entry = 'left';
    if (e.exit === 'bottom' && !e.boundary) bottomOut.add(e.src);
    if (e.entry === 'bottom') bottomIn.add(e.tgt);
  }
  const bottomTaken = n => n.boundaries.length > 0 || (isEvent(n.el) && n.label);
  for (const e of edges) {
    if (e.route.type !== 'channel') continue;
    const s = e.src, m = e.tgt;
    const topFree = n => n.track === 0 && !edges.some(o => o.src === n && o.exit === 'top');
    if (e.boundary) e.exit = 'bottom';
    else if (isGateway(s.el)) e.exit = !bottomIn.has(s) && colBelowFree(s) ? 'bottom' : 'gap';
    else e.exit = !bottomTaken(s) && !bottomIn.has(s) && !bottomOut.has(s) && colBelowFree(s) ? 'bottom' : 'gap';
    // a loop between two elements of the top track that cannot leave
    // downwards goes over the top instead
    if (e.exit === 'gap' && topFree(s) && m.track === 0 && !edges.some(o => o.tgt === m && o.entry === 'top')) {
      e.exit = 'top'; e.entry = 'top'; e.above = true;
    }
    if (e.exit === 'bottom' && !e.boundary) bottomOut.add(s);
  }
  for (const e of edges) {
    if (e.route.type !== 'channel' || e.above) continue;
    const m = e.tgt;
    e.entry = !bottomTaken(m) && !bottomOut.has(m) && colBelowFree(m) &&
      !edges.some(o => o !== e && o.tgt === m && o.entry === 'bottom' && o.route.type !== 'channel') ? 'bottom' : 'gap';
    if (e.entry === 'bottom') bottomIn.add(m);
  }
  // loop channels: shorter loops nearer to the content, longer ones below them
  const channelEdges = edges.filter(e => e.route.type === 'channel' && !e.above)
    .sort((a, b) => (Math.abs(a.src.col - a.tgt.col) - Math.abs(b.src.col - b.tgt.col)) || (a.src.col - b.src.col) || (a.tgt.col - b.tgt.col));
  channelEdges.forEach((e, i) => { e.channel = i; });
  edges.filter(e => e.above).sort((a, b) => (Math.abs(a.src.col - a.tgt.col) - Math.abs(b.src.col - b.tgt.col)) || (a.src.col - b.src.col))
    .forEach((e, i) => { e.channel = i; });

  // 4b. vertical lanes in the gaps between columns: one per source left
  //     through a gap and one per target entered from a gap
  const lanes = new Map(); // gap index -> ordered keys
  const laneKey = (gap, key, order) => {
    if (!lanes.has(gap)) lanes.set(gap, new Map());
    const m = lanes.get(gap);
    if (!m.has(key)) m.set(key, order);
  };
  for (const e of edges) {
    if (e.exit === 'gap') laneKey(e.src.col, 'out:' + e.src.id, 0 + e.src.track / 100);
    if (e.entry === 'gap') laneKey(e.tgt.col - 1, 'in:' + e.tgt.id, 1 + (e.tgt.track) / 100);
  }

  // boundary events: order on the host's bottom border, label side
  for (const n of nodes) {
    const bs = n.boundaries;
    if (!bs.length) continue;
    const key = b => {
      const e = b.out.find(x => !x.back);
      if (!e) return -1000 - bs.indexOf(b); // loops leave leftmost
      const t = e.route && e.route.type === 'detour' ? e.route.k : e.tgt.track;
      return -t; // deeper target further left
    };
    bs.sort((a, b) => key(a) - key(b));
    bs.forEach((b, i) => { b.labelSide = i === bs.length - 1 ? 'right' : 'left'; });
  }

  // extents of each node around its centre, labels included
  const ext = n => {
    let l = n.w / 2, r = n.w / 2, above = n.h / 2, below = n.h / 2;
    if (n.label && isGateway(n.el)) { above += 5 + n.label.h; l = Math.max(l, n.label.w / 2); r = Math.max(r, n.label.w / 2); }
    if (n.label && isEvent(n.el)) { below += 5 + n.label.h; l = Math.max(l, n.label.w / 2); r = Math.max(r, n.label.w / 2); }
    if (n.boundaries.length) {
      below = Math.max(below, n.h / 2 + 18);
      const offs = boundaryOffsets(n);
      n.boundaries.forEach((b, i) => {
        const cx = offs[i] - n.w / 2;
        if (b.label) {
          below = Math.max(below, n.h / 2 + 4 + b.label.h);
          if (b.labelSide === 'right') r = Math.max(r, cx + 20 + b.label.w);
          else l = Math.max(l, -(cx - 20 - b.label.w));
        }
      });
    }
    return { l, r, above, below };
  };
  nodes.forEach(n => { n.ext = ext(n); });

  const colW = Array(nCols).fill(0);
  nodes.forEach(n => { colW[n.col] = Math.max(colW[n.col], 2 * Math.max(n.ext.l, n.ext.r)); });
  const gapW = Array(nCols).fill(COL_GAP); // gapW[c]: gap right of column c
  for (const [ g, keys ] of lanes) if (g >= 0 && g < nCols) gapW[g] = Math.max(gapW[g], 24 + 16 * keys.size);
  // room for flow labels that sit right of a gateway
  for (const e of edges) {
    if (!e.label || e.back) continue;
    const s = e.src;
    if (e.tgt.col !== s.col + 1) continue;
    let slack;
    if (e.exit === 'right') slack = colW[s.col] / 2 - (s.w / 2 + 5);
    else if (e.route.type === 'vh') slack = colW[s.col] / 2 - 6;
    else continue;
    const tgtHalf = colW[e.tgt.col] / 2 - e.tgt.w / 2;
    gapW[s.col] = Math.max(gapW[s.col], Math.ceil(e.label.w + 12 - slack - tgtHalf));
  }
  const colLeft = [];
  let x = 0;
  for (let c = 0; c < nCols; c++) { colLeft[c] = x; x += colW[c] + gapW[c]; }
  const colRight = c => colLeft[c] + colW[c];
  const laneX = (gap, key) => {
    const keys = [ ...lanes.get(gap).entries() ].sort((a, b) => a[1] - b[1]).map(k => k[0]);
    const i = keys.indexOf(key);
    const left = gap >= 0 ? colRight(gap) : colLeft[0] - COL_GAP;
    const width = gap >= 0 ? gapW[gap] : COL_GAP;
    return left + width * (i + 1) / (keys.length + 1);
  };

  const above = Array(nTracks).fill(12), below = Array(nTracks).fill(12);
  nodes.forEach(n => {
    above[n.track] = Math.max(above[n.track], n.ext.above);
    below[n.track] = Math.max(below[n.track], n.ext.below);
  });
  // flow labels above a horizontal segment on a track
  for (const e of edges) if (e.label && e.route.type === 'vh') above[e.tgt.track] = Math.max(above[e.tgt.track], 22);
  const trackY = [];
  let y = above[0];
  for (let t = 0; t < nTracks; t++) {
    if (t > 0) y += below[t - 1] + TRACK_GAP + above[t];
    trackY[t] = y;
  }

  for (const n of nodes) {
    n.cx = colLeft[n.col] + colW[n.col] / 2;
    n.cy = trackY[n.track];
    n.x = n.cx - n.w / 2;
    n.y = n.cy - n.h / 2;
  }
  // boundary event positions
  for (const n of nodes) {
    const offs = boundaryOffsets(n);
    n.boundaries.forEach((b, i) => {
      b.w = 36; b.h = 36;
      b.cx = n.x + offs[i];
      b.cy = n.y + n.h;
      b.x = b.cx - 18; b.y = b.cy - 18;
      if (b.label) {
        b.labelBounds = {
          x: b.labelSide === 'right' ? b.x + b.w + 2 : b.x - 2 - b.label.w,
          y: n.y + n.h + 4, w: b.label.w, h: b.label.h
        };
      }
    });
  }

  // 5. edge waypoints
  const left = n => ({ x: n.x, y: n.cy });
  const right = n => ({ x: n.x + n.w, y: n.cy });
  const bottom = n => ({ x: n.cx, y: n.y + n.h });
  const top = n => ({ x: n.cx, y: n.y });
  const outX = s => laneX(s.col, 'out:' + s.id);
  const inX = m => laneX(m.col - 1, 'in:' + m.id);

  const contentTop = Math.min(...nodes.map(n => n.cy - n.ext.above));
  const contentBottom = Math.max(...nodes.map(n => n.cy + n.ext.below), ...trackY.map((ty, t) => ty + below[t]));
  // loops entering the same bottom: the deeper channel enters further left
  const bottomLoops = new Map();
  for (const e of channelEdges) {
    if (e.entry !== 'bottom') continue;
    if (!bottomLoops.has(e.tgt)) bottomLoops.set(e.tgt, []);
    bottomLoops.get(e.tgt).push(e);
  }
  const entryDx = e => {
    const list = bottomLoops.get(e.tgt);
    if (!list || list.length < 2) return 0;
    const i = [ ...list ].sort((a, b) => b.channel - a.channel).indexOf(e);
    return (i - (list.length - 1) / 2) * 16;
  };

  for (const e of edges) {
    const s = e.src, m = e.tgt, r = e.route;
    const src = e.boundary || s;
    // start of the flow, down to (or level with) y0
    const start = (yTo) => {
      if (e.exit === 'bottom') return [ bottom(src), { x: src.cx, y: yTo } ];
      if (e.exit === 'top') return [ top(src), { x: src.cx, y: yTo } ];
      if (e.exit === 'gap') { const gx = outX(s); return [ right(s), { x: gx, y: s.cy }, { x: gx, y: yTo } ]; }
      return [ right(s), { x: right(s).x, y: yTo } ];
    };
    let wps;
    switch (r.type) {
    case 'straight':
      wps = [ right(s), left(m) ];
      break;
    case 'vh':
      wps = [ ...start(m.cy), left(m) ];
      break;
    case 'hvh': {
      const gx = inX(m);
      wps = [ right(s), { x: gx, y: s.cy }, { x: gx, y: m.cy }, left(m) ];
      break;
    }
    case 'vhA':
      wps = [ ...start(m.cy), left(m) ];
      break;
    case 'hup':
      wps = [ right(s), { x: m.cx, y: s.cy }, bottom(m) ];
      break;
    case 'detour': {
      const yk = trackY[r.k];
      const gx = inX(m);
      wps = [ ...start(yk), { x: gx, y: yk }, { x: gx, y: m.cy }, left(m) ];
      break;
    }
    case 'channel': {
      const yc = e.above
        ? contentTop - CHANNEL_GAP - CHANNEL_STEP * e.channel
        : contentBottom + CHANNEL_GAP + CHANNEL_STEP * e.channel;
      wps = start(yc);
      if (e.entry === 'top') {
        wps.push({ x: m.cx, y: yc }, { x: m.cx, y: m.y });
      } else if (e.entry === 'bottom') {
        const ex = m.cx + entryDx(e);
        wps.push({ x: ex, y: yc }, { x: ex, y: m.y + m.h });
      } else {
        const gx = inX(m);
        wps.push({ x: gx, y: yc }, { x: gx, y: m.cy }, left(m));
      }
      break;
    }
    default:
      throw new Error('unknown route ' + r.type);
    }
    e.wps = wps;
  }
  // drop zero-length / collinear points
  for (const e of edges) e.wps = simplify(e.wps);

  // 6. labels
  for (const n of nodes) {
    if (!n.label) continue;
    if (isGateway(n.el)) {
      const topUsed = edges.some(e => (e.src === n && e.exit === 'top') || (e.tgt === n && e.entry === 'top'));
      n.labelBounds = topUsed
        ? { x: n.cx - 8 - n.label.w, y: n.y - 2 - n.label.h, w: n.label.w, h: n.label.h }
        : { x: n.cx - n.label.w / 2, y: n.y - 5 - n.label.h, w: n.label.w, h: n.label.h };
    } else if (isEvent(n.el)) {
      n.labelBounds = { x: n.cx - n.label.w / 2, y: n.y + n.h + 5, w: n.label.w, h: n.label.h };
    }
  }
  for (const e of edges) {
    if (!e.label) continue;
    const w = e.wps;
    const { w: lw, h: lh } = e.label;
    let p;
    if (e.route.type === 'channel' && e.exit === 'gap') {
      // above the channel, next to where it turns at the source side
      const i = w.findIndex((q, j) => j > 0 && q.y === w[j - 1].y && q.y > w[0].y);
      const c = w[i - 1];
      p = { x: c.x - 6 - lw, y: c.y - 3 - lh };
    } else if (e.route.type === 'vh' && w.length >= 3 && w[1].y > w[0].y) {
      p = { x: w[1].x + 6, y: w[1].y - 4 - lh }; // above the horizontal part, right of the bend
    } else if (w[0].y === w[1].y) {
      p = { x: w[0].x + 5, y: w[0].y - 3 - lh }; // above the first horizontal segment
    } else if (w[1].y > w[0].y) {
      p = { x: w[0].x + 6, y: w[0].y + 3 }; // right of a segment going down
    } else {
      p = { x: w[0].x + 6, y: w[0].y - 3 - lh }; // right of a segment going up
    }
    e.labelBounds = { x: p.x, y: p.y, w: lw, h: lh };
  }

  // 7. nested sub-processes: move their content into place
  const shapes = [];
  for (const n of nodes) {
    if (!n.inner) continue;
    const dx = n.x + SUB_PAD.left - n.inner.bbox.minX;
    const dy = n.y + SUB_PAD.top - n.inner.bbox.minY;
    n.inner.translate(dx, dy);
  }

  // bbox of everything
  const bbox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const add = (x, y, w = 0, h = 0) => {
    bbox.minX = Math.min(bbox.minX, x); bbox.minY = Math.min(bbox.minY, y);
    bbox.maxX = Math.max(bbox.maxX, x + w); bbox.maxY = Math.max(bbox.maxY, y + h);
  };
  for (const n of nodes) {
    add(n.x, n.y, n.w, n.h);
    if (n.labelBounds) add(n.labelBounds.x, n.labelBounds.y, n.labelBounds.w, n.labelBounds.h);
    for (const b of n.boundaries) {
      add(b.x, b.y, b.w, b.h);
      if (b.labelBounds) add(b.labelBounds.x, b.labelBounds.y, b.labelBounds.w, b.labelBounds.h);
    }
  }
  for (const e of edges) {
    e.wps.forEach(p => add(p.x, p.y));
    if (e.labelBounds) add(e.labelBounds.x, e.labelBounds.y, e.labelBounds.w, e.labelBounds.h);
  }

  const result = {
    nodes, edges, bbox, unsupported: [ ...unsupported, ...nodes.flatMap(n => n.inner ? n.inner.unsupported : []) ],
    translate(dx, dy) {
      const mv = b => { if (b) { b.x += dx; b.y += dy; } };
      for (const n of nodes) {
        n.x += dx; n.y += dy; n.cx += dx; n.cy += dy; mv(n.labelBounds);
        for (const b of n.boundaries) { b.x += dx; b.y += dy; b.cx += dx; b.cy += dy; mv(b.labelBounds); }
        if (n.inner) n.inner.translate(dx, dy);
      }
      for (const e of edges) { e.wps.forEach(mv); mv(e.labelBounds); }
      bbox.minX += dx; bbox.maxX += dx; bbox.minY += dy; bbox.maxY += dy;
    }
  };
  return result;
}

function boundaryOffsets(n) {
  // x offsets (from the host's left border) of the boundary event centres
  const k = n.boundaries.length;
  if (!k) return [];
  if (n.w >= 110 * k + 60) {
    // wide host (expanded sub-process): right-aligned, room for labels
    return n.boundaries.map((b, i) => n.w - 70 - 110 * (k - 1 - i));
  }
  if (k === 1) return [ n.w / 2 ];
  return n.boundaries.map((b, i) => 28 + i * (n.w - 56) / (k - 1));
}

function simplify(wps) {
  const r = wps.map(p => ({ x: Math.round(p.x), y: Math.round(p.y) }))
    .filter((p, i, a) => i === 0 || p.x !== a[i - 1].x || p.y !== a[i - 1].y);
  for (let i = r.length - 2; i > 0; i--) {
    const a = r[i - 1], b = r[i], c = r[i + 1];
    if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y)) r.splice(i, 1);
  }
  return r;
}

// ---- DI serialisation ------------------------------------------------------
function buildDi(processEl, layout, px, indent) {
  const { bpmndi, dc, di } = px;
  const out = [];
  const ind = n => indent.repeat(n);
  const num = v => String(Math.round(v));
  const bounds = (b, w, h, d) => `${ind(d)}<${dc}:Bounds x="${num(b.x)}" y="${num(b.y)}" width="${num(w)}" height="${num(h)}" />`;
  const label = (lb, d) => lb ? [
    `${ind(d)}<${bpmndi}:BPMNLabel>`,
    bounds(lb, lb.w, lb.h, d + 1),
    `${ind(d)}</${bpmndi}:BPMNLabel>`
  ] : [];

  out.push(`<${bpmndi}:BPMNDiagram id="BPMNDiagram_${processEl.id}">`);
  out.push(`${ind(1)}<${bpmndi}:BPMNPlane id="BPMNPlane_${processEl.id}" bpmnElement="${processEl.id}">`);

  function emit(container, lay) {
    const nodeByEl = new Map(lay.nodes.map(n => [ n.el, n ]));
    const boundaryByEl = new Map(lay.nodes.flatMap(n => n.boundaries.map(b => [ b.el, b ])));
    const edgeByEl = new Map(lay.edges.map(e => [ e.flow, e ]));
    for (const fe of container.flowElements || []) {
      const n = nodeByEl.get(fe) || boundaryByEl.get(fe);
      if (n) {
        let attrs = '';
        if (is(fe, 'bpmn:ExclusiveGateway')) attrs = ' isMarkerVisible="true"';
        if (is(fe, 'bpmn:SubProcess')) attrs = ` isExpanded="${n.inner ? 'true' : 'false'}"`;
        out.push(`${ind(2)}<${bpmndi}:BPMNShape id="${fe.id}_di" bpmnElement="${fe.id}"${attrs}>`);
        out.push(bounds(n, n.w, n.h, 3));
        out.push(...label(n.labelBounds, 3));
        out.push(`${ind(2)}</${bpmndi}:BPMNShape>`);
        if (n.inner) emit(fe, n.inner);
        continue;
      }
      const e = edgeByEl.get(fe);
      if (e) {
        out.push(`${ind(2)}<${bpmndi}:BPMNEdge id="${fe.id}_di" bpmnElement="${fe.id}">`);
        for (const p of e.wps) out.push(`${ind(3)}<${di}:waypoint x="${num(p.x)}" y="${num(p.y)}" />`);
        out.push(...label(e.labelBounds, 3));
        out.push(`${ind(2)}</${bpmndi}:BPMNEdge>`);
      }
    }
  }
  emit(processEl, layout);
  out.push(`${ind(1)}</${bpmndi}:BPMNPlane>`);
  out.push(`</${bpmndi}:BPMNDiagram>`);
  return out;
}

// ---- file handling -----------------------------------------------------------
function prefixes(xml) {
  const m = xml.match(/<([A-Za-z_][\w.-]*:)?definitions\b[^>]*>/);
  if (!m) throw new Error('no <definitions> element');
  const decl = {};
  for (const [ , p, uri ] of m[0].matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) decl[uri] = decl[uri] || p;
  const need = { bpmn: NS_MODEL, bpmndi: NS_BPMNDI, dc: NS_DC, di: NS_DI };
  const px = {};
  for (const [ k, uri ] of Object.entries(need)) {
    if (!decl[uri]) throw new Error(`namespace ${uri} is not declared with a prefix on definitions; add xmlns:${k}="${uri}" first`);
    px[k] = decl[uri];
  }
  return px;
}

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

async function withLayout(xml, file) {
  const px = prefixes(xml);
  const moddle = new BpmnModdle();
  const { rootElement: defs, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (warnings && warnings.length) {
    warnings.forEach(w => console.warn(`${file}: parse warning: ${w.message}`));
  }
  const procs = (defs.rootElements || []).filter(e => is(e, 'bpmn:Process'));
  if (procs.length !== 1) throw new Error(`expected exactly one bpmn:process, found ${procs.length}`);
  if ((defs.rootElements || []).some(e => is(e, 'bpmn:Collaboration'))) throw new Error('collaborations (pools) are not supported');
  const proc = procs[0];
  const layout = layoutContainer(proc);
  if (layout.unsupported.length) console.warn(`${file}: not laid out (no DI): ${layout.unsupported.join(', ')}`);
  // move into positive coordinates with a margin
  layout.translate(150 - Math.round(layout.bbox.minX), 80 - Math.round(layout.bbox.minY));

  // ids of the generated DI must not clash with model ids
  const diBlock = new RegExp(`[ \\t]*<${escapeRe(px.bpmndi)}:BPMNDiagram\\b[\\s\\S]*?</${escapeRe(px.bpmndi)}:BPMNDiagram>[ \\t]*\\r?\\n?`, 'g');
  const existing = [ ...xml.matchAll(diBlock) ];
  const withoutDi = existing.length ? xml.replace(diBlock, '') : xml;
  const idsOutsideDi = new Set([ ...withoutDi.matchAll(/\bid\s*=\s*["']([^"']+)["']/g) ].map(m => m[1]));

  const eol = xml.includes('\r\n') ? '\r\n' : '\n';
  const indentMatch = xml.match(/\n([ \t]+)<[\w.-]+:process\b/);
  const indent = indentMatch ? indentMatch[1] : '  ';
  const lines = buildDi(proc, layout, px, indent);
  for (const l of lines) {
    const m = l.match(/ id="([^"]+)"/);
    if (m && idsOutsideDi.has(m[1])) throw new Error(`generated DI id ${m[1]} clashes with a model id`);
  }
  const block = lines.map(l => indent + l).join(eol) + eol;

  if (existing.length) {
    // replace the first diagram in place, drop any further ones
    let first = true;
    return xml.replace(diBlock, () => { if (first) { first = false; return block; } return ''; });
  }
  const close = new RegExp(`</${escapeRe(px.bpmn)}:definitions>\\s*$`);
  const m = xml.match(close);
  if (!m) throw new Error(`no closing </${px.bpmn}:definitions> at the end of the file`);
  const before = xml.slice(0, m.index);
  const sep = before.endsWith('\n') ? '' : eol;
  return before + sep + block + xml.slice(m.index);
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const outIdx = args.indexOf('--out');
  const outDir = outIdx >= 0 ? path.resolve(args[outIdx + 1]) : null;
  let files = args.filter((a, i) => !a.startsWith('--') && !(outIdx >= 0 && i === outIdx + 1)).map(f => path.resolve(f));
  if (!files.length) {
    files = fs.readdirSync(processesDir).filter(f => f.endsWith('.bpmn')).sort().map(f => path.join(processesDir, f));
  }
  let failed = false;
  for (const file of files) {
    const name = path.relative(repo, file);
    try {
      // read-modify-write in one quick step: the semantic part may be edited by
      // others; if the file changes while we compute, start over
      let done = false;
      for (let attempt = 0; attempt < 5 && !done; attempt++) {
        const xml = fs.readFileSync(file, 'utf8');
        const next = await withLayout(xml, name);
        if (next === xml) { console.log(`${name}: DI up to date`); done = true; break; }
        if (check) { console.log(`${name}: DI missing or out of date`); failed = true; done = true; break; }
        if (outDir) { fs.mkdirSync(outDir, { recursive: true }); fs.writeFileSync(path.join(outDir, path.basename(file)), next); done = true; break; }
        if (fs.readFileSync(file, 'utf8') !== xml) continue;
        fs.writeFileSync(file, next);
        console.log(`${name}: DI written`);
        done = true;
      }
      if (!done) throw new Error('file kept changing while laying it out; try again');
    } catch (err) {
      console.error(`${name}: ${err.stack || err}`);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
