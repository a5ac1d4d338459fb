/**
 * Child process: crewdesk itself (createApp, as server/main.ts runs it) with the settings the
 * parent sends, so that its CPU and memory are its own. Commands: start(env) -> { url, wsUrl },
 * stop; and the built-in usage / resetPeak / heapAfterGc.
 */
import { type App, createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { serveChild } from './child-runtime.js';

let app: App | null = null;

serveChild({
  // The settings come from the parent, never from this process's environment or a .env file.
  start: async (env: Record<string, string>) => {
    app = createApp(loadConfig(env, false));
    const running = await app.start();
    return { url: running.url, wsUrl: running.wsUrl };
  },
  stop: () => app?.stop(),
});
