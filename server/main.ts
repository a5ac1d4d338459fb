/** Starts crewdesk with the configuration from the environment. */

import { createApp, type RunningApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const app = createApp(config);
let running: RunningApp;
try {
  running = await app.start();
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  console.error(
    e.code === 'EADDRINUSE'
      ? `Port ${config.PORT} on ${config.HOST} is in use: stop the other server or set PORT.`
      : `crewdesk could not start: ${e.message}`,
  );
  process.exit(1);
}
console.log(
  `crewdesk listening on ${running.url} (GraphiQL${config.graphiql ? '' : ' off'}; subscriptions on ${running.wsUrl} and SSE)`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping crewdesk…`);
    void app.stop().then(() => process.exit(0));
  });
}
