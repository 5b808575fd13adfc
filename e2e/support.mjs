// Shared by the browser tests: start the built app on free loopback ports with a fresh H2 database, poll
// it, call its REST API, launch Debian's headless Chromium, log in to the Camunda webapps, drive Tasklist,
// take screenshots.
//
// The app jar: app/target/leadflow-app-0.1.0-SNAPSHOT.jar, or $LEADFLOW_JAR (relative paths against the
// repository root); Chromium: $CHROMIUM_PATH, default /usr/bin/chromium (playwright-core never downloads
// a browser). Screenshots: e2e/screenshots/<suite>-NN-<step>.png (gitignored).

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
// The JIT's C1 tier only: the app boots in ~60 % of the time on 2 busy cores (measured 60 s against 101-106 s),
// and a test run never lives long enough to gain from C2.
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];

export const APP_START_TIMEOUT_MS = 180_000;  // ~30 s alone; far more while other JVMs compete for 2 cores
export const UI_TIMEOUT_MS = 40_000;          // one browser action or expectation (a Tasklist reload took over 20 s with two apps and two browsers on 2 cores)
export const BACKEND_TIMEOUT_MS = 30_000;     // polling the API for a task or a stage (async jobs run within seconds)
const HTTP_TIMEOUT_MS = 30_000;               // one request: the first capture after boot took over 10 s with 3 apps booting

// ------------------------------------------------------------------------------------------------
// Polling and HTTP
// ------------------------------------------------------------------------------------------------

/** n distinct free loopback ports (all held open until each is known, so none is handed out twice). */
async function freePorts(n) {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * Polls fn until it returns a truthy value; fails with `what` and the last value/error after timeoutMs
 * (at once for an error marked `fatal`).
 */
export async function until(what, fn, { timeoutMs = BACKEND_TIMEOUT_MS, intervalMs = 500 } = {}) {
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

/** until() with the pace of a browser expectation. */
export async function assertEventually(what, fn) {
  await until(what, fn, { timeoutMs: UI_TIMEOUT_MS, intervalMs: 200 });
}

function basic(user, password = user) {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

/** One request to the app (path relative to its base URL) as `user` (password = user id). */
export async function http(method, url, { user, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (user) headers.Authorization = basic(user);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url.startsWith('/') ? app.baseUrl + url : url, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS)
  });
  const text = await response.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: response.status, json, text };
}

/** GET that must answer 200; its JSON body. */
export async function getJson(url, user) {
  const response = await http('GET', url, { user });
  assert.equal(response.status, 200, `GET ${url} as ${user}: ${response.text}`);
  return response.json;
}

// ------------------------------------------------------------------------------------------------
// The app: started once per test file, always stopped at the end
// ------------------------------------------------------------------------------------------------

export const app = { process: null, baseUrl: '', dataDir: '', logFile: '', exited: null };

function appLogTail(lines = 80) {
  try {
    return fs.readFileSync(app.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no app log)';
  }
}

/**
 * Starts the app jar with a fresh H2 database and Kafka log in a temporary folder, on its own HTTP and
 * broker ports. {@code profiles}: Spring profiles (demo people are in `demo`); {@code args}: extra
 * Spring Boot arguments such as --lead.stuck.speed-up=86400.
 */
export async function startApp({ profiles = 'demo', args = [] } = {}) {
  assert.ok(fs.existsSync(jarPath), `no app jar at ${jarPath}: build it first (./mvnw -B -pl app -am package -DskipTests -DskipUnitTests) or set LEADFLOW_JAR`);
  // the HTTP port and the in-process Kafka broker's, so that the apps of parallel test files do not collide
  const [port, kafkaPort] = await freePorts(2);
  app.baseUrl = `http://127.0.0.1:${port}`;
  app.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadflow-e2e-'));
  app.logFile = path.join(app.dataDir, 'app.log');
  const log = fs.openSync(app.logFile, 'a');
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  app.process = spawn(java, [...JVM_OPTIONS, '-jar', jarPath, `--server.port=${port}`, '--server.address=127.0.0.1',
    `--spring.profiles.active=${profiles}`, ...args], {
    cwd: app.dataDir,
    env: {
      ...process.env, LEADFLOW_DATA_DIR: app.dataDir,
      KAFKA_PORT: String(kafkaPort), KAFKA_BOOTSTRAP_SERVERS: `127.0.0.1:${kafkaPort}`
    },
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
      const health = await http('GET', '/actuator/health');
      return health.status === 200 && health.json?.status === 'UP';
    }, { timeoutMs: APP_START_TIMEOUT_MS, intervalMs: 500 });
  } catch (error) {
    throw new Error(`${error.message}\n----- app log (tail) -----\n${appLogTail()}`);
  }
  console.log(`app up on ${app.baseUrl} (profiles ${profiles}) after ${((Date.now() - started) / 1000).toFixed(1)} s (data: ${app.dataDir})`);
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
// Browser and screenshots
// ------------------------------------------------------------------------------------------------

function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run']
  });
}

/**
 * The app and a browser for one test file (its before/after hooks): `session.browser` once started;
 * the app's data folder is deleted at the end.
 */
export function appAndBrowser(before, after, { profiles, args } = {}) {
  const session = { browser: null };
  before(async () => {
    await startApp({ profiles, args });
    session.browser = await launchBrowser();
  }, { timeout: APP_START_TIMEOUT_MS + 30_000 });
  after(async () => {
    await session.browser?.close().catch(() => {});
    await stopApp();
    if (app.dataDir) fs.rmSync(app.dataDir, { recursive: true, force: true });
  }, { timeout: 60_000 });
  return session;
}

/**
 * Screenshots of one test file under e2e/screenshots/, named `<suite>-NN-<step>.png`; clears that
 * suite's earlier screenshots only, so the files' runs do not delete each other's.
 */
export function screenshots(suite) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const file of fs.readdirSync(screenshotDir)) {
    if (file.startsWith(`${suite}-`)) fs.rmSync(path.join(screenshotDir, file), { force: true });
  }
  let shotNo = 0;
  return async (page, name) => {
    shotNo += 1;
    const file = path.join(screenshotDir, `${suite}-${String(shotNo).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
}

/** A fresh browser session (own cookies) that may reach nothing but the app itself. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 2000 }, locale: 'en-US' });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (error) => page.pageErrors.push(error.message));
  await context.route((url) => !url.href.startsWith(app.baseUrl) && !url.protocol.startsWith('data'),
    (route) => route.abort());
  return page;
}

/**
 * Logs into a Camunda webapp (`tasklist`, `cockpit`) on its login page as `user` (password = user id);
 * in Tasklist waits until the user's filters are listed.
 */
export async function logIn(page, webapp, user) {
  await page.goto(`${app.baseUrl}/camunda/app/${webapp}/`);
  const username = page.getByPlaceholder('Username');
  const password = page.getByPlaceholder('Password');
  // the login form may still be rendering (seen in CI: both fills landed in the user field, "leoleo"): fill
  // again until each field holds what it should
  await until(`the ${webapp} login form filled for ${user}`, async () => {
    await username.fill(user);
    await password.fill(user);
    return (await username.inputValue()) === user && (await password.inputValue()) === user;
  }, { timeoutMs: UI_TIMEOUT_MS, intervalMs: 500 });
  const login = page.waitForResponse((r) => r.url().includes(`/login/${webapp}`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Log in' }).click();
  assert.equal((await login).status(), 200, `login to ${webapp} as ${user}`);
  if (webapp === 'tasklist') await page.getByRole('link', { name: 'My open tasks' }).waitFor();
}

/** On leadflow's own login page (where a page sent the browser): logs in as `user` (password = user id). */
export async function logInOnPage(page, user) {
  await page.waitForURL(/\/login$/);
  await page.getByLabel('User').fill(user);
  await page.getByLabel('Password').fill(user);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Runs steps(page); a failure keeps a screenshot and the page's errors in its message. */
export async function explained(page, screenshot, name, steps) {
  try {
    return await steps(page);
  } catch (error) {
    const file = await screenshot(page, `FAILED-${name}`).catch(() => '(no screenshot)');
    error.message += `\nscreenshot: ${file}` + (page.pageErrors.length ? `\npage errors: ${page.pageErrors.join(' | ')}` : '');
    throw error;
  }
}

/** A fresh page logged into `webapp` as `user`, for `steps` (explained on failure), closed afterwards. */
export async function asUser(browser, webapp, user, screenshot, name, steps) {
  const page = await newPage(browser);
  try {
    await explained(page, screenshot, name, async () => {
      await logIn(page, webapp, user);
      await steps(page);
    });
  } finally {
    await page.context().close();
  }
}

// ------------------------------------------------------------------------------------------------
// Leads and tasks over REST
// ------------------------------------------------------------------------------------------------

/** A hand-raiser (DEMO_REQUEST) from Germany with a unique external id and email: sales-ready at once. */
export function demoRequest(person) {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    source: 'web-form', externalId: `e2e-${suffix}`, intent: 'DEMO_REQUEST',
    email: `${person.firstName.toLowerCase()}.${suffix}@acme-analytics.io`,
    company: 'Acme Analytics', title: 'CTO', companySize: 250, country: 'DE', consent: true,
    ...person
  };
}

/** mia captures the submission through the API; the new lead (an MQL). */
export async function captureLead(submission) {
  const response = await http('POST', '/api/leads', { user: 'mia', body: submission });
  assert.equal(response.status, 201, response.text);
  assert.equal(response.json.outcome, 'CREATED');
  assert.equal(response.json.lead.stage, 'MQL');
  return response.json.lead;
}

/** The lead's stage as its API tells `user`. */
export async function leadStage(leadId, user = 'sam') {
  return (await getJson(`/api/leads/${leadId}`, user)).lead.stage;
}

/** Polls the engine (as demo) for the lead's task of this definition key matching `predicate`. */
export async function leadTask(leadId, taskDefinitionKey, predicate = () => true, options = {}) {
  return until(`task ${taskDefinitionKey} of lead ${leadId}`, async () => (await getJson(
    `/engine-rest/task?processInstanceBusinessKey=${leadId}&taskDefinitionKey=${taskDefinitionKey}`, 'demo'))
    .find(predicate), options);
}

// ------------------------------------------------------------------------------------------------
// Tasklist
// ------------------------------------------------------------------------------------------------

/** A form field's label: exactly this text, plus the asterisk form-js appends to required fields. */
export function fieldLabel(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\*?$`);
}

/** The link to this task in the list of the named filter (opened). */
export async function taskInFilter(page, filterName, taskName, taskId) {
  await page.getByRole('link', { name: new RegExp(`^${filterName}`) }).click();
  const link = page.getByRole('link', { name: taskName, exact: true }).and(page.locator(`[href="#/?task=${taskId}"]`));
  await link.waitFor();
  return link;
}

/** Opens the task with this id from the named filter's list (its link carries the id). */
export async function openTaskFromFilter(page, filterName, taskName, taskId) {
  const link = await taskInFilter(page, filterName, taskName, taskId);
  await link.click();
  await page.getByRole('group', { name: 'Lead', exact: true }).waitFor();
  return link;
}

/** The read-only "Lead" group of a form: shows who this lead is, and cannot be edited. */
export async function checkLeadGroup(page, lead) {
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
  return group;
}
