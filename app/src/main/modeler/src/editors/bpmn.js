// The BPMN editor: bpmn-js Modeler with the Camunda 7 properties panel (camunda-bpmn-moddle, the Camunda
// Platform provider: timers, candidate groups, forms, delegate expressions, ...), Camunda's modeling behaviors,
// bpmnlint (recommended rules + camunda-compat for Camunda 7.24, configuration in ../../.bpmnlintrc) and the
// visual diff (bpmn-js-differ) against a deployed version.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from 'bpmnlint-config';
import { diff as bpmnDiff } from 'bpmn-js-differ';

const DIFF_MARKERS = ['diff-added', 'diff-changed', 'diff-layout'];

/** Severity of a bpmnlint report in our problems' terms ("info" reports are kept as warnings). */
/**
 * Fills each flow node's incoming/outgoing from the sequence flows' source and target (BPMN has both; the
 * engine needs only the flows, and some of our files leave the node side out). bpmnlint's rules read the
 * node side, and so does the diff; bpmn-js writes both once the file is saved.
 */
function linkFlowNodes(definitions) {
  const visit = (container) => {
    const elements = container.flowElements || [];
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    for (const flow of flows) {
      for (const [node, side] of [[flow.sourceRef, 'outgoing'], [flow.targetRef, 'incoming']]) {
        if (!node) continue;
        const list = node.get(side);
        if (!list.includes(flow)) list.push(flow);
      }
    }
    elements.filter((e) => e.flowElements).forEach(visit);
  };
  (definitions.rootElements || []).filter((e) => e.$type === 'bpmn:Process').forEach(visit);
  return definitions;
}

function severity(category) {
  return category === 'error' || category === 'rule-error' ? 'error' : 'warning';
}

export function createEditor({ canvas, properties }) {
  const modeler = new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule, LintModule],
    moddleExtensions: { camunda: camundaModdle }
  });
  const eventBus = modeler.get('eventBus');
  const elementRegistry = modeler.get('elementRegistry');
  const overlays = modeler.get('overlays');
  const canvasService = modeler.get('canvas');
  let lintIssues = [];
  let lintListener = () => {};
  let markedProblems = [];
  let diffMarked = [];

  eventBus.on('linting.completed', ({ issues }) => {
    lintIssues = Object.values(issues).flat().map((issue) => ({
      elementId: issue.actualElementId || issue.id,
      severity: severity(issue.category),
      rule: `bpmnlint/${issue.rule}`,
      message: issue.message,
      source: 'lint'
    }));
    lintListener(lintIssues);
  });

  /** The whole diagram in view, clear of the palette on the left (the container may have changed size). */
  function fit() {
    canvasService.resized();
    canvasService.zoom('fit-viewport', 'auto');
    const width = canvas.clientWidth;
    const palette = canvas.querySelector('.djs-palette');
    const left = palette ? palette.getBoundingClientRect().right - canvas.getBoundingClientRect().left + 16 : 16;
    if (width <= left * 2) return;
    canvasService.zoom(Math.min(canvasService.zoom() * (width - left - 16) / width, 1), 'auto');
    canvasService.scroll({ dx: (left - 16) / 2, dy: 0 });
  }
  window.addEventListener('resize', () => canvasService.resized());

  function elementName(id) {
    const element = elementRegistry.get(id);
    return element?.businessObject?.name || '';
  }

  return {
    type: 'bpmn',
    modeler,
    async open(xml) {
      const { warnings } = await modeler.importXML(xml);
      linkFlowNodes(modeler.getDefinitions());
      modeler.get('linting').update();
      fit();
      return warnings.map((w) => w.message);
    },
    async text() {
      return (await modeler.saveXML({ format: true })).xml;
    },
    async svg() {
      return (await modeler.saveSVG()).svg;
    },
    /** Another version's XML as this editor writes it (for a line diff that shows changes, not formatting). */
    async canonical(xml) {
      const moddle = modeler.get('moddle');
      const { rootElement } = await moddle.fromXML(xml);
      return (await moddle.toXML(linkFlowNodes(rootElement), { format: true })).xml;
    },
    onChange(listener) {
      eventBus.on('commandStack.changed', listener);
    },
    onLint(listener) {
      lintListener = listener;
      listener(lintIssues);
    },
    lintIssues: () => lintIssues,
    elementName,
    /** Server problems on the diagram: a red or orange marker and a small badge with the first message. */
    mark(problems) {
      for (const id of markedProblems) {
        canvasService.removeMarker(id, 'problem-error');
        canvasService.removeMarker(id, 'problem-warning');
      }
      overlays.remove({ type: 'server-problem' });
      markedProblems = [];
      const byElement = new Map();
      for (const problem of problems) {
        const element = problem.elementId && elementRegistry.get(problem.elementId);
        // the process itself (the canvas root) has no shape to mark: its problems are in the list only
        if (!element || !element.parent) continue;
        if (!byElement.has(problem.elementId)) byElement.set(problem.elementId, []);
        byElement.get(problem.elementId).push(problem);
      }
      for (const [id, list] of byElement) {
        const worst = list.some((p) => p.severity === 'error') ? 'error' : 'warning';
        canvasService.addMarker(id, `problem-${worst}`);
        markedProblems.push(id);
        const badge = document.createElement('div');
        badge.className = `problem-badge ${worst}`;
        badge.dataset.testid = 'problem-badge';
        badge.dataset.elementId = id;
        badge.textContent = list.length === 1 ? list[0].message : `${list.length} problems`;
        badge.title = list.map((p) => p.message).join('\n');
        overlays.add(id, 'server-problem', { position: { bottom: -6, left: 0 }, html: badge });
      }
    },
    select(elementId) {
      const element = elementRegistry.get(elementId);
      if (!element) return false;
      // a root (process) has no shape to select: show its properties
      if (!element.parent) {
        modeler.get('selection').select(null);
        return true;
      }
      canvasService.scrollToElement(element);
      modeler.get('selection').select(element);
      return true;
    },
    /** Diff against the deployed version: lists of changes, and markers on the elements still on the canvas. */
    async diff(oldXml) {
      this.clearDiff();
      const { rootElement: oldDefinitions } = await modeler.get('moddle').fromXML(oldXml);
      const changes = bpmnDiff(linkFlowNodes(oldDefinitions), modeler.getDefinitions());
      const describe = (id, element) => ({ id, type: (element.$type || element.model?.$type || '').replace('bpmn:', ''),
        name: element.name || element.model?.name || elementName(id) });
      // the differ hands each attribute change over as { oldValue: <new>, newValue: <old> } (jsondiffpatch's
      // [old, new] passed to a (newValue, oldValue) handler), so the two are read the other way round here;
      // an element "changed" with no attribute named is a nested bookkeeping change with nothing to show
      const changed = Object.entries(changes._changed).filter(([, e]) => Object.keys(e.attrs).length);
      const result = {
        added: Object.entries(changes._added).map(([id, e]) => describe(id, e)),
        removed: Object.entries(changes._removed).map(([id, e]) => describe(id, e)),
        changed: changed.map(([id, e]) => ({ ...describe(id, e),
          attrs: Object.entries(e.attrs).map(([attr, v]) => ({ attr, oldValue: v.newValue, newValue: v.oldValue })) })),
        layout: Object.entries(changes._layoutChanged).filter(([id]) => !changed.some(([c]) => c === id))
          .map(([id, e]) => describe(id, e))
      };
      const mark = (list, marker) => {
        for (const { id } of list) {
          if (!elementRegistry.get(id)) continue;
          canvasService.addMarker(id, marker);
          diffMarked.push([id, marker]);
        }
      };
      mark(result.added, 'diff-added');
      mark(result.changed, 'diff-changed');
      mark(result.layout, 'diff-layout');
      return result;
    },
    clearDiff() {
      for (const [id, marker] of diffMarked) {
        if (elementRegistry.get(id) && DIFF_MARKERS.includes(marker)) canvasService.removeMarker(id, marker);
      }
      diffMarked = [];
    },
    destroy() {
      modeler.destroy();
    }
  };
}
