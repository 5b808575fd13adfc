// The /reports page: the filters live in the address (?from=..&channel=..), every section reads its
// /api/reports/... endpoint with them and shows a table (with a caption, header cells and a CSV link:
// the same URL with format=csv), the funnel and the trend also as ECharts charts (canvas renderer,
// canvas tooltips: nothing inline, so the page's CSP 'self' holds). A section whose endpoint fails shows
// why (a missing endpoint says "not available") without stopping the others; a 400 (a bad filter) is
// shown next to the filters. The leaderboard's month (month=2026-12, default this month) is in the address
// too; changing it reloads the leaderboard alone. Campaign costs and plans can be uploaded as CSV: the
// count stored, or the 400's per-row errors in a table (the API stores a file whole or not at all).
import { api, el } from './page.js';

const FILTERS = ['from', 'to', 'basis', 'channel', 'campaign', 'landingPage', 'region', 'team', 'rep'];
const MAIN_LINE = ['CAPTURED', 'VALID', 'MQL', 'SQL', 'SAL', 'OPPORTUNITY', 'WON'];
const TREND_MEASURES = ['captured', 'valid', 'mql', 'sql', 'won'];

const pct = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)} %`);
const money = (value) => (value === null || value === undefined ? '—' : Number(value).toFixed(2));
const plain = (value) => (value === null || value === undefined ? '—' : value);
function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

const col = (key, label, format = plain) => ({ key, label, format });
const reasonCount = (what) => [col('reason', what), col('count', 'Count')];
const moneyColumns = [col('open', 'Open opportunities'), col('value', 'Value', money), col('weighted', 'Weighted', money)];
const costColumns = [col('cost', 'Cost', money), col('leads', 'Leads'), col('validLeads', 'Valid leads'),
  col('customers', 'Customers'), col('revenue', 'Revenue', money), col('costPerLead', 'Cost per lead', money),
  col('costPerValidLead', 'Cost per valid lead', money), col('costPerCustomer', 'Cost per customer', money),
  col('roi', 'ROI', pct)];

/**
 * The sections, in page order: endpoint, summary figures (key path, label, format) and tables (rows of
 * the JSON, caption, columns). `semantics`: the funnel also takes that filter.
 */
const SECTIONS = [
  { id: 'funnel', title: 'Funnel', path: '/api/reports/funnel', semantics: true, chart: renderFunnelChart,
    summary: [col('semantics', 'Semantics'), col('basis', 'Basis'), col('captureToWon.captured', 'Captured'),
      col('captureToWon.won', 'Won'), col('captureToWon.rate', 'Capture → won', pct)],
    tables: [
      { id: 'funnel-stages', rows: (j) => j.stages, caption: 'Leads and passes per stage', rowKey: 'stage',
        columns: [col('stage', 'Stage'), col('leads', 'Leads'), col('passes', 'Passes')] },
      { id: 'funnel-conversions', rows: (j) => j.conversions, caption: 'Conversion between stages',
        columns: [col('from', 'From'), col('to', 'To'), col('fromLeads', 'From leads'), col('toLeads', 'To leads'),
          col('rate', 'Rate', pct)] }] },
  { id: 'trend', title: 'Trend', custom: loadTrend },
  { id: 'quality', title: 'Lead quality', path: '/api/reports/quality',
    summary: [col('captured', 'Captured'), col('valid', 'Valid'), col('invalid', 'Invalid'), col('validRate', 'Valid rate', pct)],
    tables: [{ rows: (j) => j.invalidByReason, caption: 'Invalid leads by reason',
      columns: [col('reason', 'Reason'), col('leads', 'Leads')] }] },
  { id: 'stage-times', title: 'Time in stage', path: '/api/reports/stage-times',
    tables: [{ rows: (j) => j.stages, caption: 'Median and 90th percentile time in each stage',
      columns: [col('stage', 'Stage'), col('passes', 'Passes'), col('medianSeconds', 'Median', duration),
        col('p90Seconds', '90th percentile', duration),
        col('approximate', 'Figures', (approximate) => (approximate ? 'approximate (within 5 %)' : 'exact'))] }] },
  { id: 'speed-to-lead', title: 'Speed to lead', path: '/api/reports/speed-to-lead',
    summary: [col('leads', 'Leads'), col('contacted', 'Contacted'),
      col('medianBusinessSeconds', 'Median (business hours)', duration),
      col('p90BusinessSeconds', '90th percentile (business hours)', duration),
      col('approximate', 'Figures', (approximate) => (approximate ? 'approximate (within 5 %)' : 'exact'))] },
  { id: 'sla', title: 'SLA compliance', path: '/api/reports/sla',
    tables: [{ rows: (j) => j.slas, caption: 'Compliance per SLA type',
      columns: [col('slaType', 'SLA type'), col('total', 'Total'), col('met', 'Met'), col('breached', 'Breached'),
        col('open', 'Open'), col('compliance', 'Compliance', pct)] }] },
  { id: 'recycles', title: 'Recycles', path: '/api/reports/recycles',
    summary: [col('recycles', 'Recycles'), col('recycledLeads', 'Recycled leads')],
    tables: [{ rows: (j) => j.byReason, caption: 'Recycles by reason', columns: reasonCount('Reason') }] },
  { id: 'outcomes', title: 'Outcomes and objections', path: '/api/reports/outcomes',
    summary: [col('won', 'Won'), col('lost', 'Lost')],
    tables: [
      { rows: (j) => j.winReasons, caption: 'Win reasons', columns: reasonCount('Win reason') },
      { rows: (j) => j.lossReasons, caption: 'Loss reasons', columns: reasonCount('Loss reason') },
      { rows: (j) => j.objectionsByChannel, caption: 'Objections by channel',
        columns: [col('channel', 'Channel'), col('objection', 'Objection'), col('count', 'Count')] }] },
  { id: 'pipeline', title: 'Weighted pipeline', path: '/api/reports/pipeline',
    summary: [col('total.open', 'Open opportunities'), col('total.value', 'Value', money),
      col('total.weighted', 'Weighted (25/50/75 %)', money)],
    tables: [
      { rows: (j) => j.byRep, caption: 'Pipeline per rep', columns: [col('rep', 'Rep'), col('team', 'Team'), ...moneyColumns] },
      { rows: (j) => j.byTerritory, caption: 'Pipeline per territory', columns: [col('territory', 'Territory'), ...moneyColumns] }] },
  { id: 'revenue', title: 'Revenue', path: '/api/reports/revenue',
    summary: [col('won', 'Won deals'), col('revenue', 'Revenue', money),
      col('newCustomerRevenue', 'New-customer revenue', money), col('repeatRevenue', 'Repeat business', money)] },
  { id: 'costs', title: 'Costs and ROI', path: '/api/reports/costs',
    summary: [col('total.cost', 'Total cost', money), col('total.leads', 'Leads'),
      col('total.costPerLead', 'Cost per lead', money), col('total.costPerValidLead', 'Cost per valid lead', money),
      col('total.costPerCustomer', 'Cost per customer', money), col('total.roi', 'ROI', pct)],
    tables: [{ id: 'costs-campaigns', rows: (j) => j.campaigns, caption: 'Cost, leads, customers and ROI per campaign',
      rowKey: 'campaign', columns: [col('campaign', 'Campaign'), col('channel', 'Channel'), ...costColumns] }] },
  { id: 'leaderboard', title: 'Leaderboard', path: '/api/reports/leaderboard', teamOnly: true,
    summary: [col('month', 'Month'), col('asOf', 'As of')],
    tables: [{ id: 'leaderboard-lines', rows: (j) => j.lines, caption: 'Plan attainment per rep, ranked', rowKey: 'rep',
      columns: [col('rank', 'Rank'), col('rep', 'Rep'), col('name', 'Name'), col('team', 'Team'), col('plan', 'Plan', money),
        col('closedToday', 'Closed today', money), col('closedMonth', 'Closed this month', money),
        col('attainmentToday', 'Attainment today', pct), col('attainmentMonth', 'Attainment this month', pct)] }] },
];

/** The filters of the address (only the known, non-empty ones). */
function currentFilters() {
  const query = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of [...FILTERS, 'semantics', 'interval', 'month']) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** An endpoint's URL with the filters it takes (and `extra`). */
function reportUrl(section, filters, extra = {}) {
  const query = new URLSearchParams();
  const names = section.teamOnly ? ['team', 'month'] : [...FILTERS, ...(section.semantics ? ['semantics'] : [])];
  for (const name of names) if (filters[name]) query.set(name, filters[name]);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  const text = query.toString();
  return text ? `${section.path}?${text}` : section.path;
}

function csvUrl(url) {
  return url + (url.includes('?') ? '&' : '?') + 'format=csv';
}

const valueAt = (object, keyPath) => keyPath.split('.').reduce((v, k) => (v === null || v === undefined ? v : v[k]), object);

function csvLink(url, name) {
  const link = el('a', `CSV: ${name}`, 'csv');
  link.href = csvUrl(url);
  link.setAttribute('download', '');
  return link;
}

function renderSummary(json, figures) {
  const list = el('dl', undefined, 'figures');
  for (const figure of figures) {
    const item = el('div');
    item.dataset.figure = figure.key;
    item.append(el('dt', figure.label), el('dd', figure.format(valueAt(json, figure.key)), 'count'));
    list.append(item);
  }
  return list;
}

function renderTable(rows, spec) {
  const table = el('table');
  if (spec.id) table.id = spec.id;
  table.append(el('caption', spec.caption));
  const headRow = el('tr');
  for (const column of spec.columns) {
    const th = el('th', column.label);
    th.scope = 'col';
    headRow.append(th);
  }
  table.append(el('thead'));
  table.tHead.append(headRow);
  const body = el('tbody');
  if (!rows || rows.length === 0) {
    const row = el('tr');
    const cell = el('td', 'Nothing in this period.', 'muted empty');
    cell.colSpan = spec.columns.length;
    row.append(cell);
    body.append(row);
  }
  for (const item of rows || []) {
    const row = el('tr');
    if (spec.rowKey) row.dataset.key = item[spec.rowKey];
    for (const column of spec.columns) {
      const cell = el('td', column.format(item[column.key]));
      cell.dataset.col = column.key;
      row.append(cell);
    }
    body.append(row);
  }
  table.append(body);
  return table;
}

/** A section's card: heading, a status line, then its content; returned for filling. */
function sectionCard(section) {
  let card = document.getElementById(section.id);
  if (!card) {
    card = el('section', undefined, 'card report');
    card.id = section.id;
    card.setAttribute('aria-labelledby', `${section.id}-title`);
    document.getElementById('sections').append(card);
  }
  const heading = el('h2', section.title);
  heading.id = `${section.id}-title`;
  const status = el('p', 'Loading…', 'muted status');
  status.setAttribute('role', 'status');
  card.replaceChildren(heading, status);
  card.dataset.state = 'loading';
  return card;
}

function showFailure(card, section, error) {
  const status = card.querySelector('.status') || card.appendChild(el('p', '', 'message status'));
  card.dataset.state = 'error';
  if (error.status === 404 || error.status === 405 || error.status === 501) {
    card.dataset.state = 'unavailable';
    status.textContent = `This report is not available on this server yet (HTTP ${error.status}).`;
  } else if (error.status === 403) {
    status.textContent = `Not allowed: ${error.message}`;
  } else if (error.status === 400) {
    status.textContent = `Not shown: the filters are not valid (${error.message}).`;
    showFilterError(error);
  } else {
    status.textContent = `Could not load this report: ${error.message}`;
  }
  status.className = 'message status';
}

function showFilterError(error) {
  const box = document.getElementById('filter-error');
  const fields = error.problem?.errors?.map((e) => e.field || e.parameter).filter(Boolean) || [];
  box.textContent = error.message + (fields.length ? ` (${fields.join(', ')})` : '');
  box.hidden = false;
}

/** Each section's latest load: an answer to an older one (a cost saved while the page still loads) is dropped. */
const latestLoad = new Map();

async function loadSection(section, filters) {
  const card = sectionCard(section);
  if (section.custom) return section.custom(section, card, filters);
  const url = reportUrl(section, filters);
  const load = {};
  latestLoad.set(section.id, load);
  try {
    const json = await api(url);
    if (latestLoad.get(section.id) !== load) return json;
    card.querySelector('.status')?.remove();
    card.dataset.state = 'loaded';
    if (section.chart) card.append(section.chart(json));
    if (section.summary) card.append(renderSummary(json, section.summary));
    for (const spec of section.tables || []) card.append(renderTable(spec.rows(json), spec));
    const links = el('p', undefined, 'links');
    links.append(csvLink(url, section.title));
    card.append(links);
    return json;
  } catch (error) {
    if (latestLoad.get(section.id) === load) showFailure(card, section, error);
    return null;
  }
}

function chartBox(label) {
  const box = el('div', undefined, 'chart');
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', label);
  return box;
}

/** ECharts on `box` once it is in the page, or a note that the charts are missing. */
function chart(box, option) {
  if (!window.echarts) {
    box.replaceWith(el('p', 'Charts are not available (ECharts did not load); the tables below have the figures.', 'muted'));
    return;
  }
  requestAnimationFrame(() => {
    const instance = window.echarts.init(box, null, { renderer: 'canvas' });
    // richText tooltips are drawn on the canvas: no HTML tooltip element with inline styles
    instance.setOption({ tooltip: { trigger: 'item', renderMode: 'richText' }, animation: false, ...option });
    window.addEventListener('resize', () => instance.resize());
  });
}

/** The main line as a funnel: each stage's leads, and the rate from the stage before. */
function renderFunnelChart(json) {
  const byStage = new Map(json.stages.map((s) => [s.stage, s]));
  const rates = new Map(json.conversions.map((c) => [`${c.from}>${c.to}`, c.rate]));
  const data = MAIN_LINE.filter((stage) => byStage.has(stage)).map((stage, i, line) => ({
    name: stage, value: byStage.get(stage).leads,
    rate: i === 0 ? null : rates.get(`${line[i - 1]}>${stage}`),
  }));
  const box = chartBox(`Funnel: ${data.map((d) => `${d.name} ${d.value}`).join(', ')}`);
  box.id = 'funnel-chart';
  chart(box, {
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', gap: 2, data,
      label: { show: true, position: 'inside',
        formatter: (p) => `${p.name}: ${p.value}${p.data.rate === null || p.data.rate === undefined ? '' : ` (${pct(p.data.rate)} of previous)`}` },
    }],
  });
  return box;
}

/** The trend: one request per measure, one line each, and a table of the points. */
async function loadTrend(section, card, filters) {
  const interval = filters.interval || 'week';
  const base = { path: '/api/reports/trend' };
  const results = await Promise.all(TREND_MEASURES.map(async (measure) => {
    const url = reportUrl(base, filters, { measure, interval });
    try {
      return { measure, url, json: await api(url) };
    } catch (error) {
      return { measure, url, error };
    }
  }));
  const loaded = results.filter((r) => r.json);
  if (loaded.length === 0) {
    showFailure(card, section, results[0].error);
    return null;
  }
  card.querySelector('.status').remove();
  card.dataset.state = 'loaded';
  const periods = [...new Set(loaded.flatMap((r) => r.json.points.map((p) => p.period)))].sort();
  const valueOf = (r, period) => r.json.points.find((p) => p.period === period)?.value ?? 0;
  const box = chartBox(`Trend per ${interval} of ${loaded.map((r) => r.measure).join(', ')}`);
  box.id = 'trend-chart';
  card.append(box);
  chart(box, {
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { data: loaded.map((r) => r.measure) },
    xAxis: { type: 'category', data: periods }, yAxis: { type: 'value', minInterval: 1 },
    series: loaded.map((r) => ({ name: r.measure, type: 'line', data: periods.map((p) => valueOf(r, p)) })),
  });
  const rows = periods.map((period) => Object.fromEntries([['period', period], ...loaded.map((r) => [r.measure, valueOf(r, period)])]));
  card.append(renderTable(rows, { id: 'trend-points', caption: `Leads per ${interval}`,
    columns: [col('period', interval[0].toUpperCase() + interval.slice(1)), ...loaded.map((r) => col(r.measure, r.measure.toUpperCase()))] }));
  const links = el('p', undefined, 'links');
  for (const r of loaded) links.append(csvLink(r.url, `trend of ${r.measure}`), ' ');
  for (const r of results.filter((x) => x.error)) links.append(el('span', `${r.measure}: ${r.error.message}`, 'warn'), ' ');
  card.append(links);
  return loaded;
}

/** This month (UTC) as the leaderboard's API counts it: 2026-12. */
const thisMonth = () => new Date().toISOString().slice(0, 7);

function fillForm(filters) {
  const form = document.getElementById('filters');
  for (const field of form.elements) {
    if (field.name) field.value = filters[field.name] || (field.name === 'month' ? thisMonth() : '');
  }
}

const sectionById = (id) => SECTIONS.find((s) => s.id === id);

async function loadAll() {
  const filters = currentFilters();
  fillForm(filters);
  document.getElementById('filter-error').hidden = true;
  await Promise.all(SECTIONS.map((section) => loadSection(section, filters)));
  document.body.dataset.loaded = 'true';
}

document.getElementById('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = new URLSearchParams();
  for (const field of event.target.elements) if (field.name && field.value) query.set(field.name, field.value);
  const text = query.toString();
  window.history.pushState(null, '', text ? `/reports?${text}` : '/reports');
  document.body.dataset.loaded = 'false';
  loadAll();
});
window.addEventListener('popstate', loadAll);

// the leaderboard's month: into the address (the other filters stay), then the leaderboard alone reloads
document.getElementById('f-month').addEventListener('change', (event) => {
  const query = new URLSearchParams(window.location.search);
  if (event.target.value) query.set('month', event.target.value);
  else query.delete('month');
  window.history.pushState(null, '', `/reports?${query.toString()}`);
  document.getElementById('filter-error').hidden = true;
  loadSection(sectionById('leaderboard'), currentFilters());
});

/** The per-row errors of a refused upload as a table (row, field, message). */
function uploadErrors(form, errors) {
  return renderTable(errors, { id: `${form.id}-errors`, caption: 'Rows to fix (nothing of this file was stored)',
    columns: [col('row', 'Row'), col('field', 'Field'), col('message', 'Message')] });
}

// CSV uploads: the file's text to the endpoint (all rows or none); the sections it changes reload
for (const form of document.querySelectorAll('form.upload')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = form.querySelector('.upload-result');
    const file = form.elements.file.files[0];
    if (!file) return;
    const replace = form.elements.replace.checked;
    result.hidden = true;
    try {
      const stored = await api(`${form.dataset.path}${replace ? '?replace=true' : ''}`, { method: 'POST', csv: await file.text() });
      const rows = stored.created + stored.replaced;
      result.className = 'message info upload-result';
      result.dataset.state = 'stored';
      result.replaceChildren(el('span', `${rows} ${rows === 1 ? 'row' : 'rows'} stored (${stored.created} new, `
        + `${stored.replaced} replaced) from ${file.name}.`));
      result.hidden = false;
      await loadSection(sectionById(form.dataset.reload), currentFilters());
    } catch (error) {
      result.className = 'message upload-result';
      result.dataset.state = 'refused';
      const errors = error.status === 400 ? (error.problem?.errors || []) : [];
      result.replaceChildren(el('p', errors.length
        ? `${file.name}: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}; nothing was stored.`
        : `${form.dataset.kind} not uploaded: ${error.status === 403 ? 'not allowed for you' : error.message}`));
      if (errors.length) result.append(uploadErrors(form, errors));
      result.hidden = false;
    }
  });
}

document.getElementById('cost-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('cost-message');
  const body = Object.fromEntries([...form.elements].filter((f) => f.name).map((f) => [f.name, f.value === '' ? null : f.value]));
  body.amount = Number(body.amount);
  try {
    await api('/api/campaign-costs', { method: 'POST', body });
    message.className = 'message info';
    message.textContent = `Saved: ${body.amount.toFixed(2)} ${body.currency} for ${body.campaign}.`;
    message.hidden = false;
    await loadSection(sectionById('costs'), currentFilters());
  } catch (error) {
    message.className = 'message';
    const rows = error.problem?.errors?.map((e) => `${e.field}: ${e.message}`) || [];
    message.textContent = [error.message, ...rows].join(' · ');
    message.hidden = false;
  }
});

loadAll();
