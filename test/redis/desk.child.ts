/**
 * A whole desk in a process of its own, for the cluster tests: the settings come in the environment
 * (DATABASE_URL, REDIS_URL, ...); it prints `READY <graphql url>` once it serves, and is killed -9,
 * or stopped with SIGTERM as main.ts stops (exit code 0 once stopped).
 */
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

const app = createApp(loadConfig(process.env, false));
const running = await app.start();
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
process.stdout.write(`READY ${running.url}\n`);
