// End-to-end: the modeler page (/modeler, issue 6), in a real browser against the real app.
//
//   cd e2e && npm ci && node --test modeler.test.mjs
//
// - sam (an SDR) gets 403 on /api/models and "Not allowed" on /modeler.
// - A hand-raiser is captured first: its SDR call ("Qualify lead by phone") waits in sdr-qualification v1.
// - paul (process owner) logs in at /modeler, sees the models, opens lead-lifecycle (the diagram is drawn), then
//   sdr-qualification: clears the SDR task's candidate groups in the properties panel -> the server's error is
//   listed and marked on that task, Deploy is disabled; puts them back -> accepted; renames the task -> the
//   comparison lists it as changed; deploys with a note -> the new version and the model set deployed with it,
//   the list shows it.
// - The migration panel: the lead's instance on v1 at the SDR task, the generated plan, the dry run, the
//   migration as a batch with its progress; over REST the instance is on the new version, and completing its
//   task moves the lead on (SQL, then a sales rep's "Accept lead"); its lead-lifecycle instance is let finish on v1.
// - paul lowers the sales-ready threshold in the lead-sales-ready decision table (60 -> 30) and deploys it: a
//   new decision version, and a lead captured afterwards is decided by it (GET /api/leads/{id}: threshold 30,
//   decidedBy lead-sales-ready:v<new>).
// - In the form editor, a field whose key is no declared lead variable is refused on that field.
// Screenshots: e2e/screenshots/modeler-*.png (gitignored).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { app, appAndBrowser, assertEventually, captureLead, demoRequest, explained, getJson, http, leadStage, leadTask,
  logInOnPage, newPage, screenshots, until } from './support.mjs';

const shot = screenshots('modeler');
const SDR_TASK = 'Task_QualifyLead';
const RENAMED = 'Qualify lead by phone (BANT)';

/** The model's entry in GET /api/models. */
async function model(type, key) {
  const found = (await getJson('/api/models', 'paul')).find((m) => m.type === type && m.key === key);
  assert.ok(found, `${type} ${key} in GET /api/models`);
  return found;
}

/** Opens a group of the properties panel (a no-op when it is open). */
async function openGroup(page, groupId) {
  const group = page.locator(`#properties [data-group-id="${groupId}"]`);
  await group.waitFor();
  if (!(await group.locator('.bio-properties-panel-group-entries.open').count())) {
    await group.locator('.bio-properties-panel-group-header').click();
  }
  await group.locator('.bio-properties-panel-group-entries.open').waitFor();
  return group;
}

/** The number of the page's last finished validation round. */
async function round(page) {
  return Number(await page.locator('#validation-state').getAttribute('data-round')) || 0;
}

/**
 * Waits until the server checked the editor's content (after round `after`: a round that started after an edit
 * made since then); the state it ended in.
 */
async function validated(page, after = 0) {
  const box = page.locator('#validation-state');
  await assertEventually('the server check of the last change', async () =>
    (await box.getAttribute('data-state')) !== 'pending' && (await round(page)) > after);
  return box.getAttribute('data-state');
}

/** Opens a model in the editor (logging paul in if the page asks); the server's verdict on it as deployed. */
async function openInEditor(page, query) {
  await page.goto(`${app.baseUrl}/modeler?${query}`);
  if (page.url().includes('/login')) await logInOnPage(page, 'paul');
  await page.locator('body[data-view=editor][data-ready=true]').waitFor();
  return validated(page);
}

/** Makes an edit and waits for the server's verdict on it. */
async function edited(page, edit) {
  const before = await round(page);
  await edit();
  return validated(page, before);
}

/** The problems listed on the page: [{elementId, severity, source, rule}]. */
async function problems(page) {
  return page.locator('#problems li[data-testid=problem]').evaluateAll((items) => items.map((li) => ({
    elementId: li.dataset.elementId, severity: li.dataset.severity, source: li.dataset.source, rule: li.dataset.rule })));
}

/** Deploys what the editor holds with this note; the version the page reports. */
async function deploy(page, note) {
  const deployButton = page.locator('#deploy');
  await assertEventually('Deploy to be enabled', () => deployButton.isEnabled());
  await deployButton.click();
  await page.locator('#deploy-note').fill(note);
  const answer = page.waitForResponse((r) => r.url().includes('/deployments') && r.request().method() === 'POST');
  await page.locator('#deploy-submit').click();
  const response = await answer;
  assert.equal(response.status(), 201, `POST .../deployments: ${await response.text()}`);
  await page.locator('#deploy-result[data-version]').waitFor();
  return { version: Number(await page.locator('#deploy-result').getAttribute('data-version')), body: await response.json() };
}

describe('the modeler page', { timeout: 10 * 60_000 }, () => {
  const session = appAndBrowser(before, after);
  let lead;              // captured before the deploy: its SDR task waits in sdr-qualification v1
  let sdrTask;
  let oldVersion;
  let newVersion;
  let newDefinitionId;

  test('sam, an SDR, gets 403 on the models API and on the page', async () => {
    const list = await http('GET', '/api/models', { user: 'sam' });
    assert.equal(list.status, 403, list.text);
    const resource = await http('GET', '/api/models/bpmn/lead-lifecycle', { user: 'sam' });
    assert.equal(resource.status, 403, resource.text);
    const page = await newPage(session.browser);
    await explained(page, shot, 'sam', async () => {
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/modeler' && r.request().method() === 'GET'
        && r.status() !== 302);
      await page.goto(`${app.baseUrl}/modeler`);
      await logInOnPage(page, 'sam');
      assert.equal((await answer).status(), 403);
      await page.locator('#forbidden').waitFor();
      await shot(page, 'sdr-not-allowed');
    });
    await page.context().close();
  });

  test('paul refuses a broken edit on its element, then deploys a good one as a new version', { timeout: 5 * 60_000 }, async () => {
    lead = await captureLead(demoRequest({ firstName: 'Ada', lastName: 'Modeler' }));
    sdrTask = await leadTask(lead.id, SDR_TASK, (t) => t.assignee);
    const before = await model('bpmn', 'sdr-qualification');
    oldVersion = before.latest.version;
    assert.equal(before.latest.runningInstances >= 1, true, 'the lead runs on the latest sdr-qualification');

    const page = await newPage(session.browser);
    const cspViolations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    session.paul = page;
    await explained(page, shot, 'paul-edit', async () => {
      await page.goto(`${app.baseUrl}/modeler`);
      await logInOnPage(page, 'paul');
      await page.waitForURL(/\/modeler(\?continue)?$/);   // back to the page that asked for the login
      await page.locator('body[data-view=list][data-ready=true]').waitFor();
      for (const [type, key] of [['bpmn', 'lead-lifecycle'], ['bpmn', 'sdr-qualification'], ['dmn', 'lead-sales-ready'],
        ['form', 'sdr-qualify-lead']]) {
        await page.locator(`#model-list tr[data-type="${type}"][data-key="${key}"]`).waitFor();
      }
      assert.equal(await page.locator('#model-list tr[data-key="sdr-qualification"] td[data-col=latest]').innerText(), `v${oldVersion}`);
      await shot(page, 'list');

      // lead-lifecycle: the diagram is drawn, no error in it
      await page.locator('#model-list tr[data-key="lead-lifecycle"] a.open').click();
      await page.waitForURL(/type=bpmn&key=lead-lifecycle/);
      await page.locator('body[data-view=editor][data-ready=true]').waitFor();
      await page.locator('#canvas .djs-shape[data-element-id="CallActivity_QualifyWithSdr"]').waitFor();
      assert.ok(await page.locator('#canvas .djs-shape').count() > 20, 'the lifecycle is drawn');
      assert.equal(await validated(page), 'valid', 'the deployed lifecycle passes the server check');
      assert.deepEqual((await problems(page)).filter((p) => p.severity === 'error'), [], 'no error in the deployed model');
      assert.ok(await page.locator('#deploy').isDisabled(), 'nothing to deploy before a change');
      await shot(page, 'lead-lifecycle');

      // sdr-qualification, where the SDR's call lives: a user task without candidate groups is refused
      assert.equal(await openInEditor(page, 'type=bpmn&key=sdr-qualification'), 'valid');
      await page.locator(`#canvas .djs-shape[data-element-id="${SDR_TASK}"]`).click();
      await openGroup(page, 'group-CamundaPlatform__UserAssignment');
      const groups = page.locator('#properties input[name="candidateGroups"]');
      assert.equal(await groups.inputValue(), 'sdr');
      assert.equal(await edited(page, () => groups.fill('')), 'invalid', 'a user task without candidate groups is refused');
      const refused = (await problems(page)).filter((p) => p.elementId === SDR_TASK && p.source === 'server');
      assert.ok(refused.some((p) => p.severity === 'error'), `a server error on ${SDR_TASK}: ${JSON.stringify(await problems(page))}`);
      await page.locator(`.problem-badge.error[data-element-id="${SDR_TASK}"]`).waitFor();
      assert.ok(await page.locator(`#canvas .djs-element.problem-error[data-element-id="${SDR_TASK}"]`).count(), 'marked on the canvas');
      assert.ok(await page.locator('#deploy').isDisabled(), 'Deploy is disabled while an error exists');
      assert.match(await page.locator('#deploy').getAttribute('title'), /error/);
      await shot(page, 'refused');
      // the problem in the list selects its element
      await page.locator('#canvas').click({ position: { x: 20, y: 600 } });
      await page.locator(`#problems li[data-element-id="${SDR_TASK}"][data-source=server] button`).first().click();
      await page.locator(`#canvas .djs-element.selected[data-element-id="${SDR_TASK}"]`).waitFor();

      // the groups put back: accepted
      await openGroup(page, 'group-CamundaPlatform__UserAssignment');
      assert.equal(await edited(page, () => groups.fill('sdr')), 'valid', 'with its candidate groups back the model is accepted');
      assert.deepEqual((await problems(page)).filter((p) => p.severity === 'error'), []);
      await assertEventually('the marker to go', async () =>
        (await page.locator(`#canvas .djs-element.problem-error[data-element-id="${SDR_TASK}"]`).count()) === 0);

      // a real change: the task's name; the comparison lists it
      await openGroup(page, 'group-general');
      assert.equal(await edited(page, () => page.locator('#properties [name="name"]').fill(RENAMED)), 'valid');
      await page.locator('#dirty-state[data-dirty=true]').waitFor();
      await page.locator('#diff-toggle').click();
      const changed = page.locator(`#diff-panel li[data-change=changed][data-element-id="${SDR_TASK}"]`);
      await changed.waitFor();
      assert.match(await changed.innerText(), /name: Qualify lead by phone → Qualify lead by phone \(BANT\)/);
      assert.match(await page.locator('#diff-lines pre').innerText(), /\+ .*Qualify lead by phone \(BANT\)/);
      await shot(page, 'diff');

      const note = `e2e: the SDR task says what the call qualifies (${Date.now()})`;
      const deployed = await deploy(page, note);
      newVersion = deployed.version;
      assert.equal(newVersion, oldVersion + 1, 'a new version');
      assert.ok(deployed.body.alsoDeployed.some((d) => d.key === 'lead-lifecycle'), 'the model set is deployed with it');
      assert.ok(await page.locator('#deploy-result li[data-key="lead-lifecycle"]').count(), 'the page lists the model set');
      await shot(page, 'deployed');

      const after = await model('bpmn', 'sdr-qualification');
      assert.equal(after.latest.version, newVersion);
      assert.equal(after.latest.deployedBy, 'paul');
      assert.equal(after.latest.changeNote, note);
      newDefinitionId = after.latest.definitionId;
      const xml = await http('GET', `/api/models/bpmn/sdr-qualification?version=${newVersion}`, { user: 'paul' });
      assert.match(xml.text, /Qualify lead by phone \(BANT\)/);
      // the list shows the new version, who deployed it and why; the audit has the deploy
      await page.locator('#back').click();
      await page.locator('body[data-view=list][data-ready=true]').waitFor();
      const row = page.locator('#model-list tr[data-type="bpmn"][data-key="sdr-qualification"]');
      assert.equal(await row.locator('td[data-col=latest]').innerText(), `v${newVersion}`);
      assert.equal(await row.locator('td[data-col=deployedBy]').innerText(), 'paul');
      assert.equal(await row.locator('td[data-col=changeNote]').innerText(), note);
      await page.locator('#audit tr[data-action=DEPLOY][data-key="sdr-qualification"]').waitFor();
      await shot(page, 'list-after-deploy');
      assert.deepEqual(cspViolations, [], 'nothing on the page breaks the CSP');
      assert.deepEqual(page.pageErrors, []);
    });
  });

  test('the lead on the old version is migrated with a preview and continues on the new one', { timeout: 4 * 60_000 }, async () => {
    assert.ok(newVersion, 'needs the deploy of the previous test');
    const page = session.paul;
    await explained(page, shot, 'migration', async () => {
      // the panel opened after the deploy; the list opens it too
      await openInEditor(page, 'type=bpmn&key=sdr-qualification&panel=migration');
      const oldLine = page.locator(`#instances tr.version-row[data-version="${oldVersion}"]`);
      await oldLine.waitFor();
      assert.ok(Number(await oldLine.locator('td[data-col=instances]').innerText()) >= 1);
      await page.locator(`#instances tr[data-version="${oldVersion}"][data-activity-id="${SDR_TASK}"]`).waitFor();
      await shot(page, 'instances');

      await page.locator(`#instances button.plan[data-version="${oldVersion}"]`).click();
      const plan = page.locator(`#migration-plan[data-source-version="${oldVersion}"][data-target-version="${newVersion}"]`);
      await plan.waitFor();
      const taskRow = plan.locator(`tr[data-source-activity-id="${SDR_TASK}"]`);
      assert.equal(await taskRow.locator('select.target').inputValue(), SDR_TASK, 'the SDR task maps to itself');
      assert.equal(await plan.locator('tr.unmapped').count(), 0, 'nothing holding instances is left unmapped');
      // unmapping a row highlights it, and the dry run is needed again
      await taskRow.locator('select.target').selectOption('');
      assert.ok(await taskRow.evaluate((row) => row.classList.contains('unmapped')));
      await shot(page, 'plan-unmapped');
      await taskRow.locator('select.target').selectOption(SDR_TASK);

      await page.locator('#migration-dry-run').click();
      await page.locator('#migration-validation[data-valid=true]').waitFor();
      await shot(page, 'dry-run');

      await page.locator('#migration-note').fill('e2e: the open SDR calls move to the renamed task');
      await page.locator('#migration-execute').click();
      await page.locator('#migration-progress[data-done=true]').waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('#migration-progress').getAttribute('data-result'), 'COMPLETED');
      await shot(page, 'migrated');
      await page.locator('#model-audit tr[data-action=MIGRATE]').waitFor();
    });

    const instances = await getJson(`/engine-rest/process-instance?businessKey=${lead.id}&processDefinitionKey=sdr-qualification`, 'demo');
    assert.equal(instances.length, 1);
    assert.equal(instances[0].definitionId, newDefinitionId, 'the lead\'s SDR instance runs on the new version');
    const task = await leadTask(lead.id, SDR_TASK);
    assert.equal(task.id, sdrTask.id, 'the same task, migrated');
    assert.equal(task.processDefinitionId, newDefinitionId);
    // it continues: the SDR qualifies the lead, sales gets it
    const done = await http('POST', `/engine-rest/task/${task.id}/complete`, {
      user: task.assignee,
      body: { variables: { callOutcome: { value: 'REACHED' }, realNeed: { value: true }, qualification: { value: 'SALES_READY' } } }
    });
    assert.equal(done.status, 204, done.text);
    await leadTask(lead.id, 'Task_AcceptLead', (t) => t.assignee);
    await until('the lead to be sales-qualified', async () => ['SQL', 'SAL'].includes(await leadStage(lead.id)));

    // its lead-lifecycle instance stays on v1 (the model set gave lead-lifecycle a v2): paul lets it finish there
    await explained(page, shot, 'keep-old', async () => {
      await openInEditor(page, 'type=bpmn&key=lead-lifecycle&panel=migration');
      const keep = page.locator('#instances button.keep-old[data-version="1"]');
      await keep.waitFor();
      await page.locator('#migration-note').fill('e2e: leads already in sales finish on the old lifecycle');
      const answer = page.waitForResponse((r) => r.url().endsWith('/keep-old-versions'));
      await keep.click();
      assert.equal((await answer).status(), 201);
      await page.locator('#status[data-kind=ok]').waitFor();
      await page.locator('#model-audit tr[data-action=KEEP_OLD_VERSION]').waitFor();
      await shot(page, 'kept-on-old-version');
    });
  });

  test('a lower sales-ready threshold is deployed as a new decision version and decides the next lead', { timeout: 4 * 60_000 }, async () => {
    const before = await model('dmn', 'lead-sales-ready');
    const page = session.paul || await newPage(session.browser);
    await explained(page, shot, 'decision', async () => {
      assert.equal(await openInEditor(page, 'type=dmn&key=lead-sales-ready'), 'valid');
      const cell = async (id, value) => {
        await page.locator(`#canvas td[data-element-id="${id}"]`).click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type(value);
      };
      const state = await edited(page, async () => {
        await cell('InputEntry_AtThreshold_2', '>= 30');
        for (const id of ['OutputEntry_HandRaiser_2', 'OutputEntry_AtThreshold_2', 'OutputEntry_BelowThreshold_2']) await cell(id, '30');
        await page.locator('#problems-title').click();
      });
      assert.equal(state, 'valid');
      await page.locator('#dirty-state[data-dirty=true]').waitFor();
      await page.locator('#diff-toggle').click();
      assert.match(await page.locator('#diff-lines pre').innerText(), /\+ .*&gt;= 30/);
      await shot(page, 'decision-edited');
      const deployed = await deploy(page, 'e2e: marketing and sales agreed on 30');
      assert.equal(deployed.version, before.latest.version + 1, 'a new decision version');
      await shot(page, 'decision-deployed');
    });
    const after = await model('dmn', 'lead-sales-ready');
    assert.equal(after.latest.version, before.latest.version + 1);
    assert.equal(after.latest.deployedBy, 'paul');

    // a lead captured afterwards (not a hand-raiser) is decided by the new version
    const submission = { ...demoRequest({ firstName: 'Grace', lastName: 'Threshold' }), intent: 'INQUIRY' };
    const captured = await http('POST', '/api/leads', { user: 'mia', body: submission });
    assert.equal(captured.status, 201, captured.text);
    const score = await until('the lead decided by the new table', async () => {
      const { score: s } = (await http('GET', `/api/leads/${captured.json.lead.id}`, { user: 'sam' })).json || {};
      return s && s.decidedBy?.startsWith(`lead-sales-ready:v${after.latest.version}/`) ? s : null;
    });
    assert.equal(score.threshold, 30);
    assert.equal(score.salesReady, score.total >= 30);
  });

  test('a form field bound to an undeclared variable is refused on that field', async () => {
    const page = session.paul || await newPage(session.browser);
    await explained(page, shot, 'form', async () => {
      assert.equal(await openInEditor(page, 'type=form&key=sdr-qualify-lead'), 'valid');
      await page.locator('#canvas [data-id="Field_callNotes"]').click();
      await openGroup(page, 'group-general');
      const key = page.locator('#properties input[name="key"]');
      assert.equal(await key.inputValue(), 'callNotes');
      assert.equal(await edited(page, () => key.fill('notDeclaredVariable')), 'invalid');
      assert.ok((await problems(page)).some((p) => p.elementId === 'Field_callNotes' && p.severity === 'error'),
        `an error on the field: ${JSON.stringify(await problems(page))}`);
      assert.ok(await page.locator('#deploy').isDisabled());
      await shot(page, 'form-refused');
      assert.equal(await edited(page, () => key.fill('callNotes')), 'valid');
      assert.deepEqual(page.pageErrors, []);
    });
  });
});
