// Marsad web page: hash routing and the views (home, search, entities, entity, document, graph,
// timeline, sources, documents, exports). Everything comes from the JSON API of the same server.

import { h, api, ApiError, getDocument, ByteMap, segments, highlighted, sentenceAround } from './util.js';
import {
  t,
  getLang,
  setLang,
  typeLabel,
  eventLabel,
  modeLabel,
  boundLabel,
  formLabel,
  num,
  EVENT_TYPE_CODES,
  ENTITY_TYPE_CODES,
} from './i18n.js';
import { drawGraph } from './graph.js';

const main = document.getElementById('main');
const statusEl = document.getElementById('status');

// ---------------------------------------------------------------- shared state

/** Every entity the API has named so far (id -> {name, type, kb}), merged from each response's refs. */
const REFS = new Map();
function addRefs(refs) {
  if (!refs) return;
  for (const [id, r] of Object.entries(refs)) REFS.set(id, r);
}

/** Document titles by id, loaded once in the background for evidence links. */
const DOCS = new Map();
let docsLoaded = null;
function loadDocs() {
  if (!docsLoaded) {
    docsLoaded = api('/api/documents')
      .then((r) => {
        for (const d of r.documents || []) DOCS.set(d.id, d);
      })
      .catch(() => {
        docsLoaded = null;
      });
  }
  return docsLoaded;
}

// ---------------------------------------------------------------- small renderers

const enc = encodeURIComponent;
const entityHref = (id) => `#/entity/${enc(id)}`;
const docHref = (doc, start, end) =>
  start === undefined ? `#/doc/${enc(doc)}` : `#/doc/${enc(doc)}?s=${start}&e=${end}`;

function docTitle(id) {
  const d = DOCS.get(id);
  return (d && d.title) || id;
}

/** An entity name as a link: Arabic name, English beside it when known, a dot in the type's colour. */
function entityLink(id, extra) {
  const r = REFS.get(id);
  if (!r) return h('a', { href: entityHref(id), class: 'entity-link' }, h('bdi', null, id));
  const ar = r.name && r.name.ar;
  const en = r.name && r.name.en;
  return h(
    'a',
    { href: entityHref(id), class: ['entity-link', extra], 'data-type': r.type, title: typeLabel(r.type) },
    h('span', { class: `dot t-${r.type}`, 'aria-hidden': 'true' }),
    h('bdi', { lang: 'ar', dir: 'rtl', class: 'name-ar' }, ar || id),
    en && en !== ar ? [' ', h('bdi', { lang: 'en', dir: 'ltr', class: 'name-en' }, en)] : null,
  );
}

function entityList(ids) {
  if (!ids || !ids.length) return h('span', { class: 'muted' }, '—');
  const out = [];
  ids.forEach((id, i) => {
    if (i) out.push('، ');
    out.push(entityLink(id));
  });
  return h('span', null, out);
}

function typeBadge(ty) {
  return h('span', { class: `badge t-${ty}` }, typeLabel(ty));
}

function eventBadge(ty) {
  return h('span', { class: `badge ev-badge ev-${ty}`, title: ty }, eventLabel(ty));
}

/** A quoted piece of evidence linking to its place in the document. */
function evidenceLink(ev) {
  return h(
    'a',
    { href: docHref(ev.doc, ev.start, ev.end), class: 'evidence' },
    h('q', { lang: 'ar', dir: 'rtl' }, ev.text),
    h('span', { class: 'ev-doc' }, ' · ', h('bdi', null, docTitle(ev.doc))),
  );
}

/** Evidence quotes; past the first few, the rest are built only when the reader opens them. */
function evidenceList(evs, first = 3) {
  if (!evs || !evs.length) return null;
  const ul = h('ul', { class: 'evidence-list' }, evs.slice(0, first).map((ev) => h('li', null, evidenceLink(ev))));
  if (evs.length > first) ul.append(h('li', null, lazyMore(evs.length - first, () => h('ul', { class: 'evidence-list' }, evs.slice(first).map((ev) => h('li', null, evidenceLink(ev)))))));
  return ul;
}

/** A <details> whose body is built on first opening (large stores: tens of thousands of items). */
function lazyMore(n, build) {
  const d = h('details', { class: 'more' }, h('summary', null, `${t('show')} ${num(n)} ${t('more')}`));
  d.addEventListener('toggle', () => {
    if (d.open && !d.dataset.built) {
      d.dataset.built = '1';
      d.append(build());
    }
  });
  return d;
}

function section(titleKey, count, body, id) {
  return h(
    'section',
    { class: 'card', id: id || `sec-${titleKey}`, 'aria-labelledby': `h-${titleKey}` },
    h('h2', { id: `h-${titleKey}` }, t(titleKey), count !== undefined ? h('span', { class: 'count' }, ` (${num(count)})`) : null),
    body,
  );
}

function emptyOr(list, render) {
  if (!list || !list.length) return h('p', { class: 'muted' }, t('none'));
  return render(list);
}

function quantityText(q) {
  const parts = [];
  if (q.bound && q.bound !== 'exact') parts.push(boundLabel(q.bound));
  parts.push(num(q.value));
  if (q.unit) parts.push(q.unit);
  return parts.join(' ');
}

function eventItem(ev, dates) {
  const dateVal = ev.date && dates && dates.get(ev.date);
  return h(
    'li',
    { class: 'event-item', 'data-id': ev.id },
    h(
      'div',
      { class: 'event-head' },
      eventBadge(ev.type),
      ev.subtype ? h('span', { class: 'subtype', lang: 'en', dir: 'ltr' }, ev.subtype) : null,
      ev.mode && ev.mode !== 'asserted' ? h('span', { class: 'mode' }, modeLabel(ev.mode)) : null,
      dateVal ? h('span', { class: 'date-chip' }, h('bdi', null, dateVal.value)) : null,
    ),
    h(
      'div',
      { class: 'event-actors' },
      h('span', { class: 'lbl' }, t('sources_actor'), ': '),
      entityList(ev.sources),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, getLang() === 'en' ? ' → ' : ' ← '),
      h('span', { class: 'lbl' }, t('targets_actor'), ': '),
      entityList(ev.targets),
      ev.location ? [h('span', { class: 'lbl' }, ' · ', t('location'), ': '), entityLink(ev.location)] : null,
    ),
    evidenceList(ev.evidence),
  );
}

function relationItem(r) {
  return h(
    'li',
    { class: 'relation-item', 'data-id': r.id },
    entityLink(r.subject),
    ' ',
    h('span', { class: 'rel-type', lang: 'en', dir: 'ltr' }, r.type.replace(/_/g, ' ')),
    ' ',
    entityLink(r.object),
    r.valid && (r.valid.from || r.valid.to)
      ? h('span', { class: 'muted' }, ` (${t('valid')}: ${r.valid.from || '…'} – ${r.valid.to || '…'})`)
      : null,
    evidenceList(r.evidence),
  );
}

function claimItem(c) {
  return h(
    'li',
    { class: 'claim-item', 'data-id': c.id },
    h(
      'div',
      null,
      h('span', { class: 'lbl' }, t('speaker'), ': '),
      c.speaker ? entityLink(c.speaker) : h('span', { class: 'muted' }, '—'),
      c.via ? [' · ', h('span', { class: 'lbl' }, t('via'), ': '), entityLink(c.via)] : null,
      ' · ',
      h('span', { class: 'lbl' }, t('verb'), ': '),
      h('bdi', { lang: 'ar' }, c.verb || '—'),
    ),
    c.content ? h('blockquote', null, evidenceLink(c.content)) : evidenceList(c.evidence),
    c.about && c.about.length ? h('div', null, h('span', { class: 'lbl' }, t('about'), ': '), entityList(c.about)) : null,
  );
}

function quantityItem(q) {
  return h(
    'li',
    { class: 'quantity-item', 'data-id': q.id },
    h('strong', { class: 'qty' }, h('bdi', null, quantityText(q))),
    q.kind ? h('span', { class: 'kind', lang: 'en', dir: 'ltr' }, ` ${q.kind}`) : null,
    q.about && q.about.length ? [' · ', entityList(q.about)] : null,
    evidenceList(q.evidence),
  );
}

/** A date value as shown: ISO as is, a year-less `--MM-DD` marked, missing ones as undated. */
function dateLabel(v) {
  if (!v || v === 'unknown' || v === 'undated') return t('undated');
  if (v.startsWith('--')) return `${v.slice(2)} (${t('year_unknown')})`;
  return v;
}

function mapById(list) {
  const m = new Map();
  for (const x of list || []) m.set(x.id, x);
  return m;
}

/** Shows an API failure readably (status, message, what was asked) with a retry button. */
function errorBox(err) {
  const isApi = err instanceof ApiError;
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('h2', null, t('error')),
    h('p', null, isApi ? t('error_api') : String(err && err.message ? err.message : err)),
    isApi
      ? h(
          'p',
          { class: 'error-detail' },
          h('bdi', { dir: 'ltr', lang: 'en' }, `${err.status ? `${t('error_status')} ${err.status}: ` : ''}${err.message}`),
          h('br'),
          h('code', { dir: 'ltr' }, err.url),
        )
      : null,
    h('button', { type: 'button', onclick: () => route() }, t('retry')),
  );
}

function setStatus(text) {
  statusEl.textContent = text || '';
}

// ---------------------------------------------------------------- chrome (nav, language)

const NAV = [
  ['home', '#/'],
  ['search', '#/search'],
  ['entities', '#/entities'],
  ['graph', '#/graph'],
  ['timeline', '#/timeline'],
  ['sources', '#/sources'],
  ['documents', '#/documents'],
  ['exports', '#/exports'],
];

function renderChrome() {
  const lang = getLang();
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'en' ? 'ltr' : 'rtl';
  document.title = lang === 'en' ? 'Marsad · مرصد' : 'مرصد · Marsad';
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav'));
  nav.replaceChildren(
    h(
      'ul',
      null,
      NAV.map(([key, href]) => h('li', null, h('a', { href, 'data-nav': key }, t(key)))),
    ),
  );
  document.getElementById('skip-link').textContent = t('skip');
  document.getElementById('quick-label').textContent = t('search');
  const qq = document.getElementById('quick-q');
  qq.placeholder = t('search_placeholder');
  document.getElementById('quick-go').textContent = t('search');
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t('lang_toggle');
  toggle.lang = lang === 'en' ? 'ar' : 'en';
  toggle.setAttribute('aria-label', lang === 'en' ? 'التبديل إلى العربية' : 'Switch the interface to English');
  document.getElementById('foot').textContent = t('footer');
  markNav();
}

function markNav() {
  const { parts } = parseHash();
  const cur = parts[0] || 'home';
  const key = { entity: 'entities', doc: 'documents' }[cur] || cur;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.nav === key) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'ar' : 'en');
  renderChrome();
  route();
});

document.getElementById('quick-search').addEventListener('submit', (evt) => {
  evt.preventDefault();
  const q = document.getElementById('quick-q').value.trim();
  location.hash = `#/search?q=${enc(q)}`;
});

// ---------------------------------------------------------------- routing

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const qi = raw.indexOf('?');
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const query = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, query };
}

let routeSeq = 0;

async function route() {
  const seq = ++routeSeq;
  const { parts, query } = parseHash();
  markNav();
  const quick = document.getElementById('quick-q');
  if (document.activeElement !== quick) quick.value = parts[0] === 'search' ? query.get('q') || '' : '';
  const view = VIEWS[parts[0] || 'home'];
  const container = h('div', { class: 'view' });
  main.setAttribute('aria-busy', 'true');
  setStatus(t('loading'));
  try {
    if (!view) {
      container.append(h('h1', { tabindex: '-1' }, t('not_found')), h('p', null, h('a', { href: '#/' }, t('home'))));
    } else {
      await view(container, parts.slice(1), query);
    }
  } catch (err) {
    console.error(err);
    container.append(errorBox(err));
  }
  if (seq !== routeSeq) return; // A newer navigation won.
  main.replaceChildren(container);
  main.removeAttribute('aria-busy');
  // Lets tests (and scripts) tell when the view for the current address is on screen.
  main.dataset.shown = location.hash;
  main.dataset.lang = getLang();
  setStatus('');
  const heading = container.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    document.title = `${heading.textContent} · ${getLang() === 'en' ? 'Marsad' : 'مرصد'}`;
  }
  if (container.afterMount) container.afterMount();
  else if (heading && !query.has('keepfocus')) heading.focus({ preventScroll: true });
  if (!container.afterMount) window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (evt) => {
  console.error(evt.reason);
  main.replaceChildren(errorBox(evt.reason));
});

// ---------------------------------------------------------------- views

const VIEWS = {
  home: viewHome,
  search: viewSearch,
  entities: viewEntities,
  entity: viewEntity,
  doc: viewDocument,
  documents: viewDocuments,
  graph: viewGraph,
  timeline: viewTimeline,
  sources: viewSources,
  exports: viewExports,
};

function statCount(stats, key) {
  if (!stats) return null;
  const c = stats.counts && typeof stats.counts === 'object' ? stats.counts : stats;
  const v = c[key];
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && typeof v.count === 'number') return v.count;
  return null;
}

function outletsOf(stats) {
  const o = stats && stats.outlets;
  if (!Array.isArray(o)) return [];
  return o
    .map((x) => (typeof x === 'string' ? x : x && (x.outlet || x.name || x.id)))
    .filter((x) => typeof x === 'string' && x);
}

async function viewHome(el) {
  const [stats, top] = await Promise.all([api('/api/stats'), api('/api/entities', { limit: 12 }), loadDocs()]);
  el.append(
    h('h1', null, t('welcome')),
    h('p', { class: 'lead' }, t('welcome_text')),
    searchForm({}, null, true),
  );
  const keys = ['documents', 'entities', 'relations', 'events', 'quantities', 'dates', 'claims', 'disagreements'];
  const links = { documents: '#/documents', entities: '#/entities', events: '#/timeline', relations: '#/graph', disagreements: '#/sources' };
  el.append(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'h-stats' },
      h('h2', { id: 'h-stats' }, t('stats')),
      h(
        'ul',
        { class: 'stats' },
        keys.map((k) => {
          const v = statCount(stats, k);
          if (v === null) return null;
          const body = [h('span', { class: 'stat-n' }, num(v)), h('span', { class: 'stat-l' }, t(`n_${k}`))];
          return h('li', { 'data-stat': k }, links[k] ? h('a', { href: links[k] }, body) : body);
        }),
      ),
    ),
    section('top_entities', undefined, entityTable(top.entities || [])),
  );
  el.append(h('p', null, h('a', { href: '#/entities', class: 'more' }, t('all_entities'))));
}

function entityTable(list) {
  if (!list.length) return h('p', { class: 'muted' }, t('none'));
  for (const e of list) REFS.set(e.id, { name: e.name, type: e.type, kb: e.kb });
  return h(
    'table',
    { class: 'entity-table' },
    h(
      'thead',
      null,
      h('tr', null, h('th', { scope: 'col' }, t('entity')), h('th', { scope: 'col' }, t('type')), h('th', { scope: 'col' }, t('mentions')), h('th', { scope: 'col' }, t('documents')), h('th', { scope: 'col' }, t('wikidata'))),
    ),
    h(
      'tbody',
      null,
      list.map((e) =>
        h(
          'tr',
          { 'data-id': e.id },
          h('td', null, entityLink(e.id)),
          h('td', null, typeBadge(e.type)),
          h('td', { class: 'num' }, num(e.mentions)),
          h('td', { class: 'num' }, num(e.documents)),
          h('td', null, e.kb ? wikidataLink(e.kb) : h('span', { class: 'muted' }, '—')),
        ),
      ),
    ),
  );
}

function wikidataLink(kb) {
  return h(
    'a',
    { href: `https://www.wikidata.org/wiki/${enc(kb)}`, class: 'wikidata', rel: 'noopener noreferrer', target: '_blank', lang: 'en', dir: 'ltr' },
    kb,
  );
}

/** The search form; `entities`/`outlets` fill the filter menus when known. */
function searchForm(q, opts, compact) {
  const field = (key, control) => h('div', { class: 'field' }, h('label', { for: `f-${key}` }, t(key === 'q' ? 'search_text' : `filter_${key}`)), control);
  const qInput = h('input', { id: 'f-q', name: 'q', type: 'search', value: q.q || '', placeholder: t('search_placeholder'), autocomplete: 'off' });
  const form = h('form', { class: ['search-form', compact && 'compact'], role: 'search', 'aria-label': t('search') });
  form.append(h('div', { class: 'search-row' }, field('q', qInput), h('button', { type: 'submit', class: 'primary' }, t('search'))));
  if (!compact) {
    const entSel = h('select', { id: 'f-entity', name: 'entity' }, h('option', { value: '' }, t('any')));
    const ents = (opts && opts.entities) || [];
    const seen = new Set();
    for (const e of ents) {
      seen.add(e.id);
      const label = e.name.en && e.name.en !== e.name.ar ? `${e.name.ar} — ${e.name.en}` : e.name.ar;
      entSel.append(h('option', { value: e.id, selected: q.entity === e.id }, label));
    }
    if (q.entity && !seen.has(q.entity)) {
      const r = REFS.get(q.entity);
      entSel.append(h('option', { value: q.entity, selected: true }, r ? r.name.ar : q.entity));
    }
    const evSel = h(
      'select',
      { id: 'f-event_type', name: 'event_type' },
      h('option', { value: '' }, t('any')),
      EVENT_TYPE_CODES.map((c) => h('option', { value: c, selected: q.event_type === c }, `${eventLabel(c)} (${c})`)),
    );
    const outlets = (opts && opts.outlets) || [];
    const outSel = h(
      'select',
      { id: 'f-outlet', name: 'outlet' },
      h('option', { value: '' }, t('any')),
      outlets.map((o) => h('option', { value: o, selected: q.outlet === o }, o)),
      q.outlet && !outlets.includes(q.outlet) ? h('option', { value: q.outlet, selected: true }, q.outlet) : null,
    );
    form.append(
      h(
        'div',
        { class: 'filters' },
        field('entity', entSel),
        field('event_type', evSel),
        field('outlet', outSel),
        field('from', h('input', { id: 'f-from', name: 'from', type: 'date', value: q.from || '' })),
        field('to', h('input', { id: 'f-to', name: 'to', type: 'date', value: q.to || '' })),
      ),
    );
  }
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    const fd = new FormData(form);
    const qs = new URLSearchParams();
    for (const [k, v] of fd.entries()) if (String(v).trim()) qs.set(k, String(v).trim());
    location.hash = `#/search?${qs.toString()}`;
  });
  return form;
}

const PAGE = 20;

async function viewSearch(el, _parts, query) {
  const q = Object.fromEntries(query.entries());
  const offset = Math.max(0, parseInt(q.offset || '0', 10) || 0);
  const hasQuery = ['q', 'entity', 'event_type', 'outlet', 'from', 'to'].some((k) => q[k]);
  const [stats, ents, results, matching] = await Promise.all([
    api('/api/stats').catch(() => null),
    api('/api/entities', { limit: 200 }).catch(() => ({ entities: [] })),
    hasQuery
      ? api('/api/search', { q: q.q, entity: q.entity, event_type: q.event_type, outlet: q.outlet, from: q.from, to: q.to, limit: PAGE, offset })
      : Promise.resolve(null),
    q.q ? api('/api/entities', { q: q.q, limit: 8 }).catch(() => null) : Promise.resolve(null),
    loadDocs(),
  ]);
  for (const e of ents.entities || []) REFS.set(e.id, { name: e.name, type: e.type, kb: e.kb });
  el.append(h('h1', null, t('search'), q.q ? [': ', h('bdi', { lang: 'ar' }, q.q)] : null));
  el.append(searchForm(q, { entities: ents.entities || [], outlets: outletsOf(stats) }, false));
  if (matching && matching.entities && matching.entities.length) {
    for (const e of matching.entities) REFS.set(e.id, { name: e.name, type: e.type, kb: e.kb });
    el.append(
      h(
        'section',
        { class: 'card matching', 'aria-labelledby': 'h-matching' },
        h('h2', { id: 'h-matching' }, t('matching_entities')),
        h(
          'ul',
          { class: 'chips' },
          matching.entities.map((e) => h('li', null, entityLink(e.id), h('span', { class: 'muted' }, ` ${num(e.mentions)}`))),
        ),
      ),
    );
  }
  if (!results) return;
  const hits = results.hits || [];
  el.append(
    h(
      'section',
      { class: 'results', 'aria-labelledby': 'h-results' },
      h('h2', { id: 'h-results' }, t('results'), h('span', { class: 'count' }, ` (${num(results.total || 0)} ${t('n_results')})`)),
      hits.length
        ? h(
            'ol',
            { class: 'hits', start: String(offset + 1) },
            hits.map((hit) => {
              const s = hit.sentence;
              const rel = (hit.highlights || []).map(([a, b]) => [a - s.start, b - s.start]);
              return h(
                'li',
                { class: 'hit' },
                h(
                  'a',
                  { href: docHref(s.doc, s.start, s.end), class: 'hit-link' },
                  h('p', { class: 'hit-text', dir: 'rtl', lang: 'ar' }, highlighted(s.text, rel)),
                ),
                h(
                  'div',
                  { class: 'hit-meta' },
                  h('a', { href: docHref(s.doc) }, h('bdi', null, hit.title || docTitle(s.doc))),
                  hit.outlet ? [' · ', h('bdi', null, hit.outlet)] : null,
                  hit.published ? [' · ', h('bdi', null, hit.published)] : null,
                ),
              );
            }),
          )
        : h('p', { class: 'muted' }, t('no_results')),
      pager(q, offset, results.total || 0, '#/search'),
    ),
  );
}

function pager(q, offset, total, base) {
  if (total <= PAGE) return null;
  const link = (off, key) => {
    const qs = new URLSearchParams({ ...q, offset: String(off) });
    return h('a', { href: `${base}?${qs}`, class: 'pager-link' }, t(key));
  };
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('results') },
    offset > 0 ? link(Math.max(0, offset - PAGE), 'prev') : null,
    h('span', null, ` ${num(offset + 1)}–${num(Math.min(total, offset + PAGE))} / ${num(total)} `),
    offset + PAGE < total ? link(offset + PAGE, 'next') : null,
  );
}

async function viewEntities(el, _parts, query) {
  const q = query.get('q') || '';
  const type = query.get('type') || '';
  const offset = Math.max(0, parseInt(query.get('offset') || '0', 10) || 0);
  const res = await api('/api/entities', { q, type, limit: 100, offset });
  el.append(h('h1', null, t('entities'), h('span', { class: 'count' }, ` (${num(res.total || 0)})`)));
  const input = h('input', { id: 'ent-q', type: 'search', value: q, autocomplete: 'off' });
  const sel = h(
    'select',
    { id: 'ent-type' },
    h('option', { value: '' }, t('any')),
    ENTITY_TYPE_CODES.map((c) => h('option', { value: c, selected: c === type }, typeLabel(c))),
  );
  const form = h(
    'form',
    { class: 'filters inline', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'ent-q' }, t('filter_name')), input),
    h('div', { class: 'field' }, h('label', { for: 'ent-type' }, t('type')), sel),
    h('button', { type: 'submit' }, t('go')),
  );
  const go = () => {
    const qs = new URLSearchParams();
    if (input.value.trim()) qs.set('q', input.value.trim());
    if (sel.value) qs.set('type', sel.value);
    qs.set('keepfocus', '1');
    location.hash = `#/entities?${qs}`;
  };
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    go();
  });
  sel.addEventListener('change', go);
  el.append(form, entityTable(res.entities || []));
  if ((res.total || 0) > 100) {
    const qs = new URLSearchParams({ q, type });
    el.append(
      h(
        'nav',
        { class: 'pager' },
        offset > 0 ? h('a', { href: `#/entities?${qs}&offset=${Math.max(0, offset - 100)}` }, t('prev')) : null,
        ' ',
        offset + 100 < res.total ? h('a', { href: `#/entities?${qs}&offset=${offset + 100}` }, t('next')) : null,
      ),
    );
  }
  if (query.has('keepfocus')) {
    el.afterMount = () => {
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    };
  }
}

async function viewEntity(el, parts) {
  const id = parts[0];
  const [res] = await Promise.all([api(`/api/entities/${enc(id)}`), loadDocs()]);
  addRefs(res.refs);
  const e = res.entity;
  REFS.set(e.id, { name: e.name, type: e.type, kb: e.kb });
  const docsN = new Set((e.mentions || []).map((m) => m.doc)).size;
  el.append(
    h(
      'header',
      { class: 'entity-head' },
      h(
        'h1',
        null,
        h('span', { class: `dot big t-${e.type}`, 'aria-hidden': 'true' }),
        h('bdi', { lang: 'ar', dir: 'rtl', class: 'name-ar' }, e.name.ar),
        e.name.en ? [' ', h('bdi', { lang: 'en', dir: 'ltr', class: 'name-en' }, e.name.en)] : null,
      ),
      h(
        'p',
        { class: 'entity-meta' },
        typeBadge(e.type),
        ' ',
        h('span', null, `${num((e.mentions || []).length)} ${t('n_mentions')} · ${num(docsN)} ${t('in_documents')}`),
        e.kb ? [' · ', t('wikidata'), ': ', wikidataLink(e.kb)] : null,
        ' · ',
        h('a', { href: `#/search?entity=${enc(e.id)}` }, t('search')),
      ),
    ),
  );
  // In-page links would change the route, so the contents are buttons that scroll.
  const toc = [
    ['sec-mentions', 'mentions_in_context'],
    ['sec-relations', 'relations', (res.relations || []).length],
    ['sec-events', 'events', (res.events || []).length],
    ['sec-claims_by', 'claims_by', (res.claims_by || []).length],
    ['sec-claims_about', 'claims_about', (res.claims_about || []).length],
    ['sec-quantities', 'quantities', (res.quantities || []).length],
    ['sec-disagreements', 'disagreements', (res.disagreements || []).length],
  ];
  el.append(
    h(
      'nav',
      { class: 'toc', 'aria-label': t('contents') },
      toc.map(([id2, key, n]) =>
        h(
          'button',
          { type: 'button', class: 'linklike toc-link', onclick: () => document.getElementById(id2)?.scrollIntoView({ block: 'start' }) },
          t(key),
          n !== undefined ? ` (${num(n)})` : '',
        ),
      ),
    ),
  );
  const aliases = [...new Set([e.name.ar, ...(e.aliases || [])])];
  const forms = new Map();
  for (const m of e.mentions || []) forms.set(m.form, (forms.get(m.form) || 0) + 1);
  el.append(
    section(
      'names',
      aliases.length,
      h(
        'div',
        null,
        h('ul', { class: 'chips aliases' }, aliases.map((a) => h('li', { lang: 'ar', dir: 'rtl' }, a))),
        forms.size
          ? h('p', { class: 'muted' }, t('form'), ': ', [...forms].map(([f, n]) => `${formLabel(f)} ${num(n)}`).join(' · '))
          : null,
      ),
    ),
  );
  // One line per sentence: several mentions in the same sentence are marked together.
  const ctxs = [];
  const bySentence = new Map();
  for (const c of res.contexts || []) {
    const key = `${c.doc}\u0000${c.sentence.start}`;
    let g = bySentence.get(key);
    if (!g) {
      g = { ...c, marks: [] };
      bySentence.set(key, g);
      ctxs.push(g);
    }
    g.marks.push(c.mention);
  }
  el.append(
    section(
      'mentions_in_context',
      ctxs.length,
      emptyOr(ctxs, (list) => {
        const render = (c) => {
            const s = c.sentence;
            const rel = c.marks.map((m) => [m.start - s.start, m.end - s.start]);
            return h(
              'li',
              { class: 'context' },
              h('a', { href: docHref(c.doc, c.mention.start, c.mention.end), class: 'context-link', dir: 'rtl' }, highlighted(s.text, rel, 'hl mention-hl')),
              h('div', { class: 'hit-meta' }, h('bdi', null, c.title || docTitle(c.doc))),
            );
        };
        const FIRST = 15;
        const head = h('ol', { class: 'contexts' }, list.slice(0, FIRST).map(render));
        if (list.length <= FIRST) return head;
        return h(
          'div',
          null,
          head,
          h(
            'details',
            { class: 'more-contexts' },
            h('summary', null, `${t('show')} ${num(list.length - FIRST)} ${t('n_mentions')}`),
            h('ol', { class: 'contexts', start: String(FIRST + 1) }, list.slice(FIRST).map(render)),
          ),
        );
      }),
      'sec-mentions',
    ),
  );
  el.append(
    section('relations', (res.relations || []).length, emptyOr(res.relations, (l) => h('ul', { class: 'items' }, l.map(relationItem)))),
    section('events', (res.events || []).length, emptyOr(res.events, (l) => h('ul', { class: 'items' }, l.map((x) => eventItem(x))))),
    section('claims_by', (res.claims_by || []).length, emptyOr(res.claims_by, (l) => h('ul', { class: 'items' }, l.map(claimItem)))),
    section('claims_about', (res.claims_about || []).length, emptyOr(res.claims_about, (l) => h('ul', { class: 'items' }, l.map(claimItem)))),
    section('quantities', (res.quantities || []).length, emptyOr(res.quantities, (l) => h('ul', { class: 'items' }, l.map(quantityItem)))),
    section('disagreements', (res.disagreements || []).length, emptyOr(res.disagreements, (l) => h('div', null, l.map(disagreementCard)))),
  );
}

async function viewDocuments(el) {
  const res = await api('/api/documents');
  for (const d of res.documents || []) DOCS.set(d.id, d);
  el.append(
    h('h1', null, t('docs_list'), h('span', { class: 'count' }, ` (${num((res.documents || []).length)})`)),
    emptyOr(res.documents, (list) =>
      h(
        'table',
        { class: 'doc-table' },
        h(
          'thead',
          null,
          h('tr', null, [t('title'), t('outlet'), t('published'), t('bytes')].map((x) => h('th', { scope: 'col' }, x))),
        ),
        h(
          'tbody',
          null,
          list.map((d) =>
            h(
              'tr',
              null,
              h('td', null, h('a', { href: docHref(d.id) }, h('bdi', null, d.title || d.id)), d.title ? h('div', { class: 'muted small' }, h('bdi', { dir: 'ltr' }, d.id)) : null),
              h('td', null, d.outlet ? h('bdi', null, d.outlet) : '—'),
              h('td', null, d.published || '—'),
              h('td', { class: 'num' }, num(d.bytes)),
            ),
          ),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- document view

const LAYERS = [
  ['mention', 'mention'],
  ['quantity', 'quantity'],
  ['date', 'date_mention'],
  ['event', 'event_evidence'],
  ['claim', 'claim'],
  ['removed', 'removed'],
];

async function viewDocument(el, parts, query) {
  const id = parts[0];
  const [res] = await Promise.all([getDocument(id), loadDocs()]);
  addRefs(res.refs);
  const d = res.document;
  const text = d.text || '';
  const map = new ByteMap(text);
  const dates = mapById(res.dates);
  const quantities = mapById(res.quantities);
  const spans = [];
  const push = (ev, layer, item, extra) => {
    if (!ev || ev.doc !== undefined && ev.doc !== d.id) return;
    spans.push({ start: ev.start, end: ev.end, layer, item, ...extra });
  };
  for (const r of d.removed || []) push(r, 'removed', r);
  for (const c of res.claims || []) {
    if (c.content) push(c.content, 'claim', c);
    else for (const ev of c.evidence || []) push(ev, 'claim', c);
  }
  for (const e of res.events || []) for (const ev of e.evidence || []) push(ev, 'event', e);
  for (const q of res.quantities || []) for (const ev of q.evidence || []) push(ev, 'quantity', q);
  for (const dt of res.dates || []) for (const ev of dt.evidence || []) push(ev, 'date', dt);
  for (const m of res.mentions || []) push(m, 'mention', m);
  const fs = parseInt(query.get('s') || '', 10);
  const fe = parseInt(query.get('e') || '', 10);
  const hasFocus = Number.isFinite(fs) && Number.isFinite(fe) && fe > fs;
  if (hasFocus) spans.push({ start: fs, end: fe, layer: 'focus', item: null });

  const segs = segments(text, spans, map);
  const segEls = [];
  let pos = 0;
  const article = h('div', { class: 'doc-text', lang: 'ar', dir: 'rtl', id: 'doc-text' });
  for (const s of segs) {
    const layers = new Set(s.spans.map((x) => x.layer));
    const a = pos;
    pos += s.text.length;
    if (!layers.size) {
      article.append(s.text);
      continue;
    }
    const cls = ['seg'];
    for (const l of layers) cls.push(`l-${l}`);
    const mention = s.spans.find((x) => x.layer === 'mention');
    if (mention) cls.push(`t-${mention.item.type}`);
    const atom = layers.has('mention') || layers.has('quantity') || layers.has('date');
    const el2 = h('span', {
      class: cls,
      title: s.spans.filter((x) => x.layer !== 'focus').map(spanSummary).join('\n'),
      tabindex: atom ? '0' : null,
      'data-seg': String(segEls.length),
    }, s.text);
    segEls.push({ el: el2, a, b: pos, spans: s.spans });
    article.append(el2);
  }

  const details = h('div', { class: 'details', id: 'span-details', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('click_span')));
  const showDetails = (seg) => showItems(seg.spans);
  const showItems = (spansHere) => {
    const seen = new Set();
    const items = [];
    for (const x of spansHere) {
      if (x.layer === 'focus' || seen.has(x.item)) continue;
      seen.add(x.item);
      items.push(x);
    }
    if (!items.length) {
      details.replaceChildren(h('p', { class: 'muted' }, t('click_span')));
      return;
    }
    details.replaceChildren(
      h('h3', null, t('items_here')),
      h('ul', { class: 'items' }, items.map((x) => h('li', { class: `detail detail-${x.layer}` }, spanDetail(x, dates, quantities)))),
    );
  };
  const pick = (evt) => {
    const target = evt.target.closest && evt.target.closest('.seg');
    if (!target) return;
    const seg = segEls[parseInt(target.dataset.seg, 10)];
    if (seg) showDetails(seg);
  };
  article.addEventListener('click', pick);
  article.addEventListener('keydown', (evt) => {
    if (evt.key === 'Enter' || evt.key === ' ') {
      evt.preventDefault();
      pick(evt);
    }
  });

  const flash = (start, end) => {
    const a = map.at(start);
    const b = map.at(end);
    for (const x of article.querySelectorAll('.flash')) x.classList.remove('flash');
    let first = null;
    const here = [];
    for (const s of segEls) {
      if (s.b > a && s.a < b) {
        s.el.classList.add('flash');
        if (!first) first = s;
        here.push(...s.spans);
      }
    }
    if (first) {
      first.el.scrollIntoView({ block: 'center' });
      // Items that lie inside the marked range first (the mention itself), then the ones around it.
      const inside = (x) => x.start >= start && x.end <= end;
      showItems([...here.filter(inside), ...here.filter((x) => !inside(x))].slice(0, 40));
    }
  };

  const toggles = h(
    'fieldset',
    { class: 'layers' },
    h('legend', null, t('layers')),
    LAYERS.map(([layer, key]) => {
      const id2 = `layer-${layer}`;
      const cb = h('input', { type: 'checkbox', id: id2, checked: true });
      cb.addEventListener('change', () => article.classList.toggle(`hide-${layer}`, !cb.checked));
      return h('div', { class: 'layer-toggle' }, cb, h('label', { for: id2 }, h('span', { class: `swatch sw-${layer}`, 'aria-hidden': 'true' }), t(key)));
    }),
    h(
      'div',
      { class: 'type-legend' },
      ENTITY_TYPE_CODES.map((ty) => h('span', { class: `seg l-mention t-${ty} legend-chip` }, typeLabel(ty))),
    ),
  );

  // Entities in this document, most mentioned first.
  const entCount = new Map();
  for (const m of res.mentions || []) entCount.set(m.entity, (entCount.get(m.entity) || 0) + 1);
  const entList = [...entCount].sort((x, y) => y[1] - x[1]);

  const focusable = (ev, label) =>
    h('button', { type: 'button', class: 'linklike', onclick: () => flash(ev.start, ev.end) }, label);

  const side = h(
    'aside',
    { class: 'doc-side', 'aria-label': t('details') },
    toggles,
    h('section', { class: 'card' }, h('h2', null, t('details')), details),
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('entities'), h('span', { class: 'count' }, ` (${num(entList.length)})`)),
      h('ul', { class: 'chips' }, entList.map(([eid, n]) => h('li', null, entityLink(eid), h('span', { class: 'muted' }, ` ${num(n)}`)))),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('events'), h('span', { class: 'count' }, ` (${num((res.events || []).length)})`)),
      emptyOr(res.events, (l) =>
        h(
          'ul',
          { class: 'compact-list' },
          l.map((ev) => {
            const mine = (ev.evidence || []).find((x) => x.doc === d.id);
            return h('li', null, eventBadge(ev.type), ' ', mine ? focusable(mine, mine.text) : null);
          }),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('quantities'), h('span', { class: 'count' }, ` (${num((res.quantities || []).length)})`)),
      emptyOr(res.quantities, (l) =>
        h(
          'ul',
          { class: 'compact-list' },
          l.map((q) => {
            const mine = (q.evidence || []).find((x) => x.doc === d.id);
            return h('li', null, h('strong', null, h('bdi', null, quantityText(q))), q.kind ? ` ${q.kind} ` : ' ', mine ? focusable(mine, mine.text) : null);
          }),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('claims'), h('span', { class: 'count' }, ` (${num((res.claims || []).length)})`)),
      emptyOr(res.claims, (l) =>
        h(
          'ul',
          { class: 'compact-list' },
          l.map((c) => {
            const ev = c.content || (c.evidence || [])[0];
            return h('li', null, c.speaker ? entityLink(c.speaker) : null, ' ', h('bdi', null, c.verb || ''), ' ', ev ? focusable(ev, ev.text.length > 80 ? `${ev.text.slice(0, 80)}…` : ev.text) : null);
          }),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('relations'), h('span', { class: 'count' }, ` (${num((res.relations || []).length)})`)),
      emptyOr(res.relations, (l) =>
        h('ul', { class: 'compact-list' }, l.map((r) => h('li', null, entityLink(r.subject), ' ', h('span', { class: 'rel-type', lang: 'en', dir: 'ltr' }, r.type.replace(/_/g, ' ')), ' ', entityLink(r.object)))),
      ),
    ),
  );

  const meta = h(
    'p',
    { class: 'doc-meta' },
    d.outlet ? [h('span', { class: 'lbl' }, t('outlet'), ': '), h('bdi', null, d.outlet), ' · '] : null,
    d.published ? [h('span', { class: 'lbl' }, t('published'), ': '), d.published, ' · '] : null,
    d.source ? [h('bdi', { dir: 'ltr', class: 'source' }, d.source), ' · '] : null,
    h('bdi', { dir: 'ltr' }, `${num(d.bytes)} B`),
    (d.removed || []).length ? [' · ', h('span', { class: 'seg l-removed' }, `${t('removed')}: ${num(d.removed.length)}`)] : null,
  );

  el.append(
    h('h1', { class: 'doc-title' }, h('bdi', null, d.title || d.id)),
    meta,
    h('div', { class: 'doc-layout' }, h('article', { class: 'card doc-article', 'aria-label': t('document') }, article), side),
  );
  if (hasFocus) {
    el.afterMount = () => flash(fs, fe);
  }
}

function spanSummary(x) {
  const it = x.item;
  switch (x.layer) {
    case 'mention': {
      const r = REFS.get(it.entity);
      const name = r ? `${r.name.ar}${r.name.en ? ` (${r.name.en})` : ''}` : it.entity;
      return `${t('mention')}: ${name} · ${typeLabel(it.type)}`;
    }
    case 'quantity':
      return `${t('quantity')}: ${quantityText(it)}${it.kind ? ` ${it.kind}` : ''}`;
    case 'date':
      return `${t('date_mention')}: ${it.value}`;
    case 'event':
      return `${t('event_evidence')}: ${eventLabel(it.type)}${it.subtype ? ` (${it.subtype})` : ''}`;
    case 'claim':
      return `${t('claim')}: ${it.verb || ''}`;
    case 'removed':
      return `${t('removed')}: ${it.reason || ''}`;
    default:
      return '';
  }
}

function spanDetail(x, dates, quantities) {
  const it = x.item;
  const head = h('div', { class: 'detail-head' }, h('span', { class: `swatch sw-${x.layer}`, 'aria-hidden': 'true' }), h('strong', null, t({ mention: 'mention', quantity: 'quantity', date: 'date_mention', event: 'event_evidence', claim: 'claim', removed: 'removed' }[x.layer])));
  switch (x.layer) {
    case 'mention':
      return [head, h('div', null, entityLink(it.entity), ' · ', typeBadge(it.type), ' · ', t('form'), ': ', formLabel(it.form)), h('q', { lang: 'ar' }, it.text)];
    case 'quantity':
      return [head, h('div', null, h('strong', null, h('bdi', null, quantityText(it))), it.kind ? ` · ${it.kind}` : null, it.about && it.about.length ? [' · ', entityList(it.about)] : null)];
    case 'date':
      return [head, h('div', null, h('bdi', { dir: 'ltr' }, it.value), ` · ${it.precision || ''}`, it.anchor ? ` · ${it.anchor}` : null)];
    case 'event': {
      const dv = it.date && dates.get(it.date);
      const qs = (it.quantities || []).map((id) => quantities.get(id)).filter(Boolean);
      return [
        head,
        h('div', null, eventBadge(it.type), it.subtype ? ` ${it.subtype}` : null, ` · ${modeLabel(it.mode)}`, dv ? ` · ${dv.value}` : null),
        h('div', null, t('sources_actor'), ': ', entityList(it.sources), ' · ', t('targets_actor'), ': ', entityList(it.targets)),
        it.location ? h('div', null, t('location'), ': ', entityLink(it.location)) : null,
        qs.length ? h('div', null, t('quantities'), ': ', qs.map((q) => `${quantityText(q)} ${q.kind || ''}`).join('، ')) : null,
      ];
    }
    case 'claim':
      return [
        head,
        h('div', null, t('speaker'), ': ', it.speaker ? entityLink(it.speaker) : '—', ' · ', t('verb'), ': ', h('bdi', null, it.verb || '—')),
        it.about && it.about.length ? h('div', null, t('about'), ': ', entityList(it.about)) : null,
      ];
    case 'removed':
      return [head, h('div', null, t('removed_reason'), ': ', h('code', { dir: 'ltr' }, it.reason || '—'))];
    default:
      return head;
  }
}

// ---------------------------------------------------------------- graph

async function viewGraph(el, _parts, query) {
  const minWeight = Math.max(1, parseInt(query.get('min_weight') || '1', 10) || 1);
  const data = await api('/api/graph', { min_weight: minWeight });
  const nodes = data.nodes || [];
  for (const n of nodes) {
    const prev = REFS.get(n.id);
    REFS.set(n.id, { name: n.name, type: n.type, kb: prev ? prev.kb : null });
  }
  const label = (n) => {
    const name = n.name || {};
    return getLang() === 'en' ? name.en || name.ar || n.id : name.ar || n.id;
  };
  const nameOf = (id) => {
    const r = REFS.get(id);
    return r ? (getLang() === 'en' ? r.name.en || r.name.ar : r.name.ar) : id;
  };
  const edgeLabel = (e) =>
    `${nameOf(e.source)} → ${nameOf(e.target)}: ${e.kind === 'event' ? eventLabel(e.label) : String(e.label).replace(/_/g, ' ')} (${num(e.weight)})`;
  el.append(h('h1', null, t('graph')), h('p', { class: 'muted' }, t('graph_help')));
  const mw = h('input', { id: 'min-weight', type: 'number', min: '1', max: '50', value: String(minWeight) });
  mw.addEventListener('change', () => {
    location.hash = `#/graph?min_weight=${Math.max(1, parseInt(mw.value, 10) || 1)}`;
  });
  const holder = h('div', { class: 'graph-holder card' });
  const presentTypes = [...new Set(nodes.map((n) => n.type))];
  const legend = h(
    'div',
    { class: 'legend', 'aria-label': t('legend') },
    h('strong', null, t('legend'), ': '),
    presentTypes.map((ty) => h('span', { class: 'legend-item' }, h('span', { class: `dot t-${ty}`, 'aria-hidden': 'true' }), typeLabel(ty))),
    h('span', { class: 'legend-item' }, h('span', { class: 'line-sample line-relation', 'aria-hidden': 'true' }), t('edge_relation')),
    h('span', { class: 'legend-item' }, h('span', { class: 'line-sample line-event', 'aria-hidden': 'true' }), t('edge_event')),
  );
  const controls = h('div', { class: 'graph-controls' }, h('label', { for: 'min-weight' }, t('min_weight')), mw);
  el.append(controls, legend, holder);
  if (!nodes.length) {
    holder.append(h('p', { class: 'muted' }, t('none')));
    return;
  }
  // The layout is quadratic in nodes: a large store shows its best-known actors, the rest are in the list.
  const MAX_NODES = 250;
  let shown = data;
  if (nodes.length > MAX_NODES) {
    const keep = new Set([...nodes].sort((x, y) => (y.mentions || 0) - (x.mentions || 0)).slice(0, MAX_NODES).map((n) => n.id));
    shown = {
      nodes: nodes.filter((n) => keep.has(n.id)),
      edges: (data.edges || []).filter((e) => keep.has(e.source) && keep.has(e.target)),
    };
    holder.before(h('p', { class: 'muted' }, t('graph_capped').replace('{n}', num(MAX_NODES)).replace('{total}', num(nodes.length))));
  }
  const g = drawGraph(holder, shown, {
    label,
    edgeLabel,
    title: t('graph'),
    onOpen: (id) => {
      location.hash = entityHref(id);
    },
  });
  controls.append(
    h('button', { type: 'button', onclick: g.zoomIn, 'aria-label': t('zoom_in') }, '+'),
    h('button', { type: 'button', onclick: g.zoomOut, 'aria-label': t('zoom_out') }, '−'),
    h('button', { type: 'button', onclick: g.reset }, t('reset')),
  );
  const sorted = [...nodes].sort((a, b) => (b.mentions || 0) - (a.mentions || 0));
  el.append(
    h(
      'details',
      { class: 'card node-list' },
      h('summary', null, t('node_list'), ` (${num(nodes.length)})`),
      h('ul', { class: 'chips' }, sorted.map((n) => h('li', null, entityLink(n.id)))),
    ),
  );
}

// ---------------------------------------------------------------- timeline

const DAY_FIRST = 8;
const DAY_FIGURES = 12;

function figureChip(q) {
  const ev = q.evidence && q.evidence[0];
  return h(
    'li',
    { class: 'fig-chip' },
    ev ? h('a', { href: docHref(ev.doc, ev.start, ev.end), title: ev.text }, h('bdi', null, quantityText(q))) : h('bdi', null, quantityText(q)),
    q.kind ? ` ${q.kind}` : '',
  );
}

async function viewTimeline(el) {
  const [res, stats] = await Promise.all([api('/api/timeline'), api('/api/stats').catch(() => null), loadDocs()]);
  addRefs(res.refs);
  const days = res.days || [];
  el.append(h('h1', null, t('timeline')));
  const placed = days.reduce((n, d) => n + (d.events || []).length, 0);
  const all = statCount(stats, 'events');
  if (all !== null && all > placed) {
    el.append(h('p', { class: 'muted', id: 'undated-note' }, t('undated_note').replace('{n}', num(all - placed))));
  }
  if (!days.length) {
    el.append(h('p', { class: 'muted' }, t('none')));
    return;
  }
  // Bar chart: events per day.
  const max = Math.max(1, ...days.map((d) => (d.events || []).length));
  const bw = 28;
  const H = 120;
  const W = Math.max(300, days.length * (bw + 6) + 80);
  const chart = h('svg:svg', { viewBox: `0 0 ${W} ${H + 72}`, width: String(Math.round(W * 1.4)), height: String(Math.round((H + 72) * 1.4)), class: 'timeline-chart', role: 'img', 'aria-label': t('per_day') });
  days.forEach((d, i) => {
    const n = (d.events || []).length;
    const bh = Math.round((n / max) * (H - 16));
    const x = i * (bw + 6) + 60;
    // Not a link: the address is the route, so a bar scrolls to its day instead.
    const go = () => document.getElementById(`day-${i}`)?.scrollIntoView({ block: 'start' });
    const a = h('svg:g', { class: 'bar-group', tabindex: '0', role: 'button', onclick: go, onkeydown: (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), go()) },
      h('svg:title', null, `${dateLabel(d.date)}: ${num(n)} ${t('n_events')}`),
      h('svg:rect', { x: String(x), y: String(H - bh), width: String(bw), height: String(Math.max(bh, 1)), class: 'bar' }),
      h('svg:text', { x: String(x + bw / 2), y: String(H - bh - 3), 'text-anchor': 'middle', class: 'bar-n' }, String(n)),
      h('svg:text', { x: String(x + bw / 2), y: String(H + 14), 'text-anchor': 'end', class: 'bar-l', transform: `rotate(-45 ${x + bw / 2} ${H + 14})` }, dateLabel(d.date)),
    );
    chart.append(a);
  });
  el.append(h('figure', { class: 'card chart-wrap' }, h('figcaption', null, t('per_day')), h('div', { class: 'chart-scroll', dir: 'ltr' }, chart)));
  el.append(
    h(
      'ol',
      { class: 'timeline' },
      days.map((d, i) =>
        h(
          'li',
          { class: 'day', id: `day-${i}` },
          h('h2', { class: 'day-date' }, h('time', { datetime: d.date || '' }, dateLabel(d.date)), h('span', { class: 'count' }, ` (${num((d.events || []).length)} ${t('n_events')})`)),
          (d.quantities || []).length
            ? h(
                'div',
                { class: 'day-figures' },
                h('strong', null, t('figures_this_day'), ': '),
                h('ul', { class: 'chips' }, d.quantities.slice(0, DAY_FIGURES).map(figureChip)),
                d.quantities.length > DAY_FIGURES ? lazyMore(d.quantities.length - DAY_FIGURES, () => h('ul', { class: 'chips' }, d.quantities.slice(DAY_FIGURES).map(figureChip))) : null,
              )
            : null,
          h('ul', { class: 'items' }, (d.events || []).slice(0, DAY_FIRST).map((ev) => eventItem(ev))),
          (d.events || []).length > DAY_FIRST
            ? lazyMore(d.events.length - DAY_FIRST, () => h('ul', { class: 'items' }, d.events.slice(DAY_FIRST).map((ev) => eventItem(ev))))
            : null,
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- sources (disagreements)

async function viewSources(el) {
  const [res] = await Promise.all([api('/api/disagreements'), loadDocs()]);
  addRefs(res.refs);
  const list = res.disagreements || [];
  el.append(h('h1', null, t('sources'), h('span', { class: 'count' }, ` (${num(list.length)})`)));
  if (!list.length) {
    el.append(h('p', { class: 'muted' }, t('none')));
    return;
  }
  const cards = list.map(disagreementCard);
  el.append(...cards);
}

/** One disagreement: its topic and its positions in columns, each with the evidence sentence highlighted. */
function disagreementCard(x) {
  const positions = x.positions || [];
  const cols = positions.map((p, i) => {
    const evBox = h('div', { class: 'position-evidence' });
    const col = h(
      'article',
      { class: 'position', 'aria-label': `${t('position')} ${i + 1}` },
      h('h3', null, t('position'), ` ${num(i + 1)}`),
      h('p', { class: 'summary' }, h('bdi', { lang: 'en', dir: 'ltr' }, p.summary || '—')),
      h(
        'p',
        { class: 'position-docs' },
        h('span', { class: 'lbl' }, t('documents'), ': '),
        (p.docs || []).map((d, k) => [k ? '، ' : '', h('a', { href: docHref(d) }, h('bdi', null, docTitle(d)))]),
      ),
      evBox,
    );
    col.evidence = p.evidence || [];
    col.evBox = evBox;
    for (const ev of col.evidence) evBox.append(h('blockquote', { class: 'position-quote', dir: 'rtl' }, evidenceLink(ev)));
    return col;
  });
  const card = h(
    'section',
    { class: 'card disagreement', 'data-id': x.id },
    h('h2', null, h('bdi', { lang: 'en', dir: 'ltr' }, x.topic || x.id)),
    x.about && x.about.length ? h('p', null, h('span', { class: 'lbl' }, t('about'), ': '), entityList(x.about)) : null,
    h('div', { class: 'positions', role: 'group', 'aria-label': t('side_by_side') }, cols),
  );
  card.fill = async () => {
    for (const col of cols) {
      const quotes = [];
      for (const ev of col.evidence) {
        try {
          const doc = await getDocument(ev.doc);
          const text = doc.document.text || '';
          const map = new ByteMap(text);
          const s = sentenceAround(text, map, ev.start, ev.end);
          quotes.push(
            h(
              'blockquote',
              { class: 'position-quote', dir: 'rtl' },
              h('a', { href: docHref(ev.doc, ev.start, ev.end), class: 'evidence' }, highlighted(s.text, [[ev.start - s.start, ev.end - s.start]], 'hl evidence-hl')),
              h('div', { class: 'hit-meta' }, h('bdi', null, docTitle(ev.doc))),
            ),
          );
        } catch {
          quotes.push(h('blockquote', { class: 'position-quote', dir: 'rtl' }, evidenceLink(ev)));
        }
      }
      if (quotes.length) col.evBox.replaceChildren(...quotes);
    }
  };
  // On the entity page the card is not passed through viewSources, so fill it lazily there too.
  queueMicrotask(() => card.fill());
  return card;
}

// ---------------------------------------------------------------- exports

function viewExports(el) {
  const formats = [
    ['jsonl', 'export_jsonl'],
    ['events.csv', 'export_events_csv'],
    ['entities.csv', 'export_entities_csv'],
    ['graphml', 'export_graphml'],
    ['events.parquet', 'export_events_parquet'],
    ['entities.parquet', 'export_entities_parquet'],
  ];
  el.append(
    h('h1', null, t('exports')),
    h('p', { class: 'lead' }, t('exports_help')),
    h(
      'ul',
      { class: 'exports' },
      formats.map(([f, key]) =>
        h('li', null, h('a', { href: `/api/export/${f}`, download: `marsad.${f}`, class: 'export-link' }, h('code', { dir: 'ltr' }, f)), ' — ', t(key)),
      ),
      h('li', null, h('a', { href: '/openapi.json', class: 'export-link' }, h('code', { dir: 'ltr' }, 'openapi.json')), ' — ', t('api_docs')),
    ),
  );
}

// ---------------------------------------------------------------- start

renderChrome();
route();
