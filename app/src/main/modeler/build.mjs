// Bundles the /modeler page's script and styles with esbuild (no bundler plugin downloads anything):
//   node build.mjs [outdir]      default: ../../../target/classes/static/modeler (what Maven packages)
// - src/modeler.js and the editors it loads on demand (split chunks, ES modules, served from /modeler/);
// - src/modeler.css: bpmn-js, diagram-js, dmn-js, form-js, properties panel and bpmnlint styles; their icon
//   fonts as files next to it (the page's CSP allows fonts from 'self' only, not data: URLs);
// - the bpmnlint configuration: bpmnlint's own compileConfig (what bpmnlint-loader does for webpack) turns
//   .bpmnlintrc into a module with a static resolver that imports every enabled rule, served to the bundle as
//   the virtual module "bpmnlint-config". bpmnlint is 11.x: 12.0 depends on @bpmn-io/lint-core, which the npm
//   registry these machines use does not have (checked 2026-12-03); camunda-compat 2.61 accepts >= 11.6.
// /js/page.js (the house pages' api(), CSRF, logout) stays a separate file, imported at run time.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const compileConfig = require('bpmnlint/lib/support/compile-config.js');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver.js');
const outdir = path.resolve(here, process.argv[2] || '../../../target/classes/static/modeler');

const bpmnlintConfig = {
  name: 'bpmnlint-config',
  setup(build) {
    build.onResolve({ filter: /^bpmnlint-config$/ }, () => ({ path: 'bpmnlint-config', namespace: 'bpmnlint-config' }));
    build.onLoad({ filter: /.*/, namespace: 'bpmnlint-config' }, async () => ({
      // rules and plugins resolved from this folder's node_modules, wherever the build is started from
      contents: await compileConfig(JSON.parse(fs.readFileSync(path.join(here, '.bpmnlintrc'), 'utf8')),
        new NodeResolver({ require: createRequire(path.join(here, 'package.json')) })),
      resolveDir: here,
      loader: 'js'
    }));
  }
};

const started = Date.now();
fs.rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: { modeler: 'src/modeler.js', 'modeler-styles': 'src/modeler.css' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
  external: ['/js/page.js'],
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [bpmnlintConfig],
  metafile: true,
  logLevel: 'warning'
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`modeler bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB`
  + ` in ${path.relative(process.cwd(), outdir) || '.'} (${Date.now() - started} ms)`);
