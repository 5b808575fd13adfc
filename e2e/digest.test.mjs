// End-to-end: the daily digest page (/digest), in a real browser against the real app.
//
//   cd e2e && npm ci && node --test digest.test.mjs
//
// The app starts with the digest's local time set to a Berlin minute ~4 minutes ahead (the demo teams'
// zone) and its timer checking every 10 s. Before that minute the admin gives leo an overdue task through
// the engine's REST API, so the sales-north digest has something to say. Then in headless Chromium:
//   max (sales manager of sales-north and the SDR desk) -> /digest -> the login page -> logs in -> sees one
//   card per team, leo with 1 overdue task and a Tasklist link to it, the history -> logs out
//   a wrong password -> the login page says so; sam (an SDR) -> "Not allowed"
// Screenshots: e2e/screenshots/digest-*.png (gitignored).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { app, appAndBrowser, http, newPage, screenshots, until } from './support.mjs';

const shot = screenshots('digest');
const BERLIN = 'Europe/Berlin';          // the demo teams' zone (Paris keeps the same hours)
const DIGEST_AFTER_START_S = 200;        // boot (30-130 s here, two apps at a time) plus the overdue task

/** HH:MM in Berlin of `date`. */
function berlinTime(date) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: BERLIN, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(date);
}

/** The engine REST API's date format: 2026-12-01T10:00:00.000+0000. */
function engineDate(date) {
  return date.toISOString().replace('Z', '+0000');
}

// The digest falls due at the first whole Berlin minute DIGEST_AFTER_START_S from now (checked every
// 10 s); just before Berlin midnight that would be tomorrow's date, so wait for midnight to pass first.
while (berlinTime(new Date(Date.now() + (DIGEST_AFTER_START_S + 60) * 1000)) < berlinTime(new Date())) {
  await new Promise((resolve) => setTimeout(resolve, 10_000));
}
const digestAt = new Date(Date.now() + (DIGEST_AFTER_START_S + 60) * 1000);
const digestLocalTime = berlinTime(digestAt);

describe('the daily digest page', { timeout: 8 * 60_000 }, () => {
  const session = appAndBrowser(before, after, {
    args: [`--lead.rhythm.digest.local-time=${digestLocalTime}`, '--lead.rhythm.digest.cron=0/10 * * * * ?']
  });

  test('leo\'s overdue task is in the sales-north digest that max reads after logging in', async () => {
    assert.ok(berlinTime(new Date()) < digestLocalTime,
      `the app took too long to start: the digest (${digestLocalTime} Berlin) may have been made already`);
    const created = await http('POST', `${app.baseUrl}/engine-rest/task/create`, {
      user: 'demo',
      body: { name: 'Call back Ada Lovelace', assignee: 'leo', due: engineDate(new Date(Date.now() - 2 * 86_400_000)) }
    });
    assert.equal(created.status, 204, `creating leo's task: ${created.text}`);

    const digests = await until('the digests of max\'s teams in GET /api/digests', async () => {
      const response = await http('GET', `${app.baseUrl}/api/digests`, { user: 'max' });
      assert.equal(response.status, 200, response.text);
      const teams = new Set(response.json.map((d) => d.teamId));
      return teams.has('sales-north') && teams.has('sdr-desk') ? response.json : null;
    }, { timeoutMs: digestAt.getTime() - Date.now() + 60_000, intervalMs: 2000 });
    const north = digests.find((d) => d.teamId === 'sales-north');
    assert.equal(north.managerId, 'max');
    assert.equal(north.overdueTasks, 1);
    assert.deepEqual(north.content.reps.map((r) => [r.repId, r.overdueTasks]), [['leo', 1]]);
    assert.ok(!digests.some((d) => d.teamId === 'sales-west'), 'max must not see mona\'s team');

    const page = await newPage(session.browser);
    await page.goto(`${app.baseUrl}/digest`);
    await page.waitForURL(/\/login$/);
    await shot(page, 'login');
    await page.getByLabel('User').fill('max');
    await page.getByLabel('Password').fill('max');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/digest(\?continue)?$/);   // back to the page that asked for the login

    const card = page.locator('article.digest[data-team="sales-north"]');
    await card.waitFor();
    await page.locator('article.digest[data-team="sdr-desk"]').waitFor();
    assert.match(await card.locator('h2').innerText(), /Sales North/i);
    assert.match(await card.innerText(), /1 overdue task\(s\)/);
    const leo = card.locator('tr.rep[data-rep="leo"]');
    assert.equal(await leo.locator('td.count').innerText(), '1');
    const link = leo.getByRole('link', { name: /Call back Ada Lovelace/ });
    assert.match(await link.getAttribute('href'), /\/camunda\/app\/tasklist\/default\/#\/\?task=/);
    assert.match(await card.innerText(), /Nothing overdue: .*lena/);
    const history = page.locator('#history tbody tr');
    assert.ok(await history.count() >= 2, 'one history row per digest');
    assert.equal(await page.locator('#error').isHidden(), true);
    await shot(page, 'digest-of-max');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login\?logout$/);
    await page.locator('#logged-out').waitFor();
    await page.goto(`${app.baseUrl}/digest`);
    await page.waitForURL(/\/login$/);
    assert.deepEqual(page.pageErrors, []);
  });

  test('a wrong password is refused on the login page, an SDR is not allowed the digest', async () => {
    const page = await newPage(session.browser);
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel('User').fill('nobody');   // a real user's wrong password locks them for seconds
    await page.getByLabel('Password').fill('not-a-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/login\?error$/);
    await page.locator('#login-error').waitFor();
    await shot(page, 'wrong-password');

    await page.getByLabel('User').fill('sam');
    await page.getByLabel('Password').fill('sam');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('#forbidden').waitFor();
    await shot(page, 'sdr-not-allowed');
    assert.deepEqual(page.pageErrors, []);
  });
});
