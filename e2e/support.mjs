// Shared by the browser tests: start the built app on a free loopback port with a fresh H2 database
// (demo profile), poll it, call its REST API, launch Debian's headless Chromium, take screenshots.
//
// The app jar: app/target/leadflow-app-0.1.0-SNAPSHOT.jar, or $LEADFLOW_JAR (relative paths against the
// repository root); Chromium: $CHROMIUM_PATH, default /usr/bin/chromium (playwright-core never downloads
// a browser).

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

export const APP_START_TIMEOUT_MS = 90_000;
export const UI_TIMEOUT_MS = 20_000;       // one browser action or expectation
export const BACKEND_TIMEOUT_MS = 30_000;  // polling the API for a task or a stage (async jobs run within seconds)

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

export function basic(user, password = user) {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

export async function http(method, url, { user, body } = {}) {
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

export const app = { process: null, baseUrl: '', dataDir: '', logFile: '', exited: null };

function appLogTail(lines = 80) {
  try {
    return fs.readFileSync(app.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no app log)';
  }
}

/** Starts the app jar; {@code args}: extra Spring Boot arguments such as --lead.stuck.speed-up=86400. */
export async function startApp(args = []) {
  assert.ok(fs.existsSync(jarPath), `no app jar at ${jarPath}: build it first (./mvnw -B -pl app -am package -DskipTests) or set LEADFLOW_JAR`);
  const port = await freePort();
  app.baseUrl = `http://127.0.0.1:${port}`;
  app.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadflow-e2e-'));
  app.logFile = path.join(app.dataDir, 'app.log');
  const log = fs.openSync(app.logFile, 'a');
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  app.process = spawn(java, ['-jar', jarPath, `--server.port=${port}`, '--server.address=127.0.0.1',
    '--spring.profiles.active=demo', ...args], {
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

export async function stopApp() {
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

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run']
  });
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

/** Logs into a Camunda webapp (`tasklist`, `cockpit`) on its login page as `user` (password = user id). */
export async function logIn(page, webapp, user) {
  await page.goto(`${app.baseUrl}/camunda/app/${webapp}/`);
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill(user);
  const login = page.waitForResponse((r) => r.url().includes(`/login/${webapp}`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Log in' }).click();
  assert.equal((await login).status(), 200, `login to ${webapp} as ${user}`);
}
