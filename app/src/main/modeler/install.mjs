// Installs the modeler's npm packages with the machine's npm (`npm ci`) when package-lock.json changed since
// the last install, so a Maven build with nothing changed spends no time here. Run by app/pom.xml before
// `npm run build`. Needs Node >= 20 and npm (no plugin downloads a Node of its own).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`The modeler bundle needs Node >= 20 (this is ${process.version}); or build without it: -Dmodeler.skip=true`);
  process.exit(1);
}
const lock = fs.readFileSync(path.join(here, 'package-lock.json'));
const hash = createHash('sha256').update(lock).digest('hex');
const marker = path.join(here, 'node_modules', '.installed-lock-sha256');
if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === hash) {
  console.log('modeler: node_modules matches package-lock.json');
  process.exit(0);
}
// --ignore-scripts: no package here needs an install script (esbuild's binary comes as an optional dependency)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
  { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error(`npm ci failed (${result.error?.message || `exit ${result.status}`}); build without the modeler page: -Dmodeler.skip=true`);
  process.exit(result.status || 1);
}
fs.writeFileSync(marker, hash);
