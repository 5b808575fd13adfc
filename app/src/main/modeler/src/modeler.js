// The /modeler page (static/modeler.html): process owners list the deployed models, open one in its editor
// (bpmn-js, dmn-js or form-js; loaded on demand), see bpmnlint's and the server's problems on the elements,
// compare with a deployed version, download it, deploy it with a change note, migrate running instances and
// read the audit. The REST contract: /api/models/** (issue 6).
//
// Address: /modeler (the list) or /modeler?type=bpmn&key=lead-lifecycle[&version=3][&panel=migration].
//
// Stable hooks for the browser test (e2e/modeler.test.mjs):
//   #model-list tr[data-type][data-key]            one row per model; td[data-col=latest|versionTag|deployedAt|
//                                                  deployedBy|changeNote|runningInstances]; a.open opens it
//   #audit tr[data-action]                          the audit (list: all models; editor: this key)
//   body[data-view=list|editor], body[data-ready=true] once the model is open (or the list loaded)
//   #model-title, #version-picker (option value = version), #canvas, #properties
//   #validation-state[data-state=pending|valid|invalid|failed][data-round=N]   N counts the finished rounds
//   #problems li[data-testid=problem][data-element-id][data-severity][data-source=server|lint]
//   #deploy (disabled while any error, while validating, or when nothing changed), #deploy-note, #deploy-submit,
//   #deploy-result[data-version]  and its li[data-key] for alsoDeployed
//   #diff-toggle, #diff-panel li[data-change=added|removed|changed|layout][data-element-id], #diff-lines
//   #download-source, #download-svg, #discard (only while changed; the version picker is disabled then)
//   #status[data-kind=info|ok|error]                the last message
//   #migration-panel: see migration.js
import { api, reason, sendText, text } from './http.js';
import { el } from '/js/page.js';
import { diffLines } from 'diff';
import { openMigration } from './migration.js';

const TYPES = { bpmn: 'Process', dmn: 'Decision', form: 'Form' };
const EXTENSIONS = { bpmn: 'bpmn', dmn: 'dmn', form: 'form' };
const VALIDATION_DELAY_MS = 600;

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);

const when = (iso) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—');
const plain = (value) => (value === null || value === undefined || value === '' ? '—' : String(value));

function status(message, kind = 'info') {
  const box = $(document.body.dataset.view === 'list' ? 'list-status' : 'status');
  box.textContent = message;
  box.dataset.kind = kind;
  box.className = `message ${kind}`;
  box.hidden = !message;
}

function modelUrl(type, key, extra = {}) {
  const query = new URLSearchParams({ type, key, ...extra });
  return `/modeler?${query}`;
}

// ------------------------------------------------------------------------------------------------
// The list
// ------------------------------------------------------------------------------------------------

async function showList() {
  document.body.dataset.view = 'list';
  $('list-view').hidden = false;
  const body = $('model-list').querySelector('tbody');
  try {
    const models = await api('/api/models');
    body.replaceChildren(...models.map((model) => {
      const latest = model.latest || {};
      const older = (model.versions || []).filter((v) => v.version !== latest.version && v.runningInstances > 0);
      const row = el('tr');
      row.dataset.type = model.type;
      row.dataset.key = model.key;
      const open = el('a', model.key, 'open');
      open.href = modelUrl(model.type, model.key);
      const keyCell = el('td');
      keyCell.append(open);
      if (model.name && model.name !== model.key) keyCell.append(el('div', model.name, 'muted small'));
      const cells = [el('td', TYPES[model.type] || model.type), keyCell];
      for (const [col, value] of [['latest', latest.version ? `v${latest.version}` : '—'], ['versionTag', plain(latest.versionTag)],
        ['deployedAt', when(latest.deployedAt)], ['deployedBy', latest.deployedBy || 'from files'],
        ['changeNote', plain(latest.changeNote)]]) {
        const cell = el('td', value);
        cell.dataset.col = col;
        cells.push(cell);
      }
      const running = el('td');
      running.dataset.col = 'runningInstances';
      if (model.type === 'bpmn') {
        const total = (model.versions || []).reduce((sum, v) => sum + (v.runningInstances || 0), 0);
        running.append(el('span', total, 'count'));
        if (older.length) {
          const migrate = el('a', `${older.reduce((s, v) => s + v.runningInstances, 0)} on older versions: migrate`, 'migrate');
          migrate.href = modelUrl(model.type, model.key, { panel: 'migration' });
          running.append(migrate);
        }
      } else {
        running.textContent = '—';
      }
      cells.push(running);
      row.append(...cells);
      return row;
    }));
    if (!models.length) body.append(emptyRow(8, 'No models deployed.'));
    status('');
  } catch (error) {
    body.replaceChildren(emptyRow(8, 'The models could not be loaded.'));
    status(reason(error), 'error');
  }
  await showAudit($('audit'));
  document.body.dataset.ready = 'true';
}

function emptyRow(columns, text) {
  const row = el('tr');
  const cell = el('td', text, 'muted');
  cell.colSpan = columns;
  row.append(cell);
  return row;
}

/** The audit (all models, or one key): who changed what, when and why. */
async function showAudit(table, key) {
  const body = table.querySelector('tbody');
  try {
    const entries = await api(`/api/models/audit?${new URLSearchParams({ ...(key ? { key } : {}), limit: '50' })}`);
    body.replaceChildren(...entries.map((entry) => {
      const row = el('tr');
      row.dataset.action = entry.action;
      row.dataset.key = entry.key;
      const versions = entry.fromVersion || entry.toVersion
        ? `${entry.fromVersion ? `v${entry.fromVersion}` : ''}${entry.fromVersion && entry.toVersion ? ' → ' : ''}${entry.toVersion ? `v${entry.toVersion}` : ''}` : '—';
      const detail = [entry.instances !== null && entry.instances !== undefined ? `${entry.instances} instances` : '',
        entry.result || ''].filter(Boolean).join(', ');
      row.append(el('td', when(entry.at)), el('td', entry.user), el('td', actionLabel(entry.action)),
        el('td', `${entry.type ? `${entry.type} ` : ''}${entry.key}`), el('td', versions), el('td', plain(entry.note)),
        el('td', plain(detail)));
      return row;
    }));
    if (!entries.length) body.append(emptyRow(7, 'Nothing changed through the modeler yet.'));
  } catch (error) {
    body.replaceChildren(emptyRow(7, `The audit could not be loaded: ${reason(error)}`));
  }
}

function actionLabel(action) {
  return { DEPLOY: 'Deployed', MIGRATE: 'Migrated', KEEP_OLD_VERSION: 'Kept on old version' }[action] || action;
}

// ------------------------------------------------------------------------------------------------
// The editor
// ------------------------------------------------------------------------------------------------

const state = {
  type: null, key: null, model: null, editor: null,
  base: { version: null, text: '' },   // the deployed version the editor was opened on
  latestAtOpen: null,                  // the latest version then (the deploy's baseVersion)
  lint: [], server: [], validatedText: null, validation: 'pending', validationSeq: 0, timer: null,
  dirty: false, diffShown: false, deploying: false
};

async function loadEditor(type) {
  const holders = { canvas: $('canvas'), properties: $('properties'), tabs: $('dmn-tabs') };
  if (type === 'bpmn') return (await import('./editors/bpmn.js')).createEditor(holders);
  if (type === 'dmn') return (await import('./editors/dmn.js')).createEditor(holders);
  return (await import('./editors/form.js')).createEditor(holders);
}

async function showEditor(type, key) {
  document.body.dataset.view = 'editor';
  $('editor-view').hidden = false;
  state.type = type;
  state.key = key;
  document.body.dataset.type = type;
  $('model-title').textContent = key;
  $('model-kind').textContent = TYPES[type];
  document.title = `${key} - Modeler - leadflow`;
  if (!TYPES[type]) {
    status(`Unknown model type "${type}": bpmn, dmn or form.`, 'error');
    return;
  }
  status(`Opening ${key}…`);
  try {
    const [models, editor] = await Promise.all([api('/api/models'), loadEditor(type)]);
    state.model = models.find((m) => m.type === type && m.key === key) || null;
    state.editor = editor;
  } catch (error) {
    status(`Cannot open ${key}: ${reason(error)}`, 'error');
    return;
  }
  if (!state.model) {
    status(`There is no deployed ${TYPES[type].toLowerCase()} "${key}".`, 'error');
    return;
  }
  $('model-name').textContent = state.model.name && state.model.name !== key ? state.model.name : '';
  $('properties').hidden = type === 'dmn';
  $('download-svg').hidden = type === 'form';
  $('download-source').textContent = type === 'form' ? 'Download JSON' : 'Download XML';
  $('workspace').dataset.type = type;
  state.editor.onChange(changed);
  state.editor.onLint((issues) => {
    state.lint = issues;
    renderProblems();
  });
  renderVersions();
  const requested = Number(params.get('version')) || null;
  await openVersion(requested);
  if (type === 'bpmn') {
    $('migration-open').hidden = false;
    if (params.get('panel') === 'migration') await showMigration();
  }
  showAudit($('model-audit'), key);
  document.body.dataset.ready = 'true';
}

function renderVersions() {
  const against = $('diff-against');
  against.replaceChildren(...state.model.versions.map((v) => {
    const option = el('option', `v${v.version}`);
    option.value = String(v.version);
    return option;
  }));
  const picker = $('version-picker');
  picker.replaceChildren(...state.model.versions.map((v) => {
    const option = el('option', `v${v.version}${v.versionTag ? ` (${v.versionTag})` : ''} · ${when(v.deployedAt)}`
      + ` · ${v.deployedBy || 'from files'}${v.version === state.model.latest.version ? ' · latest' : ''}`);
    option.value = String(v.version);
    return option;
  }));
}

/** Opens a deployed version (null: the latest) in the editor; `before`: a sentence for the status line. */
async function openVersion(version, before = '') {
  const path = `/api/models/${state.type}/${encodeURIComponent(state.key)}${version ? `?version=${version}` : ''}`;
  try {
    const resource = await text(path);
    const loadedVersion = resource.version || version || state.model.latest.version;
    state.latestAtOpen = state.model.latest.version;
    const warnings = await state.editor.open(resource.text);
    state.base = { version: loadedVersion, text: await state.editor.text() };
    state.dirty = false;
    state.server = [];
    hideDiff();
    $('version-picker').value = String(loadedVersion);
    $('diff-against').value = String(loadedVersion);
    const query = new URLSearchParams({ type: state.type, key: state.key });
    if (loadedVersion !== state.model.latest.version) query.set('version', String(loadedVersion));
    window.history.replaceState(null, '', `/modeler?${query}`);
    const latestNote = loadedVersion === state.model.latest.version ? 'the latest version'
      : `an older version (latest is v${state.model.latest.version}); deploying it makes it the newest`;
    status(`${before}Opened ${state.key} v${loadedVersion}, ${latestNote}.${warnings.length ? ` Import warnings: ${warnings.join('; ')}` : ''}`,
      warnings.length ? 'error' : 'info');
    renderDirty();
    await validateNow();
  } catch (error) {
    status(`Cannot open ${state.key}${version ? ` v${version}` : ''}: ${reason(error)}`, 'error');
  }
}

function changed() {
  clearTimeout(state.timer);
  setValidation('pending');
  state.timer = setTimeout(() => validateNow(), VALIDATION_DELAY_MS);
}

/** One validation round: the server's verdict on exactly the text the editor holds now. */
async function validateNow() {
  clearTimeout(state.timer);
  const seq = ++state.validationSeq;
  setValidation('pending');
  const current = await state.editor.text();
  state.dirty = current !== state.base.text;
  renderDirty();
  try {
    const verdict = await sendText(`/api/models/${state.type}/${encodeURIComponent(state.key)}/validation`, state.type, current);
    if (seq !== state.validationSeq) return;
    state.server = (verdict.problems || []).map((p) => ({ ...p, source: 'server' }));
    state.validatedText = current;
    $('validation-state').dataset.round = String(seq);
    setValidation(verdict.valid && !state.server.some((p) => p.severity === 'error') ? 'valid' : 'invalid');
  } catch (error) {
    if (seq !== state.validationSeq) return;
    state.server = [];
    state.validatedText = null;
    $('validation-state').dataset.round = String(seq);
    setValidation('failed', reason(error));
  }
  renderProblems();
}

function setValidation(value, why) {
  state.validation = value;
  const box = $('validation-state');
  box.dataset.state = value;
  box.textContent = {
    pending: 'Checking…',
    valid: 'Server check: no errors',
    invalid: 'Server check: errors',
    failed: `Server check failed: ${why || ''}`
  }[value];
  box.className = `validation ${value}`;
  renderDeployButton();
}

function allProblems() {
  const order = { error: 0, warning: 1 };
  return [...state.server, ...state.lint].sort((a, b) => (order[a.severity] ?? 2) - (order[b.severity] ?? 2));
}

function renderProblems() {
  const problems = allProblems();
  state.editor?.mark(state.server);
  const list = $('problems');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  $('problem-count').textContent = problems.length
    ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` : 'none';
  $('problem-count').className = errors ? 'warn' : 'ok';
  list.replaceChildren(...problems.map((problem) => {
    const item = el('li', null, `problem ${problem.severity}`);
    item.dataset.testid = 'problem';
    item.dataset.elementId = problem.elementId || '';
    item.dataset.severity = problem.severity;
    item.dataset.source = problem.source;
    item.dataset.rule = problem.rule || '';
    const button = el('button', null, 'problem-link');
    button.type = 'button';
    const name = problem.elementId ? state.editor.elementName(problem.elementId) : '';
    button.append(el('span', problem.severity === 'error' ? 'Error' : 'Warning', 'severity'),
      el('span', problem.elementId ? `${name ? `${name} ` : ''}(${problem.elementId})` : 'The whole model', 'where'),
      el('span', problem.message, 'what'),
      el('span', `${problem.source === 'lint' ? 'bpmnlint' : 'server'}${problem.rule ? ` · ${problem.rule}` : ''}`, 'rule muted'));
    button.disabled = !problem.elementId;
    button.title = problem.elementId ? 'Show this element' : '';
    button.addEventListener('click', () => {
      if (!state.editor.select(problem.elementId)) status(`${problem.elementId} is not on the canvas.`, 'info');
    });
    item.append(button);
    return item;
  }));
  if (!problems.length) list.append(el('li', 'No problems found.', 'muted'));
  renderDeployButton();
}

function renderDirty() {
  $('dirty-state').textContent = state.dirty ? `Changed since v${state.base.version}` : `Same as v${state.base.version}`;
  $('dirty-state').dataset.dirty = String(state.dirty);
  // another version opens only over an unchanged editor: changes are deployed or discarded first
  $('version-picker').disabled = state.dirty;
  $('version-picker').title = state.dirty ? 'Deploy or discard your changes to open another version' : '';
  $('discard').hidden = !state.dirty;
  renderDeployButton();
}

function renderDeployButton() {
  const button = $('deploy');
  const errors = allProblems().filter((p) => p.severity === 'error').length;
  let why = '';
  if (state.deploying) why = 'Deploying…';
  else if (state.validation === 'pending') why = 'Waiting for the check of the last change';
  else if (state.validation === 'failed') why = 'The server check failed; deploy after it succeeds';
  else if (errors) why = `Fix the ${errors} error${errors === 1 ? '' : 's'} first`;
  else if (!state.dirty) why = 'Nothing changed yet';
  button.disabled = Boolean(why);
  button.title = why || 'Deploy as a new version';
  $('deploy-why').textContent = why;
}

// ------------------------------------------------------------------------------------------------
// Deploy
// ------------------------------------------------------------------------------------------------

function openDeployForm() {
  $('deploy-panel').hidden = false;
  $('deploy-result').hidden = true;
  $('deploy-note-error').hidden = true;
  $('deploy-note').focus();
}

async function deploy(event) {
  event.preventDefault();
  const note = $('deploy-note').value.trim();
  if (!note) {
    showNoteError('Say what changed and why: the note goes into the audit.');
    return;
  }
  const current = await state.editor.text();
  if (current !== state.validatedText) await validateNow();
  if (state.validation !== 'valid' || allProblems().some((p) => p.severity === 'error')) {
    status('Not deployed: the model has errors (see Problems).', 'error');
    return;
  }
  state.deploying = true;
  renderDeployButton();
  $('deploy-submit').disabled = true;
  status(`Deploying ${state.key}…`);
  try {
    // baseVersion: the latest version when the editor opened; a version deployed since by someone else is a 409
    const query = new URLSearchParams({ note, baseVersion: String(state.latestAtOpen) });
    const result = await sendText(`/api/models/${state.type}/${encodeURIComponent(state.key)}/deployments?${query}`,
      state.type, current);
    $('deploy-note').value = '';
    $('deploy-panel').hidden = true;
    hideDiff();
    state.model = (await api('/api/models')).find((m) => m.type === state.type && m.key === state.key) || state.model;
    renderVersions();
    state.base = { version: result.version, text: current };
    state.latestAtOpen = result.version;
    state.dirty = false;
    $('version-picker').value = String(result.version);
    $('diff-against').value = String(result.version);
    window.history.replaceState(null, '', modelUrl(state.type, state.key));
    renderDirty();
    status(`Deployed ${state.key} v${result.version}.`, 'ok');
    showDeployResult(result);
    showAudit($('model-audit'), state.key);
    if (state.type === 'bpmn') await showMigration({ scroll: false });
  } catch (error) {
    if (error.status === 400) {
      showNoteError(fieldMessage(error.problem, 'note') || reason(error));
      status(`Not deployed: ${reason(error)}`, 'error');
    } else if (error.status === 409) {
      const latest = error.problem?.latestVersion;
      status(`Not deployed: ${reason(error)} Your changes are still here: download them, discard them, open v${latest ?? 'the latest'}`
        + ' and make them again there (compare with it first to see what changed).', 'error');
      state.model = (await api('/api/models')).find((m) => m.type === state.type && m.key === state.key) || state.model;
      renderVersions();
      $('version-picker').value = String(state.base.version);
    } else if (error.status === 422 && error.problem?.problems) {
      state.server = error.problem.problems.map((p) => ({ ...p, source: 'server' }));
      setValidation('invalid');
      renderProblems();
      status(`Not deployed: ${reason(error)}`, 'error');
    } else {
      status(`Not deployed: ${reason(error)}`, 'error');
    }
  } finally {
    state.deploying = false;
    $('deploy-submit').disabled = false;
    renderDeployButton();
  }
}

function fieldMessage(problem, field) {
  const match = (problem?.errors || []).find((e) => e.field === field);
  return match ? `${match.field}: ${match.message}` : null;
}

function showNoteError(message) {
  const box = $('deploy-note-error');
  box.textContent = message;
  box.hidden = false;
}

function showDeployResult(result) {
  const box = $('deploy-result');
  box.hidden = false;
  box.dataset.version = String(result.version);
  box.replaceChildren(el('h3', `${state.key} v${result.version} is deployed`),
    el('p', `${when(result.deployedAt)} by ${result.deployedBy}: “${result.changeNote}” (deployment ${result.deploymentId})`, 'muted'));
  const also = result.alsoDeployed || [];
  if (also.length) {
    box.append(el('p', 'Deployed with it as one model set (forms and called processes are bound to their deployment):'));
    const list = el('ul', null, 'also-deployed');
    for (const item of also) {
      const li = el('li', `${TYPES[item.type] || item.type} ${item.key} v${item.version}`);
      li.dataset.key = item.key;
      li.dataset.type = item.type;
      list.append(li);
    }
    box.append(list);
  }
  if (state.type === 'bpmn') box.append(el('p', 'Instances on older versions keep running on them until you migrate them below.', 'muted'));
}

// ------------------------------------------------------------------------------------------------
// Diff, downloads
// ------------------------------------------------------------------------------------------------

function hideDiff() {
  state.diffShown = false;
  state.editor?.clearDiff();
  $('diff-panel').hidden = true;
  $('diff-toggle').textContent = 'Compare with deployed';
  $('diff-toggle').setAttribute('aria-pressed', 'false');
}

async function toggleDiff() {
  if (state.diffShown) {
    hideDiff();
    return;
  }
  const against = Number($('diff-against').value) || state.base.version;
  try {
    const deployed = (await text(`/api/models/${state.type}/${encodeURIComponent(state.key)}?version=${against}`)).text;
    const current = await state.editor.text();
    const panel = $('diff-panel');
    panel.hidden = false;
    $('diff-title').textContent = `Changes against deployed v${against}`;
    const lists = $('diff-changes');
    const lines = $('diff-lines');
    lists.replaceChildren();
    lines.replaceChildren();
    if (state.type === 'bpmn') {
      const changes = await state.editor.diff(deployed);
      const groups = [['added', 'Added', changes.added], ['removed', 'Removed', changes.removed],
        ['changed', 'Changed', changes.changed], ['layout', 'Moved or resized', changes.layout]];
      const total = changes.added.length + changes.removed.length + changes.changed.length + changes.layout.length;
      if (!total) lists.append(el('p', 'No differences.', 'muted'));
      for (const [kind, label, items] of groups) {
        if (!items.length) continue;
        lists.append(el('h3', `${label} (${items.length})`, `diff-${kind}-title`));
        const list = el('ul', null, `diff-list ${kind}`);
        for (const item of items) {
          const li = el('li');
          li.dataset.change = kind;
          li.dataset.elementId = item.id;
          const link = el('button', `${item.name ? `${item.name} ` : ''}(${item.id}) ${item.type}`, 'problem-link');
          link.type = 'button';
          link.disabled = kind === 'removed';
          link.addEventListener('click', () => state.editor.select(item.id));
          li.append(link);
          if (item.attrs) {
            li.append(el('div', item.attrs.map((a) => `${a.attr}: ${show(a.oldValue)} → ${show(a.newValue)}`).join('; '), 'muted small'));
          }
          list.append(li);
        }
        lists.append(list);
      }
    }
    // the opened version as this editor wrote it right after opening it (bpmn-js orders the diagram's layout
    // elements its own way); another version re-serialized, which may differ in order too
    const before = against === state.base.version ? state.base.text : await state.editor.canonical(deployed);
    renderLineDiff(lines, before, current);
    state.diffShown = true;
    $('diff-toggle').textContent = 'Hide comparison';
    $('diff-toggle').setAttribute('aria-pressed', 'true');
  } catch (error) {
    status(`Cannot compare: ${reason(error)}`, 'error');
  }
}

const show = (value) => {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'object') return value.id || value.$type || JSON.stringify(value);
  return String(value);
};

/** The source lines that differ, with two lines of context around each change. */
function renderLineDiff(container, before, after) {
  const parts = diffLines(before, after);
  const changed = parts.filter((p) => p.added || p.removed);
  container.hidden = false;
  if (!changed.length) {
    container.append(el('p', 'The source is the same.', 'muted'));
    return;
  }
  const pre = el('pre', null, 'line-diff');
  pre.dataset.testid = 'line-diff';
  parts.forEach((part, index) => {
    let lines = part.value.replace(/\n$/, '').split('\n');
    if (!part.added && !part.removed) {
      const head = index > 0 ? lines.slice(0, 2) : [];
      const tail = index < parts.length - 1 ? lines.slice(-2) : [];
      if (lines.length > 5) lines = [...head, '…', ...tail];
      else lines = index === 0 ? tail : index === parts.length - 1 ? head : lines;
    }
    for (const line of lines) {
      const prefix = part.added ? '+ ' : part.removed ? '- ' : '  ';
      pre.append(el('span', prefix + line, part.added ? 'added' : part.removed ? 'removed' : 'same'));
    }
  });
  container.append(el('h3', `Source (${changed.length} change${changed.length === 1 ? '' : 's'})`), pre);
}

function download(name, content, type) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function downloadSource() {
  const extension = EXTENSIONS[state.type];
  download(`${state.key}.${extension}`, await state.editor.text(), state.type === 'form' ? 'application/json' : 'application/xml');
}

async function downloadSvg() {
  const svg = await state.editor.svg();
  if (!svg) {
    status(state.type === 'dmn' ? 'A decision table has no picture; open the decision requirements view to export one.'
      : 'Forms have no SVG picture.', 'info');
    return;
  }
  download(`${state.key}.svg`, svg, 'image/svg+xml');
}

// ------------------------------------------------------------------------------------------------
// Migration
// ------------------------------------------------------------------------------------------------

/** The migration panel; `scroll`: bring it into view (asked for; after a deploy the result stays in view). */
async function showMigration({ scroll = true } = {}) {
  $('migration-panel').hidden = false;
  await openMigration($('migration-panel'), state.key, {
    status,
    afterChange: () => showAudit($('model-audit'), state.key)
  });
  if (scroll) $('migration-panel').scrollIntoView({ block: 'start', behavior: 'smooth' });
}

// ------------------------------------------------------------------------------------------------

function wire() {
  $('version-picker').addEventListener('change', async (event) => {
    const version = Number(event.target.value);
    await openVersion(version);
  });
  $('deploy').addEventListener('click', openDeployForm);
  $('deploy-form').addEventListener('submit', deploy);
  $('deploy-cancel').addEventListener('click', () => { $('deploy-panel').hidden = true; });
  $('diff-toggle').addEventListener('click', toggleDiff);
  $('diff-against').addEventListener('change', async () => {
    if (!state.diffShown) return;
    hideDiff();
    await toggleDiff();
  });
  $('download-source').addEventListener('click', downloadSource);
  $('download-svg').addEventListener('click', downloadSvg);
  $('migration-open').addEventListener('click', () => showMigration());
  $('discard').addEventListener('click', () => openVersion(state.base.version, `Discarded the changes to v${state.base.version}. `));
  window.addEventListener('beforeunload', (event) => {
    if (state.dirty) event.preventDefault();
  });
}

const type = params.get('type');
const key = params.get('key');
if (key) {
  wire();
  showEditor(type || 'bpmn', key);
} else {
  showList();
}
