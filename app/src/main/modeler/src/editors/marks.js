// Problem highlighting for the table and form editors, which re-render their DOM at will: the marks
// are CSS rules on the elements' data attributes in a constructed stylesheet (document.adoptedStyleSheets),
// so they survive every re-render and need no inline style.

const css = (value) => String(value).replace(/["\\]/g, '\\$&');

export function attributeMarks(attribute) {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const rules = { problem: [], flash: [] };
  const render = () => sheet.replaceSync([...rules.problem, ...rules.flash].join('\n'));
  return {
    problems(problems) {
      rules.problem = problems.filter((p) => p.elementId).map((p) => `[${attribute}="${css(p.elementId)}"] {`
        + ` box-shadow: inset 0 0 0 2px ${p.severity === 'error' ? '#b3261e' : '#c77700'};`
        + ` background-color: ${p.severity === 'error' ? '#fdecea' : '#fff4e0'}; }`);
      render();
    },
    flash(id) {
      rules.flash = [`[${attribute}="${css(id)}"] { outline: 3px solid #1f5fbf; outline-offset: -3px; }`];
      render();
    },
    dispose() {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  };
}
