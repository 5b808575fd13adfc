// The DMN editor: dmn-js Modeler (decision tables edited in place, literal expressions, the DRD when the file
// has one) with the Camunda moddle extension (camunda:versionTag, historyTimeToLive, ...). Our tables have no
// DRD, so a file opens straight on its decision table; several decisions get a tab each.
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';
import { attributeMarks } from './marks.js';

export function createEditor({ canvas, tabs }) {
  const modeler = new DmnModeler({
    container: canvas,
    moddleExtensions: { camunda: camundaDmnModdle }
  });
  const watched = new WeakSet();
  const changeListeners = [];
  const marks = attributeMarks('data-row-id');
  const cellMarks = attributeMarks('data-element-id');

  function watchActiveViewer() {
    const viewer = modeler.getActiveViewer();
    if (!viewer || watched.has(viewer)) return;
    watched.add(viewer);
    viewer.get('eventBus').on('elements.changed', () => changeListeners.forEach((l) => l()));
  }

  function renderTabs() {
    tabs.replaceChildren();
    const views = modeler.getViews();
    tabs.hidden = views.length < 2;
    const active = modeler.getActiveView();
    for (const view of views) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = view === active ? 'tab active' : 'tab';
      button.textContent = view.type === 'drd' ? 'Decision requirements' : (view.element.name || view.element.id);
      button.dataset.testid = 'dmn-view';
      button.addEventListener('click', () => modeler.open(view));
      tabs.append(button);
    }
  }

  modeler.on('views.changed', () => {
    watchActiveViewer();
    renderTabs();
  });

  /** The decision view holding this element (the decision itself, or one of its rules, inputs, outputs). */
  function viewOf(elementId) {
    return modeler.getViews().find((view) => {
      if (view.type === 'drd') return false;
      if (view.element.id === elementId) return true;
      const table = view.element.decisionLogic;
      return [...(table?.rule || []), ...(table?.input || []), ...(table?.output || [])]
        .some((part) => part.id === elementId || part.inputEntry?.some((e) => e.id === elementId)
          || part.outputEntry?.some((e) => e.id === elementId));
    });
  }

  return {
    type: 'dmn',
    modeler,
    async open(xml) {
      const { warnings } = await modeler.importXML(xml);
      watchActiveViewer();
      renderTabs();
      return warnings.map((w) => w.message);
    },
    async text() {
      return (await modeler.saveXML({ format: true })).xml;
    },
    /** Another version's XML as this editor writes it (for a line diff that shows changes, not formatting). */
    async canonical(xml) {
      const { rootElement } = await modeler._moddle.fromXML(xml, 'dmn:Definitions');
      return (await modeler._moddle.toXML(rootElement, { format: true })).xml;
    },
    /** The DRD as SVG, when the active view is one (a decision table has no picture). */
    async svg() {
      const viewer = modeler.getActiveViewer();
      return modeler.getActiveView()?.type === 'drd' && viewer.saveSVG ? (await viewer.saveSVG()).svg : null;
    },
    onChange(listener) {
      changeListeners.push(listener);
    },
    onLint() {},
    lintIssues: () => [],
    elementName(id) {
      const view = viewOf(id);
      return view && view.element.id === id ? view.element.name : '';
    },
    mark(problems) {
      marks.problems(problems);
      cellMarks.problems(problems);
    },
    select(elementId) {
      const view = viewOf(elementId);
      if (!view) return false;
      if (modeler.getActiveView() !== view) modeler.open(view);
      marks.flash(elementId);
      cellMarks.flash(elementId);
      const node = canvas.querySelector(`[data-row-id="${CSS.escape(elementId)}"], [data-element-id="${CSS.escape(elementId)}"]`);
      node?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return true;
    },
    clearDiff() {},
    destroy() {
      marks.dispose();
      cellMarks.dispose();
      modeler.destroy();
    }
  };
}
