import { loadClassifier, Router, segments } from './server/agents/router/router.js';
import { loadConfig } from './server/config.js';
const c = loadConfig({NODE_ENV:'test', JWT_SECRET:'x'.repeat(40)}, false);
const r = new Router(loadClassifier(c.routerModelPath), { confidenceThreshold: c.ROUTER_CONFIDENCE_THRESHOLD, lowConfidenceRoute: 'general' });
console.log('threshold', c.ROUTER_CONFIDENCE_THRESHOLD);
for (const t of process.argv.slice(2)) {
  const d = r.route(t);
  console.log(JSON.stringify(t), '=>', d.route, d.intent, d.confidence.toFixed(2), d.method, 'parts', d.parts.map(p=>`${p.route}/${p.intent}`).join(','));
  for (const s of segments(t)) { const k = r.classify(s); console.log('   seg', JSON.stringify(s), k.route, k.intent, k.confidence.toFixed(2)); }
}
