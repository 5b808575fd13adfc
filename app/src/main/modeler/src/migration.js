// The migration panel of a BPMN model (Camunda's migration API behind /api/models/bpmn/{key}/...): running
// instances per version and activity; for an older version a generated plan (source activity -> target
// activity, editable, unmapped activities highlighted), a dry run, the migration as a batch with its progress,
// or the decision to let that version's instances finish where they are.
//
// Hooks for the browser test:
//   #instances tr[data-version] (a version's line: td[data-col=instances]), tr[data-version][data-activity-id]
//   button.plan[data-version], button.keep-old[data-version]
//   #migration-plan[data-source-version][data-target-version], its tr[data-source-activity-id] (class unmapped
//     when nothing maps it) with select.target (option value = target activity id, "" = not mapped)
//   #migration-note, #migration-dry-run, #migration-validation[data-valid=true|false]
//   #migration-execute, #migration-progress[data-result=RUNNING|COMPLETED|COMPLETED_WITH_FAILURES][data-done]
import { api, reason } from './http.js';
import { el } from '/js/page.js';

const POLL_MS = 1000;
let active = null;

export async function openMigration(panel, key, { status, afterChange }) {
  const base = `/api/models/bpmn/${encodeURIComponent(key)}`;
  const $ = (selector) => panel.querySelector(selector);
  let plan = null;
  let polling = null;
  let overview = null;

  async function loadInstances() {
    const body = $('#instances tbody');
    try {
      overview = await api(`${base}/instances`);
      body.replaceChildren();
      const versions = [...overview.versions].sort((a, b) => b.version - a.version);
      for (const version of versions) {
        const latest = version.version === overview.latestVersion;
        const head = el('tr', null, 'version-row');
        head.dataset.version = String(version.version);
        const title = el('th', `v${version.version}${latest ? ' (latest)' : ''}`);
        title.scope = 'row';
        const count = el('td', version.instances, 'count');
        count.dataset.col = 'instances';
        const actions = el('td');
        if (!latest && version.instances > 0) {
          const planButton = el('button', `Plan migration to v${overview.latestVersion}`, 'plan');
          planButton.type = 'button';
          planButton.dataset.version = String(version.version);
          const target = overview.latestVersion;
          planButton.addEventListener('click', () => makePlan(version.version, target));
          const keep = el('button', `Let them finish on v${version.version}`, 'keep-old quiet-dark');
          keep.type = 'button';
          keep.dataset.version = String(version.version);
          keep.addEventListener('click', () => keepOld(version.version));
          actions.append(planButton, ' ', keep);
        }
        head.append(title, count, el('td'), actions);
        body.append(head);
        for (const activity of version.activities || []) {
          const row = el('tr', null, 'activity-row');
          row.dataset.version = String(version.version);
          row.dataset.activityId = activity.activityId;
          const instances = el('td', activity.instances);
          instances.dataset.col = 'instances';
          row.append(el('td', `${activity.activityName || ''} (${activity.activityId})`), instances,
            el('td', activity.incidents ? `${activity.incidents} incident${activity.incidents === 1 ? '' : 's'}` : '',
              activity.incidents ? 'warn' : ''), el('td'));
          body.append(row);
        }
      }
      const older = versions.filter((v) => v.version !== overview.latestVersion && v.instances > 0);
      $('#instances-summary').textContent = older.length
        ? `${older.reduce((s, v) => s + v.instances, 0)} running instance(s) on older versions.`
        : `All running instances are on the latest version (v${overview.latestVersion}).`;
      return overview;
    } catch (error) {
      body.replaceChildren();
      overview = null;
      $('#instances-summary').textContent = `Running instances could not be loaded: ${reason(error)}`;
      return null;
    }
  }

  async function makePlan(sourceVersion, targetVersion) {
    clearPlan();
    status(`Generating a migration plan v${sourceVersion} → v${targetVersion}…`);
    try {
      plan = await api(`${base}/migration-plans`, { method: 'POST', body: { sourceVersion, targetVersion } });
    } catch (error) {
      status(`No plan: ${reason(error)}`, 'error');
      return;
    }
    const section = $('#migration-plan');
    section.hidden = false;
    section.dataset.sourceVersion = String(plan.sourceVersion);
    section.dataset.targetVersion = String(plan.targetVersion);
    $('#plan-title').textContent = `Migration plan v${plan.sourceVersion} → v${plan.targetVersion}`;
    const body = $('#plan-rows tbody');
    body.replaceChildren();
    const unmappedIds = new Set((plan.unmapped || []).map((u) => u.activityId));
    const held = new Map((overview?.versions.find((v) => v.version === plan.sourceVersion)?.activities || [])
      .map((a) => [a.activityId, a.instances]));
    const rows = [
      ...(plan.unmapped || []).map((u) => ({ sourceActivityId: u.activityId, sourceActivityName: u.activityName,
        instances: u.instances, targetActivityId: '', updateEventTrigger: false })),
      ...plan.instructions.filter((i) => !unmappedIds.has(i.sourceActivityId))
        .map((i) => ({ ...i, instances: held.get(i.sourceActivityId) }))
    ];
    for (const row of rows) body.append(planRow(row, unmappedIds.has(row.sourceActivityId)));
    $('#plan-unmapped').textContent = unmappedIds.size
      ? `${unmappedIds.size} activit${unmappedIds.size === 1 ? 'y holds' : 'ies hold'} instances and map${unmappedIds.size === 1 ? 's' : ''} to nothing: choose a target or the dry run will refuse them.`
      : 'Every activity holding instances maps to the new version.';
    $('#plan-unmapped').className = unmappedIds.size ? 'warn' : 'ok';
    status(`Plan v${plan.sourceVersion} → v${plan.targetVersion} generated: check the mapping, then do a dry run.`, 'info');
    section.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function planRow(instruction, unmapped) {
    const row = el('tr', null, unmapped ? 'unmapped' : '');
    row.dataset.sourceActivityId = instruction.sourceActivityId;
    const select = el('select', null, 'target');
    select.setAttribute('aria-label', `Target activity for ${instruction.sourceActivityName || instruction.sourceActivityId}`);
    select.append(optionOf('', '— not mapped —'));
    for (const target of plan.targetActivities) {
      select.append(optionOf(target.activityId, `${target.name || target.activityId} (${target.activityId}, ${target.type})`));
    }
    select.value = instruction.targetActivityId || '';
    select.addEventListener('change', () => {
      row.classList.toggle('unmapped', !select.value);
      invalidateDryRun();
    });
    const trigger = el('input');
    trigger.type = 'checkbox';
    trigger.className = 'trigger';
    trigger.checked = Boolean(instruction.updateEventTrigger);
    trigger.setAttribute('aria-label', `Update the event trigger of ${instruction.sourceActivityId}`);
    trigger.addEventListener('change', invalidateDryRun);
    const target = el('td');
    target.append(select);
    const triggerCell = el('td');
    triggerCell.append(trigger);
    row.append(el('td', `${instruction.sourceActivityName || ''} (${instruction.sourceActivityId})`),
      el('td', instruction.instances ?? ''), target, triggerCell);
    return row;
  }

  function optionOf(value, label) {
    const option = el('option', label);
    option.value = value;
    return option;
  }

  function currentRequest() {
    const instructions = [...panel.querySelectorAll('#plan-rows tbody tr')]
      .map((row) => ({ sourceActivityId: row.dataset.sourceActivityId, targetActivityId: row.querySelector('select.target').value,
        updateEventTrigger: row.querySelector('input.trigger').checked }))
      .filter((i) => i.targetActivityId);
    return { sourceVersion: plan.sourceVersion, targetVersion: plan.targetVersion, instructions };
  }

  function invalidateDryRun() {
    const box = $('#migration-validation');
    box.hidden = true;
    delete box.dataset.valid;
    $('#migration-execute').disabled = true;
  }

  function showVerdict(verdict) {
    const box = $('#migration-validation');
    box.hidden = false;
    box.dataset.valid = String(Boolean(verdict.valid));
    box.className = verdict.valid ? 'message info' : 'message';
    box.replaceChildren(el('strong', verdict.valid
      ? `Dry run passed: ${verdict.instances} instance(s) can be migrated.`
      : `Dry run refused the migration of ${verdict.instances ?? 'the'} instance(s):`));
    const errors = [...(verdict.planErrors || []).map((e) => `${e.sourceActivityId || ''} → ${e.targetActivityId || ''}: ${e.message}`),
      ...(verdict.instanceErrors || []).map((e) => `lead ${e.businessKey || e.processInstanceId} at ${e.activityId || '?'}: ${e.message}`)];
    if (errors.length) {
      const list = el('ul');
      for (const error of errors) list.append(el('li', error));
      box.append(list);
    }
    $('#migration-execute').disabled = !verdict.valid;
  }

  async function dryRun() {
    if (!plan) return;
    status('Dry run: migrating in a transaction that is rolled back…');
    try {
      const verdict = await api(`${base}/migrations/validation`, { method: 'POST', body: currentRequest() });
      showVerdict(verdict);
      status(verdict.valid ? 'The dry run passed.' : 'The dry run found problems.', verdict.valid ? 'ok' : 'error');
    } catch (error) {
      status(`Dry run failed: ${reason(error)}`, 'error');
    }
  }

  function note() {
    const value = $('#migration-note').value.trim();
    $('#migration-note-error').hidden = Boolean(value);
    return value;
  }

  async function execute() {
    if (!plan) return;
    const why = note();
    if (!why) return;
    $('#migration-execute').disabled = true;
    status(`Migrating v${plan.sourceVersion} → v${plan.targetVersion}…`);
    try {
      const started = await api(`${base}/migrations`, { method: 'POST', body: { ...currentRequest(), note: why } });
      $('#migration-note').value = '';
      await follow(started);
    } catch (error) {
      if (error.problem?.planErrors || error.problem?.instanceErrors) showVerdict({ valid: false, ...error.problem });
      status(`Not migrated: ${reason(error)}`, 'error');
    }
  }

  async function follow(started) {
    const box = $('#migration-progress');
    box.hidden = false;
    box.dataset.batchId = started.batchId;
    const bar = box.querySelector('progress');
    const label = box.querySelector('.progress-label');
    clearTimeout(polling);
    const poll = async () => {
      let progress;
      try {
        progress = await api(`/api/models/migrations/${encodeURIComponent(started.batchId)}`);
      } catch (error) {
        label.textContent = `Progress unknown: ${reason(error)}`;
        polling = setTimeout(poll, POLL_MS * 3);
        return;
      }
      box.dataset.result = progress.result;
      box.dataset.done = String(progress.done);
      bar.max = Math.max(progress.total, 1);
      bar.value = progress.completed + progress.failed;
      label.textContent = `${progress.completed} of ${progress.total} migrated${progress.failed ? `, ${progress.failed} failed` : ''}`
        + (progress.done ? ` — ${progress.result === 'COMPLETED' ? 'done' : 'done with failures (see Cockpit for the failed jobs)'}` : '…');
      if (!progress.done) {
        polling = setTimeout(poll, POLL_MS);
        return;
      }
      status(progress.result === 'COMPLETED' ? `Migrated ${progress.completed} instance(s) to v${plan.targetVersion}.`
        : `Migration finished with ${progress.failed} failure(s).`, progress.result === 'COMPLETED' ? 'ok' : 'error');
      await loadInstances();
      afterChange();
    };
    await poll();
  }

  async function keepOld(sourceVersion) {
    const why = note();
    if (!why) {
      $('#migration-note').focus();
      status(`Say why the instances of v${sourceVersion} stay there (the note field of the panel).`, 'error');
      return;
    }
    try {
      await api(`${base}/keep-old-versions`, { method: 'POST', body: { sourceVersion, note: why } });
      $('#migration-note').value = '';
      const actions = panel.querySelector(`#instances tr.version-row[data-version="${sourceVersion}"] td:last-child`);
      actions?.replaceChildren(el('span', `Left to finish on v${sourceVersion}: “${why}”`, 'ok kept'));
      status(`Recorded: the instances of v${sourceVersion} finish on v${sourceVersion}.`, 'ok');
      afterChange();
    } catch (error) {
      status(`Not recorded: ${reason(error)}`, 'error');
    }
  }

  function clearPlan() {
    plan = null;
    clearTimeout(polling);
    $('#migration-plan').hidden = true;
    $('#migration-progress').hidden = true;
    invalidateDryRun();
  }

  // the panel's buttons act on the newest opening (a deploy opens the panel again for the new version)
  if (!panel.dataset.wired) {
    panel.dataset.wired = 'true';
    $('#migration-dry-run').addEventListener('click', () => active.dryRun());
    $('#migration-execute').addEventListener('click', () => active.execute());
    $('#migration-refresh').addEventListener('click', () => active.loadInstances());
  }
  active = { dryRun, execute, loadInstances };
  clearPlan();
  return loadInstances();
}
