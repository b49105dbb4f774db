// Shared helpers: DOM building, API access, byte-offset conversion, span layering.

/** Builds an element: h('a', {href: '#/'}, 'text', child, [children]). Never parses HTML, so API text cannot inject markup. */
export function h(tag, attrs, ...children) {
  const svg = tag.startsWith('svg:');
  const el = svg
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** An error the API reported (status and message from its JSON error body). */
export class ApiError extends Error {
  constructor(status, message, url) {
    super(message);
    this.status = status;
    this.url = url;
  }
}

/** GETs a JSON endpoint; non-2xx answers become an ApiError carrying the server's message. */
export async function api(path, params) {
  let url = path;
  if (params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '') qs.set(k, v);
    }
    const s = qs.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  let resp;
  try {
    resp = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, `network error: ${e.message}`, url);
  }
  const text = await resp.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (resp.ok) throw new ApiError(resp.status, `the server sent something that is not JSON`, url);
  }
  if (!resp.ok) {
    const msg = body && body.error && body.error.message ? body.error.message : (text.slice(0, 300) || resp.statusText);
    throw new ApiError(resp.status, msg, url);
  }
  return body;
}

const docCache = new Map();
/** Fetches a document once per page load (the disagreement view asks for the same ones repeatedly). */
export function getDocument(id) {
  if (!docCache.has(id)) {
    const p = api(`/api/documents/${encodeURIComponent(id)}`);
    p.catch(() => docCache.delete(id));
    docCache.set(id, p);
  }
  return docCache.get(id);
}

/**
 * Maps UTF-8 byte offsets of a string to JS (UTF-16) indices.
 * The API cites spans in bytes; slicing a JS string needs code-unit indices.
 */
export class ByteMap {
  constructor(str) {
    this.str = str;
    // idx[b] = UTF-16 index of the character that starts at byte b (and of the end).
    const idx = new Int32Array(utf8Length(str) + 1);
    let b = 0;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      let n;
      if (c < 0x80) n = 1;
      else if (c < 0x800) n = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        n = 4;
        for (let k = 0; k < n; k++) idx[b + k] = i;
        b += n;
        i++;
        continue;
      } else n = 3;
      for (let k = 0; k < n; k++) idx[b + k] = i;
      b += n;
    }
    idx[b] = str.length;
    this.idx = idx;
    this.bytes = b;
  }
  /** JS index for a byte offset (clamped; a byte inside a character maps to that character's start). */
  at(byte) {
    if (byte <= 0) return 0;
    if (byte >= this.bytes) return this.str.length;
    return this.idx[byte];
  }
}

/** UTF-8 length of a JS string without allocating an encoded copy. */
export function utf8Length(str) {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Splits text into flat segments where each segment carries the set of layers covering it.
 * spans: [{start, end, (byte offsets relative to text), cls, item}] — overlapping allowed.
 * Returns [{text, spans: [...] }] in text order.
 */
export function segments(text, spans, map) {
  const m = map || new ByteMap(text);
  const cuts = new Set([0, text.length]);
  const conv = [];
  for (const s of spans) {
    const a = m.at(s.start);
    const b = m.at(s.end);
    if (!(b > a)) continue;
    conv.push({ a, b, s });
    cuts.add(a);
    cuts.add(b);
  }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b <= a) continue;
    const covering = conv.filter((c) => c.a <= a && c.b >= b).map((c) => c.s);
    out.push({ text: text.slice(a, b), spans: covering });
  }
  return out;
}

/** Renders a snippet (Arabic text) with the given byte ranges wrapped in <mark>. */
export function highlighted(text, ranges, markClass = 'hl') {
  const segs = segments(text, ranges.map(([start, end]) => ({ start, end })));
  return h(
    'span',
    { class: 'ar-text', lang: 'ar', dir: 'rtl' },
    segs.map((s) => (s.spans.length ? h('mark', { class: markClass }, s.text) : s.text)),
  );
}

/** Finds the sentence around a byte span of a document text (for evidence shown out of its document). */
export function sentenceAround(text, map, start, end) {
  const a = map.at(start);
  const b = map.at(end);
  const stops = '.!؟?\n';
  let s = a;
  while (s > 0 && !stops.includes(text[s - 1])) s--;
  let e = b;
  while (e < text.length && !stops.includes(text[e])) e++;
  if (e < text.length && text[e] !== '\n') e++;
  while (s < a && /\s/.test(text[s])) s++;
  // Byte offsets of the sentence, relative to the document.
  const sb = utf8Length(text.slice(0, s));
  return { text: text.slice(s, e), start: sb };
}

/** Debounces a function (search-as-you-type in filters). */
export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
