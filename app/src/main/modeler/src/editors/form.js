// The form editor: form-js FormEditor (Camunda Forms, the schema user tasks bind with camunda:formRef) with
// its own properties panel. Problems name a component by its id or its key.
import { FormEditor } from '@bpmn-io/form-js';
import { attributeMarks } from './marks.js';

export function createEditor({ canvas, properties }) {
  const editor = new FormEditor({ container: canvas, propertiesPanel: { parent: properties } });
  const marks = attributeMarks('data-id');

  /** The component with this id or key. */
  function field(idOrKey) {
    return editor.get('formFieldRegistry').getAll().find((f) => f.id === idOrKey || f.key === idOrKey);
  }

  /** Problems name keys or ids; the canvas knows ids. */
  const withIds = (problems) => problems.map((p) => ({ ...p, elementId: p.elementId && (field(p.elementId)?.id || p.elementId) }));

  return {
    type: 'form',
    editor,
    async open(json) {
      const { warnings } = await editor.importSchema(JSON.parse(json));
      return warnings.map((w) => w.message || String(w));
    },
    async text() {
      return JSON.stringify(editor.saveSchema(), null, 2) + '\n';
    },
    async canonical(json) {
      return JSON.stringify(JSON.parse(json), null, 2) + '\n';
    },
    async svg() {
      return null;
    },
    onChange(listener) {
      editor.on('changed', listener);
    },
    onLint() {},
    lintIssues: () => [],
    elementName(id) {
      const f = field(id);
      return f ? (f.label || f.key || f.type) : '';
    },
    mark(problems) {
      marks.problems(withIds(problems));
    },
    select(elementId) {
      const f = field(elementId);
      if (!f) return false;
      editor.get('selection').set(f);
      marks.flash(f.id);
      canvas.querySelector(`[data-id="${CSS.escape(f.id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return true;
    },
    clearDiff() {},
    destroy() {
      marks.dispose();
      editor.destroy();
    }
  };
}
