// End-to-end: what a newcomer does in Camunda Tasklist, in a real browser against the real app.
//
//   cd e2e && npm ci && node --test
//
// Starts the built app itself (app/target/leadflow-app-0.1.0-SNAPSHOT.jar, or $LEADFLOW_JAR, relative
// paths against the repository root) on a free loopback port with a fresh H2 database (demo profile),
// captures a DEMO_REQUEST lead through the API as mia, then in headless Debian Chromium
// ($CHROMIUM_PATH, default /usr/bin/chromium; playwright-core never downloads a browser):
//   SDR  -> "SDR queue" -> "Qualify lead by phone" (routed to sam or sara) -> sees the lead in the form -> SQL
//   rep  -> "Leads to accept" -> "Accept lead" -> Accept                               -> SAL
// Screenshots of every step go to e2e/screenshots/ (gitignored).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const jarPath = path.resolve(repoRoot, process.env.LEADFLOW_JAR || 'app/target/leadflow-app-0.1.0-SNAPSHOT.jar');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const screenshotDir = path.join(here, 'screenshots');

const APP_START_TIMEOUT_MS = 90_000;
const UI_TIMEOUT_MS = 20_000;       // one browser action or expectation
const BACKEND_TIMEOUT_MS = 30_000;  // polling the API for a task or a stage (async jobs run within seconds)

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls fn until it returns a truthy value; fails with `what` and the last value/error after timeoutMs
 * (at once for an error marked `fatal`).
 */
async function until(what, fn, { timeoutMs = BACKEND_TIMEOUT_MS, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = value;
    } catch (error) {
      if (error.fatal) throw error;
      last = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function basic(user, password = user) {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

async function http(method, url, { user, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (user) headers.Authorization = basic(user);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000)
  });
  const text = await response.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: response.status, json, text };
}

// ------------------------------------------------------------------------------------------------
// The app: started once for the file, always stopped at the end
// ------------------------------------------------------------------------------------------------

const app = { process: null, baseUrl: '', dataDir: '', logFile: '', exited: null };

function appLogTail(lines = 80) {
  try {
    return fs.readFileSync(app.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no app log)';
  }
}

async function startApp() {
  assert.ok(fs.existsSync(jarPath), `no app jar at ${jarPath}: build it first (./mvnw -B -pl app -am package -DskipTests) or set LEADFLOW_JAR`);
  const port = await freePort();
  app.baseUrl = `http://127.0.0.1:${port}`;
  app.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadflow-e2e-'));
  app.logFile = path.join(app.dataDir, 'app.log');
  const log = fs.openSync(app.logFile, 'a');
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  app.process = spawn(java, ['-jar', jarPath, `--server.port=${port}`, '--server.address=127.0.0.1',
    '--spring.profiles.active=demo'], {
    cwd: app.dataDir,
    env: { ...process.env, LEADFLOW_DATA_DIR: app.dataDir },
    stdio: ['ignore', log, log]
  });
  fs.closeSync(log);
  app.exited = new Promise((resolve) => app.process.once('exit', (code, signal) => resolve({ code, signal })));
  let exitedEarly = null;
  app.exited.then((how) => { exitedEarly = how; });

  const started = Date.now();
  try {
    await until('GET /actuator/health = UP', async () => {
      if (exitedEarly) throw Object.assign(new Error(`app exited early (${JSON.stringify(exitedEarly)})`), { fatal: true });
      const health = await http('GET', `${app.baseUrl}/actuator/health`);
      return health.status === 200 && health.json?.status === 'UP';
    }, { timeoutMs: APP_START_TIMEOUT_MS, intervalMs: 500 });
  } catch (error) {
    throw new Error(`${error.message}\n----- app log (tail) -----\n${appLogTail()}`);
  }
  console.log(`app up on ${app.baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s (data: ${app.dataDir})`);
}

async function stopApp() {
  const child = app.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const started = Date.now();
  child.kill('SIGTERM');
  const stopped = await Promise.race([app.exited, new Promise((r) => setTimeout(() => r(null), 20_000))]);
  if (!stopped) {
    child.kill('SIGKILL');
    await app.exited;
  }
  console.log(`app stopped (${stopped ? 'SIGTERM' : 'SIGKILL after 20 s'}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Last resort if the runner is interrupted: never leave the JVM behind.
process.once('exit', () => { if (app.process && app.process.exitCode === null) app.process.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => { if (app.process) app.process.kill('SIGKILL'); process.exit(130); });
}

// ------------------------------------------------------------------------------------------------
// Browser
// ------------------------------------------------------------------------------------------------

let browser;
let shotNo = 0;

async function screenshot(page, name) {
  shotNo += 1;
  const file = path.join(screenshotDir, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A fresh browser session (own cookies) logged into Tasklist as `user`. */
async function loginToTasklist(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 2000 }, locale: 'en-US' });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  // Nothing may leave the machine: everything but the app itself is refused.
  await context.route((url) => !url.href.startsWith(app.baseUrl) && !url.protocol.startsWith('data'),
    (route) => route.abort());

  await page.goto(`${app.baseUrl}/camunda/app/tasklist/`);
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill(user);
  const login = page.waitForResponse((r) => r.url().includes('/login/tasklist') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Log in' }).click();
  assert.equal((await login).status(), 200, `login as ${user}`);
  await page.getByRole('link', { name: 'My open tasks' }).waitFor();
  return page;
}

/** Runs a browser step; on failure keeps a screenshot and the page's errors for the report. */
async function inBrowser(user, name, steps) {
  const page = await loginToTasklist(user);
  try {
    await steps(page);
  } catch (error) {
    const file = await screenshot(page, `FAILED-${name}`).catch(() => '(no screenshot)');
    error.message += `\nscreenshot: ${file}` + (page.pageErrors.length ? `\npage errors: ${page.pageErrors.join(' | ')}` : '');
    throw error;
  } finally {
    await page.context().close();
  }
}

/** A form field's label: exactly this text, plus the asterisk form-js appends to required fields. */
function fieldLabel(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\*?$`);
}

/** Selects an option of a Camunda Forms (form-js) select: a custom dropdown, not a native <select>. */
async function chooseOption(page, label, option) {
  const field = page.locator('.fjs-form-field-select').filter({ has: page.getByLabel(fieldLabel(label)) });
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item').getByText(option, { exact: true }).click();
  await assertEventually(`"${label}" shows "${option}"`,
    async () => (await field.locator('.fjs-select-display').innerText()).trim() === option);
}

async function assertEventually(what, fn) {
  await until(what, fn, { timeoutMs: UI_TIMEOUT_MS, intervalMs: 200 });
}

/** The read-only "Lead" group of a form: shows who this lead is, and cannot be edited. */
async function checkLeadGroup(page, lead) {
  const group = page.getByRole('group', { name: 'Lead', exact: true });
  await group.waitFor();
  const summary = group.getByLabel('Summary', { exact: true });
  const contact = group.getByLabel('Contact', { exact: true });
  await assertEventually('the lead summary to be filled', async () => (await summary.inputValue()) !== '');
  const summaryText = await summary.inputValue();
  assert.match(summaryText, new RegExp(`${lead.firstName} ${lead.lastName}`), 'summary names the lead');
  assert.match(summaryText, new RegExp(lead.company), 'summary names the company');
  assert.match(await contact.inputValue(), new RegExp(lead.email.replace(/[.+]/g, '\\$&')), 'contact shows the email');
  for (const label of ['Summary', 'Contact', 'Source', 'Score and reasons', 'History']) {
    const field = group.getByLabel(label, { exact: true });
    assert.ok(await field.isVisible(), `"${label}" is shown`);
    assert.ok(await field.isDisabled(), `"${label}" is read-only`);
  }
  assert.match(await group.getByLabel('Source', { exact: true }).inputValue(), /intent DEMO_REQUEST/);
  assert.match(await group.getByLabel('Score and reasons', { exact: true }).inputValue(), /^score \d+/);
}

/** Opens the task with this id from the named filter's list (its link carries the id). */
async function openTaskFromFilter(page, filterName, taskName, taskId) {
  await page.getByRole('link', { name: new RegExp(`^${filterName}`) }).click();
  const link = page.getByRole('link', { name: taskName, exact: true }).and(page.locator(`[href="#/?task=${taskId}"]`));
  await link.waitFor();
  await link.click();
  await page.getByRole('group', { name: 'Lead', exact: true }).waitFor();
  return link;
}

async function completeAndWaitUntilGone(page, taskLink) {
  const complete = page.getByRole('button', { name: 'Complete', exact: true });
  await assertEventually('"Complete" to be enabled', () => complete.isEnabled());
  await complete.click();
  await taskLink.waitFor({ state: 'detached' });
}

// ------------------------------------------------------------------------------------------------
// The journey
// ------------------------------------------------------------------------------------------------

describe('Tasklist: a demo request from the SDR queue to an accepted lead', () => {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const submission = {
    source: 'web-form', externalId: `e2e-${suffix}`, intent: 'DEMO_REQUEST',
    firstName: 'Ada', lastName: 'Lovelace', email: `ada.${suffix}@acme-analytics.io`, phone: '030 1234567',
    company: 'Acme Analytics', title: 'CTO', companySize: 250, country: 'DE',
    campaign: 'spring-webinar', consent: true
  };
  let leadId;
  let qualified = false;

  async function leadStage(user = 'sam') {
    const response = await http('GET', `${app.baseUrl}/api/leads/${leadId}`, { user });
    assert.equal(response.status, 200, `GET /api/leads/${leadId} as ${user}: ${response.text}`);
    return response.json.lead.stage;
  }

  async function openTask(taskDefinitionKey, predicate = () => true) {
    return until(`task ${taskDefinitionKey} of lead ${leadId}`, async () => {
      const response = await http('GET',
        `${app.baseUrl}/engine-rest/task?processInstanceBusinessKey=${leadId}&taskDefinitionKey=${taskDefinitionKey}`,
        { user: 'demo' });
      assert.equal(response.status, 200, response.text);
      return response.json.find(predicate);
    });
  }

  before(async () => {
    fs.rmSync(screenshotDir, { recursive: true, force: true });
    fs.mkdirSync(screenshotDir, { recursive: true });
    await startApp();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run']
    });
  }, { timeout: APP_START_TIMEOUT_MS + 30_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopApp();
    if (app.dataDir) fs.rmSync(app.dataDir, { recursive: true, force: true });
  }, { timeout: 60_000 });

  test('mia captures a demo request through the API: MQL', async () => {
    const response = await http('POST', `${app.baseUrl}/api/leads`, { user: 'mia', body: submission });
    assert.equal(response.status, 201, response.text);
    assert.equal(response.json.outcome, 'CREATED');
    leadId = response.json.lead.id;
    assert.ok(leadId);
    assert.equal(response.json.lead.stage, 'MQL');
  });

  test('the assigned SDR qualifies it by phone from the SDR queue: SQL', { timeout: 120_000 }, async () => {
    assert.ok(leadId, 'needs the captured lead');
    const task = await openTask('Task_QualifyLead');
    // Task_AssignSdr routed it to an SDR of team sdr-desk (lead-routing.dmn); it stays in group sdr
    const sdr = task.assignee;
    assert.ok(['sam', 'sara'].includes(sdr), `assigned to an SDR, was ${sdr}`);
    console.log(`SDR assigned: ${sdr}`);

    await inBrowser(sdr, 'sdr', async (page) => {
      const taskLink = await openTaskFromFilter(page, 'SDR queue', 'Qualify lead by phone', task.id);
      await screenshot(page, 'sdr-queue-task-opened');
      assert.equal(await page.getByRole('button', { name: 'Claim', exact: true }).count(), 0,
        'already assigned: nothing to claim');

      await checkLeadGroup(page, submission);
      const reached = page.getByRole('radio', { name: 'Reached the contact' });
      const noAnswer = page.getByRole('radio', { name: 'No answer / switched off' });
      assert.ok(await reached.isVisible() && await noAnswer.isVisible(), 'both call outcomes are offered');
      const conversation = page.getByRole('group', { name: 'Conversation', exact: true });
      assert.equal(await conversation.count(), 0, 'the conversation is hidden until the contact is reached');
      await screenshot(page, 'sdr-form-claimed');

      await reached.check();
      await conversation.waitFor();
      await conversation.getByRole('checkbox', { name: 'Real need confirmed' }).check();
      await chooseOption(page, 'Authority', 'Decision maker');
      await chooseOption(page, 'Timing', 'This quarter');
      await chooseOption(page, 'Qualification', 'Sales ready – hand to sales');
      assert.equal(await page.getByLabel(fieldLabel('Recycle reason')).count(), 0, 'no recycle reason for sales-ready');
      await page.getByRole('textbox', { name: 'Call notes' }).fill('e2e: wants a pilot this quarter');
      await screenshot(page, 'sdr-form-filled');

      await completeAndWaitUntilGone(page, taskLink);
      await screenshot(page, 'sdr-completed');
    });

    assert.equal(await until('stage SQL', async () => (await leadStage('sam')) === 'SQL' && 'SQL'), 'SQL');
    qualified = true;
  });

  test('the assigned rep accepts it from "Leads to accept": SAL', { timeout: 120_000 }, async () => {
    assert.ok(qualified, 'needs the qualified lead');
    // The rep is assigned by an async job in the job executor: poll for the task with its assignee.
    const task = await openTask('Task_AcceptLead', (t) => t.assignee);
    const rep = task.assignee;
    assert.ok(['leo', 'lena'].includes(rep), `assigned to a sales rep, was ${rep}`);
    console.log(`rep assigned: ${rep}`);

    await inBrowser(rep, 'accept', async (page) => {
      const taskLink = await openTaskFromFilter(page, 'Leads to accept', 'Accept lead', task.id);
      await checkLeadGroup(page, submission);
      assert.match(await page.getByRole('group', { name: 'Lead', exact: true }).getByLabel('History', { exact: true })
        .inputValue(), /MQL -> SQL/, 'history shows the qualification');
      const accept = page.getByRole('radio', { name: 'Accept', exact: true });
      assert.ok(await page.getByRole('radio', { name: 'Return to marketing' }).isVisible(), 'returning is offered');
      await screenshot(page, 'accept-form');

      await accept.check();
      assert.equal(await page.getByLabel(fieldLabel('Reason for returning')).count(), 0,
        'no reason asked when accepting');
      await screenshot(page, 'accept-form-filled');
      await completeAndWaitUntilGone(page, taskLink);
      await screenshot(page, 'accept-completed');
    });

    assert.equal(await until('stage SAL', async () => (await leadStage('sam')) === 'SAL' && 'SAL'), 'SAL');
    const timeline = (await http('GET', `${app.baseUrl}/api/leads/${leadId}`, { user: 'sam' })).json;
    assert.equal(timeline.lead.ownerId, rep, 'the rep owns the lead');
  });
});
