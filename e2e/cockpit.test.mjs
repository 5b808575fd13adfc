// End-to-end: an admin sees a stuck lead in Camunda Cockpit, in a real browser against the real app.
//
//   cd e2e && npm ci && node --test
//
// Starts the built app (see support.mjs) with the stuck-lead table's days passing as seconds
// (lead.stuck.speed-up=86400: an MQL is stuck after 3 s) and a scan every 2 s, captures a DEMO_REQUEST
// lead as mia (it waits as MQL for its SDR's call), waits for the stuck-lead incident, then in headless
// Chromium logs in to Cockpit as demo, opens the "Stuck leads" plugin page, finds the lead in its team's
// list and follows the link to its process instance. Screenshots: e2e/screenshots/cockpit-*.png.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  APP_START_TIMEOUT_MS, app, http, launchBrowser, logIn, newPage, screenshots, startApp, stopApp, until
} from './support.mjs';

const PLUGIN_API = '/camunda/api/cockpit/plugin/stuck-leads/default/stuck-leads';

describe('Cockpit: the stuck-leads plugin lists a stuck lead by team with a link to its instance', () => {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const submission = {
    source: 'web-form', externalId: `e2e-stuck-${suffix}`, intent: 'DEMO_REQUEST',
    firstName: 'Grace', lastName: 'Hopper', email: `grace.${suffix}@acme-analytics.io`, phone: '030 7654321',
    company: 'Acme Analytics', title: 'CTO', companySize: 250, country: 'DE', consent: true
  };
  const screenshot = screenshots('cockpit');
  let browser;
  let leadId;
  let incident;

  before(async () => {
    await startApp(['--lead.stuck.speed-up=86400', '--lead.stuck.scan-interval=PT2S']);
    browser = await launchBrowser();
  }, { timeout: APP_START_TIMEOUT_MS + 30_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopApp();
    if (app.dataDir) fs.rmSync(app.dataDir, { recursive: true, force: true });
  }, { timeout: 60_000 });

  test('a demo request left waiting for its SDR call gets a stuck-lead incident', { timeout: 60_000 }, async () => {
    const response = await http('POST', `${app.baseUrl}/api/leads`, { user: 'mia', body: submission });
    assert.equal(response.status, 201, response.text);
    leadId = response.json.lead.id;
    assert.equal(response.json.lead.stage, 'MQL');

    incident = await until(`a stuck-lead incident for lead ${leadId}`, async () => {
      const incidents = await http('GET', `${app.baseUrl}/engine-rest/incident?incidentType=stuck-lead`
        + `&configuration=${leadId}`, { user: 'demo' });
      assert.equal(incidents.status, 200, incidents.text);
      return incidents.json[0];
    });
    assert.equal(incident.activityId, 'Task_QualifyLead', 'on the activity the lead waits in');
    assert.match(incident.incidentMessage, new RegExp(`^Lead ${leadId} \\(Grace Hopper, Acme Analytics\\) stuck .* in MQL`));
    assert.match(incident.incidentMessage, /likely cause: no SDR working it/);
  });

  test("the plugin's REST resource is behind Cockpit's login", async () => {
    const anonymous = await http('GET', `${app.baseUrl}${PLUGIN_API}`);
    assert.ok([401, 403].includes(anonymous.status), `anonymous GET gives ${anonymous.status}`);
  });

  test('demo opens "Stuck leads" in Cockpit, finds the lead and follows its link', { timeout: 120_000 }, async () => {
    assert.ok(incident, 'needs the stuck lead');
    const page = await newPage(browser);
    try {
      await logIn(page, 'cockpit', 'demo');
      const dashboardList = page.locator('.stuck-leads');
      await dashboardList.first().waitFor();
      await screenshot(page, 'dashboard');

      const navigation = page.getByRole('link', { name: 'Stuck leads', exact: true });
      await navigation.first().click();
      await page.waitForURL(/#\/stuck-leads/);
      const row = page.locator(`tr[data-lead-id="${leadId}"]`);
      await row.waitFor();
      const team = await row.locator('xpath=ancestor::section[1]').getAttribute('data-team');
      const owner = (await row.locator('td').nth(2).innerText()).trim();
      assert.ok(['sam', 'sara'].includes(owner), `owner is the SDR, was ${owner}`);
      assert.equal(team, 'sdr-desk', 'listed under the SDR desk team');
      assert.equal((await row.locator('td').nth(3).innerText()).trim(), 'MQL');
      assert.match(await row.locator('td').nth(5).innerText(), /no SDR working it/);
      await screenshot(page, 'stuck-leads-page');

      const link = row.getByRole('link', { name: /Grace Hopper/ });
      assert.equal(await link.getAttribute('href'), `#/process-instance/${incident.processInstanceId}/runtime`);
      await link.click();
      await page.waitForURL(new RegExp(`#/process-instance/${incident.processInstanceId}/runtime`));
      await page.getByText(incident.processInstanceId).first().waitFor();
      await page.locator('.djs-container').first().waitFor();
      await screenshot(page, 'process-instance');
      assert.deepEqual(page.pageErrors, [], 'no errors on the page');
    } catch (error) {
      const file = await screenshot(page, 'FAILED').catch(() => '(no screenshot)');
      error.message += `\nscreenshot: ${file}` + (page.pageErrors.length ? `\npage errors: ${page.pageErrors.join(' | ')}` : '');
      throw error;
    } finally {
      await page.context().close();
    }
  });
});
