// End-to-end: what a newcomer does in Camunda Tasklist, in a real browser against the real app.
//
//   cd e2e && npm ci && node --test
//
// Starts the built app (see support.mjs) with a fresh H2 database (demo profile), captures a DEMO_REQUEST
// lead through the API as mia, then in headless Debian Chromium:
//   SDR  -> "SDR queue" -> "Qualify lead by phone" (routed to sam or sara) -> sees the lead in the form -> SQL
//   rep  -> "Leads to accept" -> "Accept lead" -> Accept                               -> SAL
// Screenshots of every step: e2e/screenshots/tasklist-*.png.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appAndBrowser, asUser, assertEventually, captureLead, checkLeadGroup, demoRequest, fieldLabel, getJson,
  leadStage, leadTask, openTaskFromFilter, screenshots, until
} from './support.mjs';

/** Selects an option of a Camunda Forms (form-js) select: a custom dropdown, not a native <select>. */
async function chooseOption(page, label, option) {
  const field = page.locator('.fjs-form-field-select').filter({ has: page.getByLabel(fieldLabel(label)) });
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item').getByText(option, { exact: true }).click();
  await assertEventually(`"${label}" shows "${option}"`,
    async () => (await field.locator('.fjs-select-display').innerText()).trim() === option);
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
  const submission = demoRequest({
    firstName: 'Ada', lastName: 'Lovelace', phone: '030 1234567', campaign: 'spring-webinar'
  });
  const session = appAndBrowser(before, after);
  const screenshot = screenshots('tasklist');
  const inBrowser = (user, name, steps) => asUser(session.browser, 'tasklist', user, screenshot, name, steps);
  let leadId;
  let qualified = false;

  test('mia captures a demo request through the API: MQL', async () => {
    leadId = (await captureLead(submission)).id;
    assert.ok(leadId);
  });

  test('the assigned SDR qualifies it by phone from the SDR queue: SQL', { timeout: 120_000 }, async () => {
    assert.ok(leadId, 'needs the captured lead');
    const task = await leadTask(leadId, 'Task_QualifyLead');
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

    assert.equal(await until('stage SQL', async () => (await leadStage(leadId)) === 'SQL' && 'SQL'), 'SQL');
    qualified = true;
  });

  test('the assigned rep accepts it from "Leads to accept": SAL', { timeout: 120_000 }, async () => {
    assert.ok(qualified, 'needs the qualified lead');
    // The rep is assigned by an async job in the job executor: poll for the task with its assignee.
    const task = await leadTask(leadId, 'Task_AcceptLead', (t) => t.assignee);
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

    assert.equal(await until('stage SAL', async () => (await leadStage(leadId)) === 'SAL' && 'SAL'), 'SAL');
    const timeline = await getJson(`/api/leads/${leadId}`, 'sam');
    assert.equal(timeline.lead.ownerId, rep, 'the rep owns the lead');
  });
});
