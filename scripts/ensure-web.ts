/** Builds the web app before `npm start` when it has not been built yet. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT_DIR } from '../server/config.js';

if (!existsSync(resolve(ROOT_DIR, 'client/web/dist/index.html'))) {
  console.log('building the web app (first start)…');
  execFileSync(
    process.execPath,
    [
      resolve(ROOT_DIR, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'client/web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT_DIR, stdio: 'inherit' },
  );
}
