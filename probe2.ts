import { loadClassifier } from './server/agents/router/router.js';
import { loadConfig } from './server/config.js';
const c = loadConfig({NODE_ENV:'test', JWT_SECRET:'x'.repeat(40)}, false);
const k = loadClassifier(c.routerModelPath);
for (const t of process.argv.slice(2)) { const r = k.classify(t); console.log(JSON.stringify(t), r.route, r.intent, r.confidence.toFixed(2), 'cov', r.coverage.toFixed(2), JSON.stringify(r.routeScores), (r as any).top?.slice?.(0,3)); }
