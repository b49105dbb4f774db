// End-to-end test of the Marsad web page in Debian's headless chromium (playwright-core).
// Usage: BASE_URL=http://127.0.0.1:PORT ARTIFACTS=dir node tests/browser/e2e.mjs
// Walks home → search → entity → document → disagreements → English → graph → timeline → error page,
// asserting real content at each step and saving a screenshot of each.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE = (process.env.BASE_URL || '').replace(/\/$/, '');
const ARTIFACTS = process.env.ARTIFACTS || 'target/browser-artifacts';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 15000;

if (!BASE) {
  console.error('e2e: BASE_URL is not set (run tests/browser/run.sh, which starts the server)');
  process.exit(2);
}
mkdirSync(ARTIFACTS, { recursive: true });

class StepFailure extends Error {}
let step = 'start';
let shot = 0;
const problems = [];

function check(cond, msg) {
  if (!cond) throw new StepFailure(msg);
}

async function screenshot(page, name) {
  shot += 1;
  const file = join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
}

async function waitFor(page, selector, what) {
  try {
    await page.waitForSelector(selector, { timeout: TIMEOUT, state: 'attached' });
  } catch {
    const err = await page.$eval('.error-box', (e) => e.innerText).catch(() => null);
    throw new StepFailure(`${what}: "${selector}" did not appear within ${TIMEOUT} ms${err ? `; the page shows an error: ${err.replace(/\s+/g, ' ')}` : ''}`);
  }
}

/** Basic accessibility checks: every control has a label, every link and button a name. */
async function accessible(page, where) {
  const bad = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea')) {
      const labelled = (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el.closest('label') || el.getAttribute('aria-label');
      if (!labelled) out.push(`control without a label: ${el.outerHTML.slice(0, 80)}`);
    }
    for (const el of document.querySelectorAll('a, button')) {
      const name = (el.textContent || '').trim() || el.getAttribute('aria-label');
      if (!name) out.push(`${el.tagName.toLowerCase()} without a name: ${el.outerHTML.slice(0, 80)}`);
    }
    if (document.querySelectorAll('main h1').length !== 1) out.push(`${document.querySelectorAll('main h1').length} h1 headings in main`);
    return out;
  });
  check(bad.length === 0, `${where}: accessibility: ${bad.slice(0, 5).join('; ')}`);
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'marsad-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'ar',
  });
  const origin = new URL(BASE).origin;
  // The page must not reach any other origin (no CDN, no fonts): block and record such requests.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => problems.push(`[${step}] page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && step !== 'error page') problems.push(`[${step}] console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    // The error step asks for a missing entity on purpose.
    if (r.status() >= 500 || (r.status() >= 400 && step !== 'error page')) problems.push(`[${step}] HTTP ${r.status()} ${r.url()}`);
  });

  try {
    // 1. Home: counts from the API.
    step = 'home';
    console.log(`- ${step}`);
    await page.goto(`${BASE}/`);
    await waitFor(page, '.stats li[data-stat="documents"] .stat-n', 'home page counts');
    check((await page.getAttribute('html', 'dir')) === 'rtl', 'home: <html dir> is not rtl');
    check((await page.getAttribute('html', 'lang')) === 'ar', 'home: <html lang> is not ar');
    const nDocs = await page.$eval('.stats li[data-stat="documents"] .stat-n', (e) => e.textContent.trim());
    check(nDocs && nDocs !== '0' && nDocs !== '٠', `home: document count is ${nDocs}`);
    const topRows = await page.$$eval('.entity-table tbody tr', (rows) => rows.length);
    check(topRows >= 3, `home: only ${topRows} top entities listed`);
    await accessible(page, 'home');
    await screenshot(page, 'home');

    // 2. Search from the header box.
    step = 'search';
    console.log(`- ${step}`);
    await page.fill('#quick-q', 'كازاخستان');
    await page.press('#quick-q', 'Enter');
    await waitFor(page, '.hits .hit mark.hl', 'search results with highlights');
    const hits = await page.$$eval('.hits .hit', (l) => l.length);
    const marks = await page.$$eval('.hits mark.hl', (l) => l.map((m) => m.textContent));
    check(hits >= 3, `search: only ${hits} hits for كازاخستان`);
    check(marks.some((m) => m.includes('كازاخ')), `search: no highlight contains كازاخ (highlights: ${marks.slice(0, 5).join(' | ')})`);
    // Offsets are bytes: a highlight must cover whole words, never a broken character.
    check(!marks.some((m) => m.includes('\uFFFD')), 'search: a highlight contains a broken character');
    const hitHref = await page.$eval('.hits .hit a.hit-link', (a) => a.getAttribute('href'));
    check(/^#\/doc\/[^?]+\?s=\d+&e=\d+$/.test(hitHref), `search: hit links to ${hitHref}, not to a sentence of a document`);
    await accessible(page, 'search');
    await screenshot(page, 'search');

    // The same words filtered by an event type: fewer hits, each still highlighted.
    step = 'search filter';
    console.log(`- ${step}`);
    const totalOf = () => page.$eval('#h-results .count', (e) => parseInt(e.textContent.replace(/[^0-9]/g, ''), 10));
    const allHits = await totalOf();
    await page.selectOption('#f-event_type', 'MOBILIZE');
    await page.click('form.search-form button[type="submit"]');
    await page.waitForFunction(
      () => location.hash.includes('event_type=MOBILIZE') && document.getElementById('main').dataset.shown === location.hash,
      null,
      { timeout: TIMEOUT },
    );
    await waitFor(page, '.hits .hit mark.hl', 'filtered search results');
    const filtered = await totalOf();
    check(filtered >= 1 && filtered < allHits, `search filter: ${filtered} hits with event type MOBILIZE of ${allHits} in all`);
    check((await page.$eval('#f-event_type', (e) => e.value)) === 'MOBILIZE', 'search filter: the form does not show the chosen filter');
    await screenshot(page, 'search-filtered');

    // 3. Entity page of the entity named Kazakhstan in English.
    step = 'entity';
    console.log(`- ${step}`);
    let link = await page.$('.matching a.entity-link:has(.name-en:text-is("Kazakhstan"))');
    if (!link) {
      await page.goto(`${BASE}/#/entities?q=Kazakhstan`);
      await waitFor(page, '.entity-table a.entity-link', 'entity list filtered by Kazakhstan');
      link = await page.$('.entity-table a.entity-link:has(.name-en:text-is("Kazakhstan"))');
    }
    check(link, 'entity: no entity whose English name is Kazakhstan is offered');
    await link.click();
    await waitFor(page, '.entity-head h1', 'entity page');
    const h1 = await page.$eval('.entity-head h1', (e) => e.textContent);
    check(h1.includes('كازاخستان') && h1.includes('Kazakhstan'), `entity: heading is "${h1}"`);
    const wd = await page.$eval('.entity-meta a.wikidata', (a) => a.href).catch(() => null);
    check(wd && /^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/.test(wd), `entity: Wikidata link is ${wd}`);
    const rels = await page.$$eval('#sec-relations .relation-item', (l) => l.length);
    const evs = await page.$$eval('#sec-events .event-item', (l) => l.length);
    const ctx = await page.$$eval('#sec-mentions .context mark.mention-hl', (l) => l.map((m) => m.textContent));
    check(rels >= 1, 'entity: no relations shown');
    check(evs >= 1, 'entity: no events shown');
    check(ctx.length >= 3, `entity: only ${ctx.length} mentions in context`);
    check(ctx.some((m) => m.includes('كازاخ')), `entity: mention highlights do not name the entity (${ctx.slice(0, 5).join(' | ')})`);
    await accessible(page, 'entity');
    await screenshot(page, 'entity');

    // 4. Document from a mention: pick a mention in a document that has removed chrome.
    step = 'document';
    console.log(`- ${step}`);
    const ctxLinks = await page.$$eval('#sec-mentions a.context-link', (l) => l.map((a) => a.getAttribute('href')));
    let target = null;
    for (const href of ctxLinks) {
      const id = decodeURIComponent(href.replace(/^#\/doc\//, '').replace(/\?.*$/, ''));
      const removed = await page.evaluate(async (docId) => {
        const r = await fetch(`/api/documents/${encodeURIComponent(docId)}`);
        const j = await r.json();
        return (j.document.removed || []).length;
      }, id);
      if (removed > 0) {
        target = href;
        break;
      }
    }
    check(target, 'document: no mention of the entity is in a document with removed site chrome');
    await page.click(`#sec-mentions a.context-link[href="${target}"]`);
    await waitFor(page, '#doc-text .seg.l-mention', 'document text with mention highlights');
    const counts = await page.evaluate(() => {
      const n = (s) => document.querySelectorAll(`#doc-text .seg.${s}`).length;
      return { mention: n('l-mention'), event: n('l-event'), quantity: n('l-quantity'), date: n('l-date'), claim: n('l-claim'), removed: n('l-removed'), focus: n('l-focus') };
    });
    console.log(`  spans: ${JSON.stringify(counts)}`);
    check(counts.mention >= 5, `document: only ${counts.mention} mention spans`);
    check(counts.event + counts.quantity + counts.date + counts.claim >= 1, 'document: no event, figure, date or claim highlighted');
    check(counts.removed >= 1, 'document: removed site chrome not shown');
    check(counts.focus >= 1, 'document: the mention opened from the entity page is not marked');
    const focusText = await page.$$eval('#doc-text .seg.l-focus', (l) => l.map((e) => e.textContent).join(''));
    check(focusText.includes('كازاخ') || focusText.includes('كازاخية'), `document: the marked span is "${focusText}", not the mention`);
    const focusBg = await page.$eval('#doc-text .seg.l-focus', (e) => getComputedStyle(e).backgroundColor);
    check(['rgb(255, 224, 102)', 'rgb(255, 196, 138)'].includes(focusBg), `document: the opened mention is not visibly marked (background ${focusBg})`);
    const removedColour = await page.$eval('#doc-text .seg.l-removed', (e) => getComputedStyle(e).color);
    const rgb = removedColour.match(/\d+/g).map(Number);
    check(Math.max(...rgb) - Math.min(...rgb) < 20 && rgb[0] > 60, `document: removed chrome is not grey (${removedColour})`);
    const spanOk = await page.evaluate(async () => {
      // Every highlighted mention must show exactly the bytes the API cites.
      const id = decodeURIComponent(location.hash.replace(/^#\/doc\//, '').replace(/\?.*$/, ''));
      const j = await (await fetch(`/api/documents/${encodeURIComponent(id)}`)).json();
      const bytes = new TextEncoder().encode(j.document.text);
      const dec = new TextDecoder();
      const bad = j.mentions.filter((m) => dec.decode(bytes.slice(m.start, m.end)) !== m.text);
      const shown = [...document.querySelectorAll('#doc-text .seg.l-mention')].map((e) => e.textContent).join('|');
      const missing = j.mentions.filter((m) => !shown.includes(m.text.slice(0, 2)));
      return { bad: bad.length, missing: missing.length, total: j.mentions.length };
    });
    check(spanOk.bad === 0, `document: ${spanOk.bad} mentions' text differs from the document bytes`);
    check(spanOk.missing === 0, `document: ${spanOk.missing} of ${spanOk.total} mentions are not highlighted`);
    await page.click('#doc-text .seg.l-mention');
    await waitFor(page, '#span-details .detail-mention a.entity-link', 'details of a clicked mention');
    await accessible(page, 'document');
    await screenshot(page, 'document');

    // 5. Disagreements: positions side by side.
    step = 'disagreements';
    console.log(`- ${step}`);
    await page.click('#nav a[data-nav="sources"]');
    await waitFor(page, '.disagreement .positions .position', 'disagreements');
    await waitFor(page, '.disagreement .position mark.evidence-hl', 'evidence sentences in the positions');
    const layout = await page.$$eval('.disagreement', (cards) =>
      cards.map((c) => [...c.querySelectorAll('.position')].map((p) => {
        const r = p.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, summary: p.querySelector('.summary').textContent.trim() };
      })),
    );
    const withTwo = layout.filter((ps) => ps.length >= 2);
    check(withTwo.length >= 1, 'disagreements: no disagreement with two positions');
    const [a, b] = withTwo[0];
    check(Math.abs(a.y - b.y) < 4 && Math.abs(a.x - b.x) >= a.w * 0.9, `disagreements: positions are not side by side (${JSON.stringify([a, b])})`);
    check(a.summary && b.summary && a.summary !== b.summary, `disagreements: positions say the same thing (${a.summary} / ${b.summary})`);
    // In RTL the first position is on the right.
    check(a.x > b.x, 'disagreements: the first position is not on the right in the RTL layout');
    await accessible(page, 'disagreements');
    await screenshot(page, 'disagreements');

    // 6. English toggle: interface labels switch, names stay.
    step = 'english';
    console.log(`- ${step}`);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('main').dataset.lang === 'en', null, { timeout: TIMEOUT });
    await waitFor(page, '.disagreement .position', 'disagreements in English');
    const navText = await page.$eval('#nav', (e) => e.innerText);
    check(/Search/.test(navText) && /Timeline/.test(navText) && /Entities/.test(navText), `english: nav reads "${navText}"`);
    check((await page.getAttribute('html', 'dir')) === 'ltr', 'english: <html dir> is not ltr');
    const h1en = await page.$eval('main h1', (e) => e.textContent);
    check(h1en.startsWith('Sources'), `english: heading is "${h1en}"`);
    const posLabel = await page.$eval('.position h3', (e) => e.textContent);
    check(posLabel.startsWith('Position'), `english: position label is "${posLabel}"`);
    await screenshot(page, 'english');
    // Back to Arabic, as a user would.
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.getElementById('main').dataset.lang === 'ar', null, { timeout: TIMEOUT });

    // 7. Graph: nodes coloured by type, clicking one opens its entity page.
    step = 'graph';
    console.log(`- ${step}`);
    await page.click('#nav a[data-nav="graph"]');
    await waitFor(page, '.graph-svg .node circle', 'graph nodes');
    const g = await page.evaluate(() => ({
      nodes: document.querySelectorAll('.graph-svg .node').length,
      edges: document.querySelectorAll('.graph-svg .edge').length,
      colours: new Set([...document.querySelectorAll('.graph-svg .node circle')].map((c) => c.getAttribute('fill'))).size,
      legend: document.querySelectorAll('.legend .legend-item').length,
      inside: [...document.querySelectorAll('.graph-svg .node')].every((n) => {
        const r = n.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      }),
    }));
    console.log(`  graph: ${JSON.stringify(g)}`);
    check(g.nodes >= 5, `graph: only ${g.nodes} nodes`);
    check(g.edges >= 3, `graph: only ${g.edges} edges`);
    check(g.colours >= 2, 'graph: nodes are not coloured by type');
    check(g.legend >= 3, 'graph: no legend');
    check(g.inside, 'graph: some nodes are not drawn');
    await accessible(page, 'graph');
    await screenshot(page, 'graph');
    // The best-connected node: the first in the list is drawn with the most mentions.
    const nodeId = await page.$eval('.graph-svg .node', (n) => n.getAttribute('data-id'));
    await page.click(`.graph-svg .node[data-id="${nodeId}"] circle`);
    await page.waitForFunction((id) => decodeURIComponent(location.hash) === `#/entity/${id}`, nodeId, { timeout: TIMEOUT });
    await waitFor(page, '.entity-head h1', 'entity page opened from the graph');

    // 8. Timeline of events with figures.
    step = 'timeline';
    console.log(`- ${step}`);
    await page.click('#nav a[data-nav="timeline"]');
    await waitFor(page, '.timeline .day .event-item', 'timeline events');
    const days = await page.$$eval('.timeline .day', (l) => l.length);
    const tEvents = await page.$$eval('.timeline .event-item', (l) => l.length);
    const bars = await page.$$eval('.timeline-chart .bar', (l) => l.length);
    check(days >= 1 && tEvents >= 3, `timeline: ${days} days, ${tEvents} events`);
    check(bars === days, `timeline: ${bars} bars for ${days} days`);
    await accessible(page, 'timeline');
    await screenshot(page, 'timeline');

    // 9. Exports are links to the API.
    step = 'exports';
    console.log(`- ${step}`);
    await page.click('#nav a[data-nav="exports"]');
    await waitFor(page, '.exports a.export-link', 'export links');
    const hrefs = await page.$$eval('.exports a.export-link', (l) => l.map((a) => a.getAttribute('href')));
    check(hrefs.includes('/api/export/events.csv') && hrefs.includes('/api/export/graphml'), `exports: links are ${hrefs.join(', ')}`);
    const csv = await page.request.get(`${BASE}/api/export/events.csv`);
    check(csv.status() === 200, `exports: /api/export/events.csv answered ${csv.status()}`);
    await screenshot(page, 'exports');

    // 10. An API error is shown readably, not as a blank page.
    step = 'error page';
    console.log(`- ${step}`);
    await page.goto(`${BASE}/#/entity/NO_SUCH_ENTITY`);
    await waitFor(page, '.error-box[role="alert"]', 'error message for a missing entity');
    const errText = await page.$eval('.error-box', (e) => e.innerText);
    check(/404/.test(errText), `error page: does not show the status (${errText})`);
    await screenshot(page, 'error');
    step = 'done';
  } catch (e) {
    await screenshot(page, `FAILED-${step.replace(/\s+/g, '-')}`).catch(() => {});
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    if (e instanceof StepFailure) {
      console.error(`\nFAIL at step "${step}": ${e.message}`);
    } else {
      console.error(`\nFAIL at step "${step}": ${e.stack || e}`);
    }
    if (problems.length) console.error(`also seen:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  if (problems.length) {
    console.error(`\nFAIL: the page worked but reported problems:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`\nbrowser test passed; screenshots in ${ARTIFACTS}`);
}

main().catch((e) => {
  console.error(`e2e: ${e.stack || e}`);
  process.exit(1);
});
