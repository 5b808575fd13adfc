// End-to-end: a sales rep lets the accept SLA of a lead lapse, and Tasklist shows every tier as it fires,
// in a real browser against the real app.
//
//   cd e2e && npm ci && node --test
//
// Starts the built app (see support.mjs) with profiles demo,fast-sla (calendars around the clock) and
// lead.sla-policy.speed-up=120, so an hour of the sla-policy table passes in 30 s: a hot hand-raiser's
// accept SLA (Rule_AcceptHotHandRaiser) reminds after 30 s, is due after 60 s, escalates after 90 s and
// reassigns after 120 s. mia captures a DEMO_REQUEST lead, its SDR qualifies it over REST, routing hands it
// to a rep of sales-north, and nobody accepts it. In headless Chromium:
//   rep     -> "Leads to accept": the "Accept lead" task is reminded (priority 80, a follow-up date)
//   manager -> "Escalations": "Review unaccepted lead" for the supervisor of the rep's team
//   then the reassignment tier: the task leaves the first rep's list, the other rep of the team has it,
//   the manager's review is withdrawn; GET /api/leads/{id}/slas records the tiers.
// Screenshots: e2e/screenshots/sla-*.png.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appAndBrowser, asUser, captureLead, checkLeadGroup, demoRequest, explained, fieldLabel, getJson, http,
  leadTask, logIn, newPage, openTaskFromFilter, screenshots, taskInFilter, until
} from './support.mjs';

const SPEED_UP = 120;
const TIER_SLACK_MS = 60_000;  // how late a tier may fire: job executor back-off (5 s) on a busy machine
const ACCEPT_TIERS = ['REMINDER', 'BREACH', 'ESCALATION', 'REASSIGNMENT'];

/** How long to wait for something the app does at this instant (ISO-8601), with slack. */
function byInstant(instant) {
  return { timeoutMs: Math.max(0, Date.parse(instant) - Date.now()) + TIER_SLACK_MS, intervalMs: 1_000 };
}

/** The card of this task in the open filter's list of tasks. */
function taskCard(page, taskId) {
  return page.locator('.tasks-list li.task').filter({ has: page.locator(`[href="#/?task=${taskId}"]`) });
}

describe('Tasklist: an accept SLA lapses, the rep is reminded, the manager escalated to, the lead reassigned', () => {
  const submission = demoRequest({ firstName: 'Hedy', lastName: 'Lamarr', phone: '030 5551234' });
  const session = appAndBrowser(before, after, {
    profiles: 'demo,fast-sla', args: [`--lead.sla-policy.speed-up=${SPEED_UP}`]
  });
  const screenshot = screenshots('sla');
  let leadId;
  let team;           // the rep's team, from /api/teams
  let firstRep;
  let acceptTask;     // the first rep's "Accept lead"
  let acceptSla;      // its SLA instance
  let repPage;        // the first rep's Tasklist, kept open across the tiers
  let managerPage;    // the manager's
  let reviewTask;
  let secondRep;

  async function acceptSlas() {
    return (await getJson(`/api/leads/${leadId}/slas`, team?.supervisorId ?? 'max'))
      .filter((sla) => sla.slaType === 'SALES_ACCEPT');
  }

  test('a demo request is qualified and handed to a sales rep, whose accept SLA starts', { timeout: 120_000 }, async () => {
    leadId = (await captureLead(submission)).id;
    const call = await leadTask(leadId, 'Task_QualifyLead', (t) => t.assignee);
    const done = await http('POST', `/engine-rest/task/${call.id}/complete`, {
      user: call.assignee,
      body: { variables: { callOutcome: { value: 'REACHED' }, realNeed: { value: true }, qualification: { value: 'SALES_READY' } } }
    });
    assert.equal(done.status, 204, done.text);

    acceptTask = await leadTask(leadId, 'Task_AcceptLead', (t) => t.assignee);
    firstRep = acceptTask.assignee;
    team = (await getJson('/api/teams', 'max')).find((t) => t.reps.some((rep) => rep.userId === firstRep));
    assert.equal(team?.team.id, 'sales-north', `a German lead goes to sales-north, went to ${firstRep}`);
    team = { ...team.team, reps: team.reps.map((rep) => rep.userId) };
    acceptSla = await until('the open SALES_ACCEPT SLA', async () => (await acceptSlas()).find((sla) => sla.status === 'OPEN'));
    assert.equal(acceptSla.ownerId, firstRep);
    assert.equal(acceptSla.teamId, team.id);
    assert.equal(acceptSla.taskId, acceptTask.id);
    assert.match(acceptSla.ruleRef, /^sla-policy:v\d+\/Rule_Accept/);
    const tiers = ['startedAt', 'remindAt', 'dueAt', 'escalateAt', 'reassignAt', 'recycleAt'].map((k) => Date.parse(acceptSla[k]));
    assert.deepEqual([...tiers].sort((a, b) => a - b), tiers, 'remind, due, escalate, reassign, recycle in this order');
    console.log(`lead ${leadId} with ${firstRep} (${team.id}, manager ${team.supervisorId}) by ${acceptSla.ruleRef}: `
      + ['remindAt', 'dueAt', 'escalateAt', 'reassignAt'].map((k) => `${k} ${acceptSla[k]}`).join(', '));
  });

  test('the rep sees the "Accept lead" task reminded in "Leads to accept"', { timeout: 240_000 }, async () => {
    assert.ok(acceptSla, 'needs the open accept SLA');
    repPage = await newPage(session.browser);
    await explained(repPage, screenshot, 'reminder', async (page) => {
      await logIn(page, 'tasklist', firstRep);
      managerPage = await newPage(session.browser);  // logged in now, so that the escalation's window is not spent on it
      await logIn(managerPage, 'tasklist', team.supervisorId);

      await taskInFilter(page, 'Leads to accept', 'Accept lead', acceptTask.id);
      await screenshot(page, 'rep-leads-to-accept');
      const card = taskCard(page, acceptTask.id);
      await until(`the reminder on ${firstRep}'s task (at ${acceptSla.remindAt})`, async () => {
        await page.reload();
        await card.waitFor();
        return (await card.locator('.priority').innerText()).trim() === '80' && await card.locator('.followup-date').isVisible();
      }, byInstant(acceptSla.remindAt));
      assert.match(await card.locator('.followup-date').innerText(), /Follow-up/, 'the card shows the follow-up date');
      await screenshot(page, 'rep-task-reminded');

      await card.getByRole('link', { name: 'Accept lead', exact: true }).click();
      await checkLeadGroup(page, submission);
      assert.ok(await page.getByRole('radio', { name: 'Accept', exact: true }).isVisible(), 'still up to the rep');
      await screenshot(page, 'rep-task-opened');
    });

    // the comment the reminder leaves on the task says when the SLA falls due
    const comments = await getJson(`/engine-rest/task/${acceptTask.id}/comment`, 'demo');
    const reminder = comments.find((c) => c.message.startsWith('SLA reminder: SALES_ACCEPT is due at '));
    assert.ok(reminder, `a reminder comment, got ${JSON.stringify(comments)}`);
    const dueInComment = Date.parse(reminder.message.replace('SLA reminder: SALES_ACCEPT is due at ', '').split(' ')[0]);
    assert.ok(Math.abs(dueInComment - Date.parse(acceptSla.dueAt)) < 1_000, `${reminder.message} vs due ${acceptSla.dueAt}`);
  });

  test("the rep's manager sees the escalation in \"Escalations\"", { timeout: 240_000 }, async () => {
    assert.ok(managerPage, 'needs the lapsing SLA');
    reviewTask = await leadTask(leadId, 'Task_ReviewUnacceptedLead', (t) => t.assignee, byInstant(acceptSla.escalateAt));
    assert.equal(reviewTask.assignee, team.supervisorId, 'for the supervisor of the rep\'s team');
    await explained(managerPage, screenshot, 'escalation', async (page) => {
      await openTaskFromFilter(page, 'Escalations', 'Review unaccepted lead', reviewTask.id);
      await checkLeadGroup(page, submission);
      assert.equal(await page.getByLabel(fieldLabel('Assigned rep')).inputValue(), firstRep, 'names the rep who let it lapse');
      for (const decision of ['Reassign to another rep now', 'Leave it with the rep; the later SLA tiers still apply']) {
        assert.ok(await page.getByRole('radio', { name: decision, exact: true }).isVisible(), `offers "${decision}"`);
      }
      await screenshot(page, 'manager-escalation');
    });
  });

  test('after the reassignment tier another rep of the team has the lead', { timeout: 240_000 }, async () => {
    assert.ok(reviewTask, 'needs the escalation');
    const reassigned = await leadTask(leadId, 'Task_AcceptLead', (t) => t.assignee && t.assignee !== firstRep,
      byInstant(acceptSla.reassignAt));
    secondRep = reassigned.assignee;
    assert.ok(team.reps.includes(secondRep), `${secondRep} is a rep of ${team.id} (${team.reps})`);
    assert.equal((await getJson(`/api/leads/${leadId}`, team.supervisorId)).lead.ownerId, secondRep, 'the lead\'s owner');

    await explained(repPage, screenshot, 'first-rep-after', async (page) => {
      await page.reload();
      await page.getByRole('link', { name: /^Leads to accept/ }).click();
      await page.locator(`[href="#/?task=${acceptTask.id}"]`).waitFor({ state: 'detached' });
      await screenshot(page, 'first-rep-task-gone');
    });
    await explained(managerPage, screenshot, 'manager-after', async (page) => {
      await page.reload();
      await page.getByRole('link', { name: /^Escalations/ }).click();
      await page.locator(`[href="#/?task=${reviewTask.id}"]`).waitFor({ state: 'detached' });
      await screenshot(page, 'manager-escalation-withdrawn');
    });
    await asUser(session.browser, 'tasklist', secondRep, screenshot, 'second-rep', async (page) => {
      await openTaskFromFilter(page, 'Leads to accept', 'Accept lead', reassigned.id);
      await checkLeadGroup(page, submission);
      await screenshot(page, 'second-rep-leads-to-accept');
    });
  });

  test('the SLA records over REST: the first rep\'s breached and reassigned with its tiers, the second open', async () => {
    assert.ok(secondRep, 'needs the reassignment');
    const [first, second] = await acceptSlas();
    assert.equal(first.ownerId, firstRep);
    assert.equal(first.status, 'CLOSED');
    assert.equal(first.outcome, 'REASSIGNED');
    assert.equal(first.tiersFired, ACCEPT_TIERS.join(','), 'every tier up to the reassignment, in order');
    assert.ok(Date.parse(first.breachedAt) >= Date.parse(first.dueAt), `breached (${first.breachedAt}) once due (${first.dueAt})`);
    assert.ok(second, 'a new SLA instance for the second rep');
    assert.equal(second.ownerId, secondRep);
    assert.equal(second.teamId, team.id);
    assert.equal(second.status, 'OPEN');
    assert.equal(second.recycleAt, first.recycleAt, 'recycling still counts from the first rep\'s start');
    assert.ok(Date.parse(second.startedAt) >= Date.parse(first.reassignAt), 'a fresh schedule from the reassignment');
  });
});
