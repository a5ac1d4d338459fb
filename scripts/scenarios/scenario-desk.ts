/**
 * Desks for scenarios: the real desk (createDesk with the app's router, knowledge base and
 * provider, built once) on a fresh SQLite file per run, copied from one migrated and seeded
 * template so that a fresh database costs a file copy and an ORM start.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeBase } from '../../server/agents/knowledge/knowledge-base.js';
import { loadClassifier, Router } from '../../server/agents/router/router.js';
import { loadConfig } from '../../server/config.js';
import { createOrm, type MikroORM } from '../../server/db/orm.js';
import { seedDemoData } from '../../server/db/seed/seed.js';
import { createDesk, type Desk } from '../../server/desk/desk.js';
import { DEFAULT_PRICES } from '../../server/desk/pricing.js';
import { createLogger } from '../../server/logger.js';
import { createEmbeddedProvider } from '../../server/providers/embedded/embedded.provider.js';
import { createOpenAiProvider } from '../../server/providers/openai/openai.provider.js';
import { createPubSub } from '../../server/pubsub.js';
import { AuditLog } from '../../server/security/audit.js';

/** A started desk on its own database. */
export interface ScenarioDesk {
  desk: Desk;
  orm: MikroORM;
  stop(): Promise<void>;
}

/** Starts desks on fresh copies of one seeded database. */
export interface ScenarioDesks {
  readonly router: Router;
  /** A desk on a fresh database; `chunkDelayMs` slows streaming (to send messages mid-answer). */
  start(opts?: { chunkDelayMs?: number }): Promise<ScenarioDesk>;
  close(): void;
}

/** Which provider answers: the embedded engine, or the openai SDK against `baseURL`. */
export type ScenarioProvider = { name: 'embedded' } | { name: 'openai'; baseURL: string };

/** Prepares the template database and the parts every desk shares. */
export async function createScenarioDesks(provider: ScenarioProvider = { name: 'embedded' }): Promise<ScenarioDesks> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: 'x'.repeat(40) }, false);
  const root = mkdtempSync(join(tmpdir(), 'crewdesk-scenarios-'));
  const template = join(root, 'template.sqlite');
  const orm = await createOrm({ dialect: 'sqlite', path: template });
  await seedDemoData(orm.em.fork());
  await orm.close(true);

  const logger = createLogger('silent');
  const kb = new KnowledgeBase(config.knowledgeDir);
  const router = new Router(loadClassifier(config.routerModelPath), {
    confidenceThreshold: config.ROUTER_CONFIDENCE_THRESHOLD,
    lowConfidenceRoute: config.LOW_CONFIDENCE_ROUTE,
  });
  const embeddedWith = (chunkDelayMs: number) =>
    createEmbeddedProvider({
      model: config.EMBEDDED_MODEL_NAME,
      company: config.COMPANY_NAME,
      classify: (t) => router.classify(t),
      chunkDelayMs,
    });
  const llm =
    provider.name === 'openai'
      ? createOpenAiProvider({
          apiKey: 'scenario-key',
          baseURL: provider.baseURL,
          model: 'scripted-model',
          maxRetries: 0,
          firstTokenTimeoutMs: 10_000,
          totalTimeoutMs: 30_000,
          limits: { requestsPerMinute: 0, tokensPerMinute: 0 },
        })
      : null;
  let n = 0;
  return {
    router,
    async start(opts = {}) {
      const path = join(root, `run-${++n}.sqlite`);
      copyFileSync(template, path);
      const orm = await createOrm({ dialect: 'sqlite', path });
      const pubsub = createPubSub();
      const audit = new AuditLog(orm, pubsub);
      const embedded = embeddedWith(opts.chunkDelayMs ?? 0);
      const desk = createDesk({
        orm,
        pubsub,
        router,
        provider: llm ?? embedded,
        kb,
        logger,
        options: {
          company: config.COMPANY_NAME,
          concurrency: 4,
          maxTurns: config.AGENT_MAX_TURNS,
          maxMessageLength: config.MAX_MESSAGE_LENGTH,
          maxContextBytes: config.MAX_CONTEXT_BYTES,
          coalesceAfterMs: 0,
        },
        answering: {
          llm,
          fallback: null,
          modelFor: () => (llm ? llm.model : embedded.model),
          routerModel: 'scripted-model',
          routerMode: 'embedded',
          routerLlmThreshold: config.ROUTER_LLM_THRESHOLD,
          guardrails: false,
          memoryTokens: config.MEMORY_TOKEN_BUDGET,
          caseTokenBudget: 0,
          prices: DEFAULT_PRICES,
          audit,
        },
        webhooks: {
          allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
          pollMs: config.WEBHOOK_POLL_MS,
          retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
          retryMaxMs: config.WEBHOOK_RETRY_MAX_MS,
          maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
          disableAfter: config.WEBHOOK_DISABLE_AFTER,
        },
        slaPollMs: config.SLA_POLL_MS,
      });
      return {
        desk,
        orm,
        async stop() {
          await desk.stop(2_000);
          pubsub.closeAll();
          await orm.close(true);
          rmSync(path, { force: true });
        },
      };
    },
    close() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
