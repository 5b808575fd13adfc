import { api, el } from './page.js';

function renderDigest(digest) {
  const content = digest.content;
  const card = el('article', undefined, 'card digest');
  card.dataset.team = digest.teamId;
  card.append(el('h2', `${content.teamName || digest.teamId} — ${digest.localDate}`));
  card.append(el('p', `${digest.overdueTasks} overdue task(s) · ${digest.timeZone} · manager ${digest.managerId || '—'}`,
    digest.overdueTasks > 0 ? 'warn' : 'ok'));
  if (content.reps.length === 0) {
    card.append(el('p', 'No rep has overdue tasks.', 'muted'));
  } else {
    const table = el('table');
    const head = el('tr');
    ['Rep', 'Overdue', 'Oldest due', 'Tasks'].forEach((title) => head.append(el('th', title)));
    table.append(head);
    for (const rep of content.reps) {
      const row = el('tr');
      row.className = 'rep';
      row.dataset.rep = rep.repId;
      row.append(el('td', rep.repId), el('td', rep.overdueTasks, 'count'), el('td', new Date(rep.oldestDue).toLocaleString()));
      const tasks = el('td');
      for (const task of rep.tasks) {
        const link = el('a', task.leadId ? `${task.name} (lead ${task.leadId})` : task.name);
        link.href = task.link;
        tasks.append(link, el('br'));
      }
      row.append(tasks);
      table.append(row);
    }
    card.append(table);
  }
  if (content.repsWithoutOverdueTasks.length > 0) {
    card.append(el('p', `Nothing overdue: ${content.repsWithoutOverdueTasks.join(', ')}`, 'muted'));
  }
  return card;
}

function renderHistory(digests) {
  const body = document.querySelector('#history tbody');
  body.replaceChildren();
  for (const digest of digests) {
    const row = el('tr');
    row.append(el('td', digest.localDate), el('td', digest.content.teamName || digest.teamId), el('td', digest.managerId || '—'),
      el('td', digest.overdueTasks, 'count'), el('td', digest.content.reps.map((r) => `${r.repId} (${r.overdueTasks})`).join(', ') || '—'),
      el('td', digest.mailedAt ? 'sent' : digest.mailError ? `not sent: ${digest.mailError}` : '—'));
    body.append(row);
  }
}

async function load() {
  try {
    const digests = await api('/api/digests?limit=200');
    const latest = new Map();
    for (const digest of digests) if (!latest.has(digest.teamId)) latest.set(digest.teamId, digest);
    const section = document.getElementById('latest');
    section.replaceChildren(...[...latest.values()].map(renderDigest));
    if (latest.size === 0) section.append(el('p', 'No digest yet: the first comes at 21:00 in your teams\' time zone.', 'muted'));
    renderHistory(digests);
  } catch (error) {
    const box = document.getElementById('error');
    box.textContent = error.message;
    box.hidden = false;
  }
}

load();
