// End-to-end: the funnel reports page (/reports), in a real browser against the real app.
//
//   cd e2e && npm ci && node --test reports.test.mjs
//
// mia (marketing) captures three hand-raisers of one campaign through the API, then in headless Chromium:
//   /reports?channel=..&campaign=..&from=..&to=.. -> the login page -> logs in as mia -> back on the page with
//   the filters filled from the address -> the funnel table shows the numbers GET /api/reports/funnel gives
//   for the same filters, the funnel chart is drawn (ECharts from its WebJar, no CSP violation), the CSV link
//   downloads CSV -> a bad period shows the 400's detail next to the filters -> mia enters a campaign cost
//   and the campaign's cost per lead changes; sam (an SDR) gets "Not allowed".
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
