// A small force-directed layout drawn on <svg>: drag nodes, wheel to zoom, drag background to pan.

import { h } from './util.js';

/** Colours by entity type (also used by the legend and the document view's CSS). */
export const TYPE_COLOURS = {
  PER: '#b5432f',
  ORG: '#1d6fa5',
  GPE: '#2c7a3f',
  LOC: '#7a5a14',
  NORP: '#7b3f9e',
  MISC: '#5b6770',
};

/** Deterministic pseudo-random numbers so the same graph gets the same layout on every load. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 100000) / 100000;
  };
}

/** Runs a Fruchterman–Reingold style layout in place on nodes ({x,y}) with edges ({s,t,w}). */
function layout(nodes, edges, width, height, iterations = 350) {
  const rand = rng(nodes.length * 7919 + edges.length);
  const n = nodes.length;
  if (n === 0) return;
  const area = width * height;
  const k = Math.sqrt(area / n) * 0.75;
  for (const v of nodes) {
    v.x = width / 2 + (rand() - 0.5) * width * 0.8;
    v.y = height / 2 + (rand() - 0.5) * height * 0.8;
  }
  const cutoff2 = 25 * k * k;
  let temp = width / 8;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = nodes[i].x - nodes[j].x;
        let ddy = nodes[i].y - nodes[j].y;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 0.01) {
          ddx = rand() - 0.5;
          ddy = rand() - 0.5;
          d2 = 0.25;
        }
        // Far nodes do not push: loose pieces then rest at the rim of the main cluster, held by gravity.
        if (d2 > cutoff2) continue;
        const f = (k * k) / d2;
        dx[i] += ddx * f;
        dy[i] += ddy * f;
        dx[j] -= ddx * f;
        dy[j] -= ddy * f;
      }
    }
    for (const e of edges) {
      const a = nodes[e.s];
      const b = nodes[e.t];
      const ddx = a.x - b.x;
      const ddy = a.y - b.y;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = (d / k) * Math.min(1 + Math.log(e.w), 3);
      dx[e.s] -= ddx * f;
      dy[e.s] -= ddy * f;
      dx[e.t] += ddx * f;
      dy[e.t] += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      const v = nodes[i];
      // Gravity keeps disconnected pieces on screen.
      dx[i] += (width / 2 - v.x) * 0.0025 * k;
      dy[i] += (height / 2 - v.y) * 0.0025 * k;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(d, temp);
      v.x += (dx[i] / d) * step;
      v.y += (dy[i] / d) * step;
      // Margins leave room for the labels drawn under and beside each node.
      v.x = Math.max(70, Math.min(width - 70, v.x));
      v.y = Math.max(25, Math.min(height - 40, v.y));
    }
    temp = Math.max(temp * 0.985, 0.5);
  }
}

/**
 * Draws the graph into `container`.
 * data: {nodes:[{id,name,type,mentions}], edges:[{source,target,kind,label,weight}]}
 * opts: {label(node) -> string, edgeLabel(edge) -> string, onOpen(id), title}
 */
export function drawGraph(container, data, opts) {
  // A larger canvas for larger graphs: the SVG scales to its box, so nodes get smaller, not crowded.
  const W = Math.max(1000, Math.round(Math.sqrt(data.nodes.length) * 110));
  const H = Math.round(W * 0.7);
  const index = new Map();
  const nodes = data.nodes.map((n, i) => {
    index.set(n.id, i);
    return { ...n, x: 0, y: 0 };
  });
  const edges = [];
  for (const e of data.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    edges.push({ s, t, w: Math.max(1, e.weight || 1), e });
  }
  layout(nodes, edges, W, H);

  const maxM = Math.max(1, ...nodes.map((n) => n.mentions || 1));
  // Labels only for the most mentioned nodes of a large graph; every node keeps its tooltip.
  const labelled = new Set(
    [...nodes].sort((a, b) => (b.mentions || 0) - (a.mentions || 0)).slice(0, 60).map((n) => n.id),
  );
  // Sizes in canvas units grow with the canvas so that they look the same on screen.
  const fontScale = W / 1000;
  const radius = (n) => (6 + 14 * Math.sqrt((n.mentions || 1) / maxM)) * fontScale;

  const svg = h('svg:svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'graph-svg',
    role: 'group',
    'aria-label': opts.title || 'graph',
  });
  const defs = h('svg:defs', null);
  for (const kind of ['relation', 'event']) {
    defs.appendChild(
      h(
        'svg:marker',
        { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: '10', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '9', markerHeight: '9', orient: 'auto-start-reverse' },
        h('svg:path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow-${kind}` }),
      ),
    );
  }
  svg.appendChild(defs);
  const world = h('svg:g', { class: 'world' });
  svg.appendChild(world);
  const edgeLayer = h('svg:g', { class: 'edges' });
  const nodeLayer = h('svg:g', { class: 'nodes' });
  world.append(edgeLayer, nodeLayer);

  const edgeEls = edges.map((ed) => {
    const line = h(
      'svg:line',
      {
        class: `edge edge-${ed.e.kind}`,
        'stroke-width': String(Math.min(1 + Math.log2(ed.w) * 1.5, 7)),
        'marker-end': `url(#arrow-${ed.e.kind})`,
      },
      h('svg:title', null, opts.edgeLabel(ed.e)),
    );
    edgeLayer.appendChild(line);
    return line;
  });
  const nodeEls = nodes.map((n) => {
    const r = radius(n);
    const g = h(
      'svg:g',
      {
        class: 'node',
        tabindex: '0',
        role: 'link',
        'aria-label': opts.label(n),
        'data-id': n.id,
        'data-type': n.type,
      },
      h('svg:title', null, opts.label(n)),
      h('svg:circle', { r: String(r), fill: TYPE_COLOURS[n.type] || TYPE_COLOURS.MISC }),
      labelled.has(n.id) ? h('svg:text', { y: String(r + 14 * fontScale), 'text-anchor': 'middle', class: 'node-label', 'font-size': String(Math.round(13 * fontScale)) }, opts.label(n)) : null,
    );
    nodeLayer.appendChild(g);
    return g;
  });

  function place() {
    edges.forEach((ed, i) => {
      const a = nodes[ed.s];
      const b = nodes[ed.t];
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const rb = radius(b) + 2;
      const ra = radius(a);
      const l = edgeEls[i];
      l.setAttribute('x1', (a.x + (dx / d) * ra).toFixed(1));
      l.setAttribute('y1', (a.y + (dy / d) * ra).toFixed(1));
      l.setAttribute('x2', (b.x - (dx / d) * rb).toFixed(1));
      l.setAttribute('y2', (b.y - (dy / d) * rb).toFixed(1));
    });
    nodes.forEach((n, i) => nodeEls[i].setAttribute('transform', `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`));
  }
  place();

  // View transform (zoom and pan).
  let scale = 1;
  let tx = 0;
  let ty = 0;
  const applyView = () => world.setAttribute('transform', `translate(${tx},${ty}) scale(${scale})`);
  const toSvg = (evt) => {
    const pt = svg.createSVGPoint();
    pt.x = evt.clientX;
    pt.y = evt.clientY;
    const m = svg.getScreenCTM();
    const p = m ? pt.matrixTransform(m.inverse()) : pt;
    return { x: p.x, y: p.y };
  };
  const zoomAt = (factor, cx, cy) => {
    const ns = Math.max(0.3, Math.min(5, scale * factor));
    tx = cx - ((cx - tx) * ns) / scale;
    ty = cy - ((cy - ty) * ns) / scale;
    scale = ns;
    applyView();
  };
  svg.addEventListener(
    'wheel',
    (evt) => {
      evt.preventDefault();
      const p = toSvg(evt);
      zoomAt(evt.deltaY < 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    },
    { passive: false },
  );

  let drag = null;
  svg.addEventListener('pointerdown', (evt) => {
    const g = evt.target.closest('.node');
    const p = toSvg(evt);
    if (g) {
      const i = nodeEls.indexOf(g);
      drag = { kind: 'node', i, start: p, moved: false };
    } else {
      drag = { kind: 'pan', start: p, tx, ty, moved: false };
    }
    svg.setPointerCapture(evt.pointerId);
  });
  svg.addEventListener('pointermove', (evt) => {
    if (!drag) return;
    const p = toSvg(evt);
    const ddx = p.x - drag.start.x;
    const ddy = p.y - drag.start.y;
    if (Math.abs(ddx) + Math.abs(ddy) > 3) drag.moved = true;
    if (drag.kind === 'node') {
      const n = nodes[drag.i];
      n.x = (p.x - tx) / scale;
      n.y = (p.y - ty) / scale;
      place();
    } else {
      tx = drag.tx + ddx;
      ty = drag.ty + ddy;
      applyView();
    }
  });
  const end = (evt) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    try {
      svg.releasePointerCapture(evt.pointerId);
    } catch {
      // Capture already released.
    }
    if (d.kind === 'node' && !d.moved && evt.type === 'pointerup') opts.onOpen(nodes[d.i].id);
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);
  svg.addEventListener('keydown', (evt) => {
    const g = evt.target.closest && evt.target.closest('.node');
    if (g && (evt.key === 'Enter' || evt.key === ' ')) {
      evt.preventDefault();
      opts.onOpen(g.getAttribute('data-id'));
    }
  });

  container.appendChild(svg);
  return {
    zoomIn: () => zoomAt(1.25, W / 2, H / 2),
    zoomOut: () => zoomAt(1 / 1.25, W / 2, H / 2),
    reset: () => {
      scale = 1;
      tx = 0;
      ty = 0;
      applyView();
    },
  };
}
