// End-to-end: the funnel reports page (/reports), in a real browser against the real app.
//
//   cd e2e && npm ci && node --test reports.test.mjs
//
// mia (marketing) captures three hand-raisers of one campaign through the API, then in headless Chromium:
//   /reports?channel=..&campaign=..&from=..&to=.. -> the login page -> logs in as mia -> back on the page with
//   the filters filled from the address -> the funnel table shows the numbers GET /api/reports/funnel gives
//   for the same filters, the funnel chart is drawn (ECharts from its WebJar, no CSP violation), the CSV link
//   downloads CSV -> a bad period shows the 400's detail next to the filters -> mia enters a campaign cost
//   and the campaign's cost per lead changes -> a costs CSV with one bad row lists that row's error and stores
//   nothing, a good one (replace) changes the cost per lead again; max (sales manager) picks another month for
//   the leaderboard (in the address with the other filters, kept on reload) and uploads plans as CSV (a bad row:
//   its error, nothing stored; a good file: the board shows the new plan); sam (an SDR) gets "Not allowed".
// A report whose endpoint the server does not have must show as "not available" without breaking the
// others: where /api/reports/<x> is missing, that is what is checked instead of its numbers.
// Screenshots: e2e/screenshots/reports-*.png (gitignored).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { app, appAndBrowser, assertEventually, captureLead, demoRequest, explained, http, logInOnPage, newPage,
  screenshots } from './support.mjs';

const shot = screenshots('reports');
const campaign = `e2e-reports-${Date.now().toString(36)}`;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const filters = { from: yesterday, to: today, channel: 'web-form', campaign };
const query = new URLSearchParams(filters).toString();

/** Waits until the section has loaded or failed; its state (loaded, unavailable, error). */
async function sectionState(page, id) {
  const section = page.locator(`section#${id}`);
  await assertEventually(`section ${id} to finish`, async () => (await section.getAttribute('data-state')) !== 'loading');
  return section.getAttribute('data-state');
}

describe('the funnel reports page', { timeout: 8 * 60_000 }, () => {
  const session = appAndBrowser(before, after);

  test('mia sees the funnel of her campaign as the JSON counts it, exports CSV and enters a cost', async () => {
    for (const person of [{ firstName: 'Ada', lastName: 'Report' }, { firstName: 'Grace', lastName: 'Report' },
      { firstName: 'Edsger', lastName: 'Report' }]) {
      await captureLead(demoRequest({ ...person, campaign }));
    }
    const funnelJson = await http('GET', `/api/reports/funnel?${query}`, { user: 'mia' });
    const costsBefore = await http('GET', `/api/reports/costs?${query}`, { user: 'mia' });

    const page = await newPage(session.browser);
    const cspViolations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await explained(page, shot, 'mia', async () => {
      await page.goto(`${app.baseUrl}/reports?${query}`);
      await logInOnPage(page, 'mia');
      await page.waitForURL(/\/reports\?/);
      assert.match(page.url(), new RegExp(`campaign=${campaign}`), 'the filters survive the login');
      assert.equal(await page.getByLabel('Campaign', { exact: true }).first().inputValue(), campaign);
      assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), yesterday);
      await page.locator('body[data-loaded="true"]').waitFor();
      assert.equal(await page.evaluate(() => typeof window.echarts), 'object', 'ECharts loaded from the WebJar');

      const funnelState = await sectionState(page, 'funnel');
      if (funnelJson.status === 200) {
        assert.equal(funnelState, 'loaded');
        const shown = await page.locator('#funnel-stages tbody tr').evaluateAll((rows) => rows.map((row) => [
          row.dataset.key, Number(row.querySelector('td[data-col="leads"]').textContent),
          Number(row.querySelector('td[data-col="passes"]').textContent)]));
        assert.deepEqual(shown, funnelJson.json.stages.map((s) => [s.stage, s.leads, s.passes]),
          'the page shows the funnel of GET /api/reports/funnel with the same filters');
        const captured = funnelJson.json.stages.find((s) => s.stage === 'CAPTURED');
        assert.equal(captured.leads, 3, 'the three leads of the campaign are in the funnel');
        assert.match(await page.locator('section#funnel [data-figure="semantics"] dd').innerText(),
          new RegExp(funnelJson.json.semantics, 'i'));
        await page.locator('#funnel-chart canvas').first().waitFor();

        const csvHref = await page.locator('section#funnel a.csv').getAttribute('href');
        assert.match(csvHref, /format=csv/);
        assert.match(csvHref, new RegExp(`campaign=${campaign}`));
        const csv = await page.request.get(app.baseUrl + csvHref);
        assert.equal(csv.status(), 200);
        assert.match(csv.headers()['content-type'], /text\/csv/);
        assert.match(csv.headers()['content-disposition'] || '', /attachment/);
        assert.match((await csv.text()).split(/\r?\n/)[0], /stage/i);
      } else {
        // only a server without the endpoint may stand in for the numbers; any other failure is a bug
        assert.ok([404, 405].includes(funnelJson.status), `GET /api/reports/funnel: HTTP ${funnelJson.status} ${funnelJson.text}`);
        assert.equal(funnelState, 'unavailable');
        assert.match(await page.locator('section#funnel .status').innerText(), /not available/);
      }
      // the other sections all finished, each on its own, and the cost form is there whatever failed
      const states = {};
      for (const id of ['trend', 'quality', 'stage-times', 'speed-to-lead', 'sla', 'recycles', 'outcomes', 'pipeline',
        'revenue', 'costs', 'leaderboard']) {
        states[id] = await sectionState(page, id);
        assert.ok(['loaded', 'unavailable', 'error'].includes(states[id]), id);
      }
      console.log(`sections: ${JSON.stringify(states)}`);
      await shot(page, 'reports-of-mia');

      // a bad period: the problem's detail next to the filters
      if (funnelJson.status === 200) {
        await page.getByLabel('From', { exact: true }).fill(today);
        await page.getByLabel('To', { exact: true }).fill(yesterday);
        await page.getByRole('button', { name: 'Show' }).click();
        await page.locator('#filter-error').waitFor();
        assert.match(await page.locator('#filter-error').innerText(), /from|to/i);
        assert.match(page.url(), new RegExp(`from=${today}`), 'the new filters are in the address');
        await shot(page, 'bad-period');
        await page.goBack();
        await page.locator('body[data-loaded="true"]').waitFor();
        assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), yesterday);
      }

      // a campaign cost: the form posts with the CSRF header, the costs table is read again
      await page.locator('#c-campaign').fill(campaign);
      await page.locator('#c-channel').fill('web-form');
      await page.locator('#c-periodStart').fill(yesterday);
      await page.locator('#c-periodEnd').fill(today);
      await page.locator('#c-amount').fill('300');
      const posted = page.waitForResponse((r) => r.url().endsWith('/api/campaign-costs') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Save cost' }).click();
      const response = await posted;
      if (costsBefore.status !== 404) {
        assert.equal(costsBefore.status, 200, `GET /api/reports/costs: ${costsBefore.text}`);
        assert.equal(response.status(), 201, `POST /api/campaign-costs: ${await response.text()}`);
        await page.locator('#cost-message.info').waitFor();
        const cell = page.locator(`#costs-campaigns tr[data-key="${campaign}"] td[data-col="costPerLead"]`);
        await assertEventually('the cost per lead of the campaign (300 / 3 leads)', async () =>
          (await cell.count()) === 1 && (await cell.innerText()) === '100.00');
        const costsAfter = await http('GET', `/api/reports/costs?${query}`, { user: 'mia' });
        const line = costsAfter.json.campaigns.find((c) => c.campaign === campaign);
        assert.equal(line.costPerLead, 100);
        assert.notDeepEqual(costsBefore.json.campaigns.find((c) => c.campaign === campaign)?.costPerLead, 100);

        // a CSV of costs with one bad row: that row's error in a table, nothing of the file stored
        const other = `${campaign}-csv`;
        const header = 'campaign,channel,periodStart,periodEnd,amount,currency\n';
        await page.locator('#costs-file').setInputFiles({ name: 'costs-bad.csv', mimeType: 'text/csv',
          buffer: Buffer.from(`${header}${other},web-form,${yesterday},${today},50,EUR\n`
            + `${campaign},web-form,${today},not-a-date,10,EUR\n`) });
        await page.getByRole('button', { name: 'Upload costs' }).click();
        await page.locator('#costs-upload-errors tbody tr').first().waitFor();
        const errors = await page.locator('#costs-upload-errors tbody tr').evaluateAll((rows) => rows.map((row) =>
          [...row.querySelectorAll('td')].map((td) => td.textContent)));
        assert.ok(errors.length > 0 && errors.every(([row]) => row === '3'), `only row 3 is bad: ${JSON.stringify(errors)}`);
        assert.ok(errors.some(([, field]) => field === 'periodEnd'), `periodEnd named: ${JSON.stringify(errors)}`);
        assert.match(await page.locator('#costs-upload .upload-result').innerText(), /nothing was stored/);
        const otherCosts = await http('GET', `/api/campaign-costs?campaign=${other}`, { user: 'mia' });
        assert.deepEqual(otherCosts.json, [], 'the good row of the refused file is not stored either');
        assert.equal(await cell.innerText(), '100.00', 'the cost per lead is unchanged');
        await shot(page, 'costs-csv-refused');

        // a good CSV replaces the cost (600 for the 3 leads): the costs section reloads
        await page.locator('#costs-file').setInputFiles({ name: 'costs.csv', mimeType: 'text/csv',
          buffer: Buffer.from(`${header}${campaign},web-form,${yesterday},${today},600,EUR\n`) });
        await page.locator('#costs-replace').check();
        await page.getByRole('button', { name: 'Upload costs' }).click();
        await page.locator('#costs-upload .upload-result[data-state="stored"]').waitFor();
        assert.match(await page.locator('#costs-upload .upload-result').innerText(), /1 row stored \(0 new, 1 replaced\)/);
        await assertEventually('the cost per lead after the CSV (600 / 3 leads)', async () =>
          (await cell.count()) === 1 && (await cell.innerText()) === '200.00');
        await shot(page, 'costs-csv-stored');
      } else {
        // no campaign costs on this server yet: the form says why instead of failing silently
        await page.locator('#cost-message:not(.info)').waitFor();
        assert.notEqual(await page.locator('#cost-message').innerText(), '');
      }
      await shot(page, 'after-cost');
      assert.deepEqual(cspViolations, [], 'nothing on the page breaks the CSP');
      assert.deepEqual(page.pageErrors, []);
    });
    await page.context().close();
  });

  test('max picks the leaderboard month (kept in the address) and uploads plans as CSV', async () => {
    const thisMonth = today.slice(0, 7);
    const first = new Date();
    first.setUTCDate(1);
    first.setUTCMonth(first.getUTCMonth() - 1);
    const lastMonth = first.toISOString().slice(0, 7);
    for (const [month, amount] of [[thisMonth, 10000], [lastMonth, 7000]]) {
      const response = await http('POST', '/api/plans?replace=true', { user: 'max',
        body: { month, scope: 'REP', subject: 'leo', amount } });
      assert.equal(response.status, 201, `POST /api/plans: ${response.text}`);
    }
    const page = await newPage(session.browser);
    const cspViolations = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const planOf = (rep) => page.locator(`#leaderboard-lines tr[data-key="${rep}"] td[data-col="plan"]`);
    const shows = (rep, text) => assertEventually(`${rep}'s plan on the board: ${text}`, async () =>
      (await planOf(rep).count()) === 1 && (await planOf(rep).innerText()) === text);
    await explained(page, shot, 'max', async () => {
      await page.goto(`${app.baseUrl}/reports?channel=web-form`);
      await logInOnPage(page, 'max');
      await page.waitForURL(/\/reports\?/);
      await page.locator('body[data-loaded="true"]').waitFor();
      assert.equal(await page.locator('#f-month').inputValue(), thisMonth, 'the board shows this month by default');
      await shows('leo', '10000.00');

      // another month: in the address with the other filters, the board shows that month's plans
      await page.locator('#f-month').fill(lastMonth);
      await page.waitForURL(new RegExp(`month=${lastMonth}`));
      assert.match(page.url(), /channel=web-form/, 'the other filters stay in the address');
      await shows('leo', '7000.00');
      assert.equal(await page.locator('section#leaderboard [data-figure="month"] dd').innerText(), lastMonth);
      await page.reload();
      await page.locator('body[data-loaded="true"]').waitFor();
      assert.equal(await page.locator('#f-month').inputValue(), lastMonth, 'a reload (a shared link) keeps the month');
      await shows('leo', '7000.00');
      await shot(page, 'leaderboard-last-month');

      // plans as CSV: one bad row, nothing stored; then a good file, and the board reloads
      const header = 'month,scope,subject,amount\n';
      await page.locator('#plans-file').setInputFiles({ name: 'plans-bad.csv', mimeType: 'text/csv',
        buffer: Buffer.from(`${header}${lastMonth},REP,lena,5000\n${lastMonth},REP,nobody-${Date.now()},100\n`) });
      await page.getByRole('button', { name: 'Upload plans' }).click();
      await page.locator('#plans-upload-errors tbody tr').first().waitFor();
      const errors = await page.locator('#plans-upload-errors tbody tr').evaluateAll((rows) => rows.map((row) =>
        [...row.querySelectorAll('td')].map((td) => td.textContent)));
      assert.deepEqual(errors.map(([row, field]) => [row, field]), [['3', 'subject']], JSON.stringify(errors));
      assert.match(await page.locator('#plans-upload .upload-result').innerText(), /nothing was stored/);
      const plans = await http('GET', `/api/plans?month=${lastMonth}`, { user: 'max' });
      assert.deepEqual(plans.json.filter((p) => p.subject === 'lena'), [], 'lena\'s good row is not stored either');
      await shows('lena', '—');
      await shot(page, 'plans-csv-refused');

      await page.locator('#plans-file').setInputFiles({ name: 'plans.csv', mimeType: 'text/csv',
        buffer: Buffer.from(`${header}${lastMonth},REP,lena,5000\n${lastMonth},TEAM,sales-north,20000\n`) });
      await page.getByRole('button', { name: 'Upload plans' }).click();
      await page.locator('#plans-upload .upload-result[data-state="stored"]').waitFor();
      assert.match(await page.locator('#plans-upload .upload-result').innerText(), /2 rows stored \(2 new, 0 replaced\)/);
      await shows('lena', '5000.00');
      await shows('leo', '7000.00');
      await shot(page, 'plans-csv-stored');
      assert.deepEqual(cspViolations, [], 'nothing on the page breaks the CSP');
      assert.deepEqual(page.pageErrors, []);
    });
    await page.context().close();
  });

  test('sam, an SDR, is not allowed the reports page', async () => {
    const page = await newPage(session.browser);
    await explained(page, shot, 'sam', async () => {
      await page.goto(`${app.baseUrl}/reports`);
      await logInOnPage(page, 'sam');
      await page.locator('#forbidden').waitFor();
      await shot(page, 'sdr-not-allowed');
    });
    await page.context().close();
  });
});
