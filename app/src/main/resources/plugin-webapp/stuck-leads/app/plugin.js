// Cockpit plugin "Stuck leads" (Camunda 7.14+ ES-module plugin format): a route #/stuck-leads, its
// navigation entry and a dashboard section, each listing the open stuck leads grouped by team with a
// link to the process instance that carries the stuck-lead incident. Data from the plugin's own REST
// resource (org.leadflow.stuck.StuckLeadsPluginResource), behind Cockpit's session. Cockpit also loads
// plugin.css next to this file for every plugin (a missing one is a 404 and a console error).

const PATH = '/stuck-leads';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

async function load(api) {
  const response = await fetch(`${api.cockpitApi}/plugin/stuck-leads/${api.engine}/stuck-leads`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  return response.json();
}

function where(lead) {
  return lead.funnelPosition ? `${lead.stage}/${lead.funnelPosition}` : lead.stage;
}

function teamTable(group) {
  const rows = group.leads.map(lead => el('tr', { 'data-lead-id': lead.leadId },
    el('td', {}, lead.processInstanceId
      ? el('a', { href: `#/process-instance/${lead.processInstanceId}/runtime`, class: 'stuck-lead-link' },
        lead.leadName ? `${lead.leadName} (${lead.leadId})` : lead.leadId)
      : (lead.leadName ? `${lead.leadName} (${lead.leadId})` : lead.leadId)),
    el('td', {}, lead.company || ''),
    el('td', {}, lead.ownerId || 'team queue'),
    el('td', {}, where(lead)),
    el('td', { class: 'stuck-lead-for', title: `since ${lead.since}, limit ${lead.limit}` }, lead.stuckFor),
    el('td', {}, lead.likelyCause)));
  return el('section', { class: 'stuck-leads-team', 'data-team': group.team || '' },
    el('h4', {}, `${group.team || 'No team'} (${group.leads.length})`),
    el('table', { class: 'cam-table stuck-leads-table' },
      el('thead', {}, el('tr', {}, ...['Lead', 'Company', 'Owner', 'Stage', 'Stuck for', 'Likely cause']
        .map(title => el('th', {}, title)))),
      el('tbody', {}, ...rows)));
}

function renderList(node, api, heading) {
  const container = el('div', { class: 'stuck-leads' }, el('h3', {}, heading), el('p', {}, 'Loading…'));
  node.replaceChildren(container);
  load(api).then(groups => {
    const body = groups.length === 0
      ? [el('p', { class: 'stuck-leads-none' }, 'No stuck leads.')]
      : groups.map(teamTable);
    container.replaceChildren(el('h3', {}, heading), ...body);
  }).catch(error => {
    container.replaceChildren(el('h3', {}, heading),
      el('p', { class: 'stuck-leads-error' }, `Cannot load stuck leads: ${error.message}`));
  });
}

export default [
  {
    id: 'stuck-leads-route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH },
    render: (node, { api }) => renderList(node, api, 'Stuck leads by team')
  },
  {
    id: 'stuck-leads-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: PATH },
    render: node => node.replaceChildren(el('a', { href: `#${PATH}`, class: 'stuck-leads-nav' }, 'Stuck leads'))
  },
  {
    id: 'stuck-leads-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 10,
    render: (node, { api }) => {
      renderList(node, api, 'Stuck leads');
    }
  }
];
