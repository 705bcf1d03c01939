// Builds the web app when dist/web is missing or older than its sources, its own and the contract it shares with
// the server (npm start, browser tests).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const built = path.join(process.env.PASSERELLE_WEB_DIST || 'dist/web', 'index.html');
const newest = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);
const stale =
  !fs.existsSync(built) ||
  fs.statSync(built).mtimeMs < Math.max(newest('src/web'), newest('src/shared'), fs.statSync('vite.config.ts').mtimeMs);
if (stale) {
  console.log('Building the web app…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
