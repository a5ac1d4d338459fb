/**
 * A whole desk in a process of its own, for the cluster test: the settings come in the environment
 * (DATABASE_URL, REDIS_URL, ...); it prints `READY <graphql url>` once it serves, and is killed -9.
 */
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

const app = createApp(loadConfig(process.env, false));
const running = await app.start();
process.stdout.write(`READY ${running.url}\n`);
