// End-to-end: an admin sees a stuck lead in Camunda Cockpit, in a real browser against the real app.
//
//   cd e2e && npm ci && node --test
//
// Starts the built app (see support.mjs) with the stuck-lead table's days passing as seconds
// (lead.stuck.speed-up=86400: an MQL is stuck after 3 s) and a scan every 2 s, captures a DEMO_REQUEST
// lead as mia (it waits as MQL for its SDR's call), waits for the stuck-lead incident, then in headless
// Chromium logs in to Cockpit as demo: the "Stuck leads" section of the dashboard lists the lead, the
// plugin's page ("Stuck leads" in the header) lists it under its team, and its link opens the process
// instance, whose diagram and Incidents tab show the stuck-lead incident. Screenshots:
// e2e/screenshots/cockpit-*.png.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appAndBrowser, captureLead, demoRequest, explained, getJson, http, logIn, newPage, screenshots, until
} from './support.mjs';

const PLUGIN_API = '/camunda/api/cockpit/plugin/stuck-leads/default/stuck-leads';
const PLUGIN_ASSETS = '/camunda/api/cockpit/plugin/stuck-leads/static/';

describe('Cockpit: a stuck lead is flagged by an incident and listed by the stuck-leads plugin', () => {
  const submission = demoRequest({ firstName: 'Grace', lastName: 'Hopper', phone: '030 7654321' });
  const session = appAndBrowser(before, after,
    { args: ['--lead.stuck.speed-up=86400', '--lead.stuck.scan-interval=PT2S'] });
  const screenshot = screenshots('cockpit');
  let leadId;
  let incident;

  test('a demo request left waiting for its SDR call gets a stuck-lead incident', { timeout: 60_000 }, async () => {
    leadId = (await captureLead(submission)).id;

    incident = await until(`a stuck-lead incident for lead ${leadId}`, async () =>
      (await getJson(`/engine-rest/incident?incidentType=stuck-lead&configuration=${leadId}`, 'demo'))[0]);
    assert.equal(incident.activityId, 'Task_QualifyLead', 'on the activity the lead waits in');
    assert.match(incident.incidentMessage, new RegExp(`^Lead ${leadId} \\(Grace Hopper, Acme Analytics\\) stuck .* in MQL`));
    assert.match(incident.incidentMessage, /likely cause: no SDR working it/);
  });

  test("the plugin's REST resource is behind Cockpit's login", async () => {
    const anonymous = await http('GET', PLUGIN_API);
    assert.ok([401, 403].includes(anonymous.status), `anonymous GET gives ${anonymous.status}`);
  });

  test('demo sees the lead on the dashboard and the plugin page, follows its link to the incident',
    { timeout: 120_000 }, async () => {
      assert.ok(incident, 'needs the stuck lead');
      const page = await newPage(session.browser);
      const failedAssets = [];
      page.on('response', (r) => { if (r.url().includes(PLUGIN_ASSETS) && r.status() >= 400) failedAssets.push(`${r.status()} ${r.url()}`); });
      try {
        await explained(page, screenshot, 'cockpit', async () => {
          await logIn(page, 'cockpit', 'demo');

          // the dashboard's "Stuck leads" section
          const dashboardRow = page.locator(`.stuck-leads tr[data-lead-id="${leadId}"]`);
          await dashboardRow.waitFor();
          assert.match(await dashboardRow.innerText(), /Grace Hopper/);
          await screenshot(page, 'dashboard');

          // the plugin's own page, from the header's navigation
          await page.getByRole('link', { name: 'Stuck leads', exact: true }).first().click();
          await page.waitForURL(/#\/stuck-leads/);
          await page.getByRole('heading', { name: 'Stuck leads by team' }).waitFor();
          const row = page.locator(`tr[data-lead-id="${leadId}"]`);
          await row.waitFor();
          const team = row.locator('xpath=ancestor::section[1]');
          assert.equal(await team.getAttribute('data-team'), 'sdr-desk', 'listed under the SDR desk team');
          assert.match(await team.getByRole('heading').innerText(), /^sdr-desk \(\d+\)$/);
          const cells = await row.locator('td').allInnerTexts();
          const [leadCell, company, owner, stage, stuckFor, cause] = cells.map((text) => text.trim());
          assert.equal(leadCell, `Grace Hopper (${leadId})`);
          assert.equal(company, 'Acme Analytics');
          assert.ok(['sam', 'sara'].includes(owner), `owner is the SDR, was ${owner}`);
          assert.equal(stage, 'MQL');
          assert.match(stuckFor, /^\d+ (minute|hour|day)s?$/);
          assert.match(cause, /no SDR working it/);
          await screenshot(page, 'stuck-leads-page');

          // its link: the process instance carrying the incident
          const link = row.getByRole('link', { name: /Grace Hopper/ });
          assert.equal(await link.getAttribute('href'), `#/process-instance/${incident.processInstanceId}/runtime`);
          await link.click();
          await page.waitForURL(new RegExp(`#/process-instance/${incident.processInstanceId}/runtime`));
          await page.getByText('sdr-qualification', { exact: true }).first().waitFor();  // the definition key
          const qualifyLead = page.locator('.djs-element[data-element-id="Task_QualifyLead"]');
          await qualifyLead.waitFor();
          // the diagram marks the activity with its incident
          await page.locator('.djs-overlays[data-container-id="Task_QualifyLead"] .badge-important').first().waitFor();
          await page.getByRole('link', { name: 'Incidents', exact: true }).click();
          const incidentRow = page.locator('tr').filter({ hasText: `Lead ${leadId} (Grace Hopper, Acme Analytics) stuck` });
          await incidentRow.waitFor();
          const incidentText = await incidentRow.innerText();
          assert.match(incidentText, /stuck-lead/, 'of the custom incident type');
          assert.match(incidentText, /Qualify lead by phone/, 'on the activity the lead waits in');
          assert.match(incidentText, /likely cause: no SDR working it/);
          await screenshot(page, 'process-instance-incident');

          assert.deepEqual(page.pageErrors, [], 'no errors on the page');
          assert.deepEqual(failedAssets, [], "every asset of the plugin is served");
        });
      } finally {
        await page.context().close();
      }
    });
});
