import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { compileTrust, type TrustProxy } from './security/client-address.js';

/** Absolute path of the repository root (one level above server/). */
export const ROOT_DIR = findRoot(fileURLToPath(new URL('.', import.meta.url)));

/** The repository's root: the nearest folder up with a package.json (server/ in source, dist/server/ built). */
function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(from, '..');
    dir = up;
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** USD per million tokens, per model. */
const priceTableSchema = z.record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0) }));
export type PriceTable = z.infer<typeof priceTableSchema>;

/** A setting holding JSON that must match a schema; the message shows an example. */
function jsonSetting<S extends z.ZodType>(schema: S, example: string) {
  return z.string().transform((s, ctx): z.infer<S> => {
    try {
      return schema.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be JSON like ${example}` });
      return z.NEVER;
    }
  });
}

/** A URL template of the company's API: http(s) with `{customerId}` in it. */
const companyApiUrl = z.url({ protocol: /^https?$/ }).refine((u) => u.includes('{customerId}'), {
  message: 'must contain {customerId}, e.g. https://api/customers/{customerId}/invoices',
});

const POSTGRES_URL = /^postgres(ql)?:\/\/[^/]+\/[^/?]+/;
/** TRUST_PROXY: unset or false (no proxy), a hop count, or a comma-separated list of addresses and CIDRs. */
const trustProxySetting = z.string().transform((s, ctx): TrustProxy => {
  const v = s.trim();
  if (v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    compileTrust(list);
    return list;
  } catch (err) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a hop count (1) or addresses and CIDRs like 10.0.0.0/8,127.0.0.1 (${(err as Error).message})`,
    });
    return z.NEVER;
  }
});

/** The drivers the hot path's SQL can run on, SQLite only (the ORM keeps node-sqlite3): the first is the default. */
const SQLITE_DRIVERS = ['sqlite3', 'better-sqlite3'] as const;
/** A driver for the hot path's SQL on SQLite. */
export type SqliteDriver = (typeof SQLITE_DRIVERS)[number];

/** The one schema over the environment; every setting has a default that makes `npm start` work. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intIn(0, 65535).default(4000),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('sqlite:./data/crewdesk.sqlite')
    .refine((v) => v.startsWith('sqlite:') || v.endsWith('.sqlite') || v.endsWith('.db') || POSTGRES_URL.test(v), {
      message: 'must be sqlite:<path> (or a path ending in .sqlite or .db), or postgres://user:password@host:port/db',
    }),
  SQLITE_DRIVER: z.enum(SQLITE_DRIVERS).default('sqlite3'),
  // Unset: on, except in production.
  SEED_DEMO_DATA: bool.optional(),
  LLM_PROVIDER: z.enum(['auto', 'embedded', 'openai']).default('auto'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-5-mini'),
  OPENAI_MODEL_BILLING: z.string().min(1).optional(),
  OPENAI_MODEL_TECHNICAL: z.string().min(1).optional(),
  OPENAI_MODEL_ESCALATION: z.string().min(1).optional(),
  OPENAI_MODEL_GENERAL: z.string().min(1).optional(),
  OPENAI_ROUTER_MODEL: z.string().min(1).default('gpt-5-nano'),
  OPENAI_MAX_RETRIES: intIn(0, 10).default(3),
  OPENAI_FIRST_TOKEN_TIMEOUT_MS: intIn(100, 600_000).default(20_000),
  OPENAI_TIMEOUT_MS: intIn(100, 3_600_000).default(120_000),
  OPENAI_MAX_RPM: intIn(0, 1_000_000).default(0),
  OPENAI_MAX_TPM: intIn(0, 100_000_000).default(0),
  PROVIDER_FALLBACK: z.enum(['embedded', 'human']).default('embedded'),
  ROUTER: z.enum(['embedded', 'llm', 'hybrid']).default('hybrid'),
  ROUTER_LLM_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  GUARDRAILS: bool.default(true),
  MEMORY_TOKEN_BUDGET: intIn(200, 1_000_000).default(3000),
  CASE_TOKEN_BUDGET: intIn(0, 100_000_000).default(0),
  PRICE_TABLE: jsonSetting(
    priceTableSchema,
    '{"gpt-5-mini":{"input":0.25,"output":2}} (USD per million tokens)',
  ).optional(),
  EMBEDDED_MODEL_NAME: z.string().min(1).default('crewdesk-embedded-1'),
  /** The company the desk answers for (agents' prompts and the embedded engine's answers). */
  COMPANY_NAME: z.string().trim().min(1).max(80).default('Brightwave'),
  /** The company's colour in the web app (a CSS hex colour). */
  BRAND_COLOR: z
    .string()
    .trim()
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: 'must be a hex colour like #0b57a4' })
    .default('#0b57a4'),
  /** When people answer, as customers read it (the web app shows it; the AI answers around the clock). */
  SUPPORT_HOURS: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^<>\p{Cc}]+$/u, { message: 'must be plain text (no markup or control characters)' })
    .default('Mon–Fri 08:00–18:00 CET'),
  STREAM_CHUNK_DELAY_MS: intIn(0, 1000).default(12),
  // A subscriber this far behind gets the token deltas it missed joined into one event (0: never).
  STREAM_COALESCE_AFTER_MS: intIn(0, 60_000).default(50),
  ROUTER_MODEL: z.string().min(1).default('server/agents/router/model.json'),
  ROUTER_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.4),
  LOW_CONFIDENCE_ROUTE: z.enum(['general', 'human']).default('general'),
  KNOWLEDGE_DIR: z.string().min(1).default('server/knowledge/articles'),
  // The company's own JSON API for a customer's records (see docs/adapters.md); a kind left unset is read from the database.
  COMPANY_API_INVOICES_URL: companyApiUrl.optional(),
  COMPANY_API_PAYMENTS_URL: companyApiUrl.optional(),
  COMPANY_API_ORDERS_URL: companyApiUrl.optional(),
  COMPANY_API_SUBSCRIPTION_URL: companyApiUrl.optional(),
  COMPANY_API_TOKEN: z.string().min(1).optional(),
  COMPANY_API_TIMEOUT_MS: intIn(100, 120_000).default(5000),
  // The agents' definitions (role, goal, backstory, policies, tools) from a YAML or JSON file (unset: the built-in four).
  AGENTS_FILE: z
    .string()
    .regex(/\.(ya?ml|json)$/i, { message: 'must be a .yaml, .yml or .json file' })
    .optional(),
  // Unset: chosen per provider (see workerConcurrency).
  WORKER_CONCURRENCY: intIn(1, 1024).optional(),
  AGENT_MAX_TURNS: intIn(1, 20).default(6),
  MAX_MESSAGE_LENGTH: intIn(1, 100_000).default(4000),
  MAX_CONTEXT_BYTES: intIn(2, 1_000_000).default(8192),
  SHUTDOWN_TIMEOUT_MS: intIn(0, 120_000).default(5000),
  GRAPHIQL: bool.optional(),
  JWT_SECRET: z.string().min(1).optional(),
  JWT_ALGORITHMS: z
    .string()
    .default('HS256')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'])).min(1)),
  // An identity provider's JWKS (https://…/.well-known/jwks.json): its RS/ES/PS tokens are verified with it.
  JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  JWT_PUBLIC_KEY: z.string().min(1).optional(),
  JWT_PRIVATE_KEY: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_CLOCK_TOLERANCE_SEC: intIn(0, 300).default(5),
  // A static bearer token for Prometheus scrapes of GET /metrics (an admin JWT works too).
  METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  GUEST_TOKEN_TTL_SEC: intIn(60, 7 * 86_400).default(7200),
  RATE_LIMIT_PER_MINUTE: intIn(1, 1_000_000).default(60),
  RATE_LIMITS: jsonSetting(
    z.record(z.string(), z.number().int().positive()),
    '{"submitRequest":30,"startGuestSession":5} (per minute)',
  ).default({}),
  GUEST_SESSIONS_PER_MINUTE: intIn(1, 100_000).default(10),
  WS_MAX_CONNECTIONS_PER_IDENTITY: intIn(1, 10_000).default(10),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: intIn(1, 10_000).default(25),
  WS_CONNECTION_INIT_TIMEOUT_MS: intIn(100, 120_000).default(5000),
  WS_MAX_PAYLOAD_BYTES: intIn(1024, 10_000_000).default(65_536),
  MAX_BODY_BYTES: intIn(1024, 50_000_000).default(102_400),
  // How long POST /support/... waits for the agents' answer before it answers 202 with the case id.
  REST_WAIT_TIMEOUT_MS: intIn(0, 600_000).default(30_000),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_MAX_DEPTH: intIn(2, 100).default(12),
  GRAPHQL_MAX_COST: intIn(10, 1_000_000).default(20_000),
  GRAPHQL_MAX_ALIASES: intIn(1, 1000).default(15),
  GRAPHQL_MAX_DIRECTIVES: intIn(1, 1000).default(20),
  GRAPHQL_MAX_TOKENS: intIn(50, 100_000).default(2000),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  // Proxies whose X-Forwarded-For is believed, for guests' rate limits and logs (unset: none).
  TRUST_PROXY: trustProxySetting.default(false),
  // Webhooks may reach loopback, link-local and private addresses (off: only public ones).
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_TIMEOUT_MS: intIn(100, 60_000).default(5000),
  WEBHOOK_POLL_MS: intIn(10, 600_000).default(1000),
  WEBHOOK_RETRY_BASE_MS: intIn(10, 3_600_000).default(10_000),
  WEBHOOK_RETRY_MAX_MS: intIn(10, 86_400_000).default(3_600_000),
  WEBHOOK_MAX_ATTEMPTS: intIn(1, 50).default(8),
  // Failed attempts in a row (over all its deliveries) after which a webhook is disabled.
  WEBHOOK_DISABLE_AFTER: intIn(1, 1000).default(20),
  // How often the SLA scheduler looks for due warnings and breaches.
  SLA_POLL_MS: intIn(10, 600_000).default(15_000),
  LOG_FILE: z.string().min(1).optional(),
  // OTLP/HTTP collector base URL (spans go to <url>/v1/traces); unset: no tracing SDK is loaded.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  // Redis for several instances: events, rate limits, connection counts and the work queue (unset: in process).
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^/]/, { message: 'must be redis://[user:password@]host:port[/db] (or rediss://)' })
    .optional(),
  // Prefix of every key, channel and queue the desk uses on that Redis (several desks can share one).
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/)
    .default('crewdesk'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Parsed, typed configuration. */
export type Config = Omit<z.infer<typeof configSchema>, 'SEED_DEMO_DATA'> & {
  /** Seed the demo company into an empty database (SEED_DEMO_DATA, else on outside production). */
  SEED_DEMO_DATA: boolean;
  /** Absolute path of the SQLite file (with PostgreSQL, data/crewdesk.sqlite: its folder holds local files). */
  databasePath: string;
  /** The database: the SQLite file, or the PostgreSQL URL when DATABASE_URL is postgres://. */
  database: { dialect: 'sqlite'; path: string } | { dialect: 'postgresql'; url: string };
  /** Redis when REDIS_URL is set (coordination across instances), else undefined (all in this process). */
  redis: { url: string; prefix: string } | undefined;
  /** Absolute path of the knowledge-base folder. */
  knowledgeDir: string;
  /** Absolute path of the router model file. */
  routerModelPath: string;
  /** Absolute path of AGENTS_FILE, when set. */
  agentsFile: string | undefined;
  /** The company's API for customer records, when any COMPANY_API_*_URL is set. */
  companyApi:
    | {
        urls: Partial<Record<'invoices' | 'payments' | 'orders' | 'subscription', string>>;
        token?: string;
        timeoutMs: number;
      }
    | undefined;
  /** Whether GraphiQL is served. */
  graphiql: boolean;
  /** The provider that answers: openai when chosen, or on auto with a key. */
  provider: 'embedded' | 'openai';
  /** Whether introspection is allowed. */
  introspection: boolean;
  /** Cases answered at once: WORKER_CONCURRENCY, or a default for the provider. */
  workerConcurrency: number;
};

/**
 * Default concurrency per provider: a model API's answers mostly wait on the network, so many run
 * at once; the embedded engine's work is CPU in this process, so a few overlap the database waits.
 */
const DEFAULT_CONCURRENCY = { openai: 128, embedded: 16 } as const;

/** The company's API settings, when any of its URLs is set. */
function companyApiOf(c: z.infer<typeof configSchema>): Config['companyApi'] {
  const urls = Object.fromEntries(
    (
      [
        ['invoices', c.COMPANY_API_INVOICES_URL],
        ['payments', c.COMPANY_API_PAYMENTS_URL],
        ['orders', c.COMPANY_API_ORDERS_URL],
        ['subscription', c.COMPANY_API_SUBSCRIPTION_URL],
      ] as const
    ).filter(([, u]) => u !== undefined),
  );
  if (Object.keys(urls).length === 0) return undefined;
  return { urls, token: c.COMPANY_API_TOKEN, timeoutMs: c.COMPANY_API_TIMEOUT_MS };
}

/** Thrown when the environment holds a bad value; main prints it and exits 1. */
export class ConfigError extends Error {}

/** Parses settings from an environment object (and `.env` when `useDotenv`), once. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  useDotenv = env === process.env,
): Config {
  let source: Record<string, string | undefined> = env;
  const dotenvPath = resolve(ROOT_DIR, '.env');
  if (useDotenv && existsSync(dotenvPath)) {
    source = { ...parseDotenv(readFileSync(dotenvPath)), ...env };
  }
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.LLM_PROVIDER === 'openai' && !c.OPENAI_API_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  OPENAI_API_KEY: required when LLM_PROVIDER=openai (for a local server without keys, set any value)',
    );
  }
  const provider: Config['provider'] =
    c.LLM_PROVIDER === 'openai' || (c.LLM_PROVIDER === 'auto' && c.OPENAI_API_KEY) ? 'openai' : 'embedded';
  const postgres = POSTGRES_URL.test(c.DATABASE_URL);
  const dbFile = postgres ? 'data/crewdesk.sqlite' : c.DATABASE_URL.replace(/^sqlite:(\/\/)?/, '');
  const databasePath = dbFile === ':memory:' ? dbFile : resolve(ROOT_DIR, dbFile);
  if (!postgres && databasePath === ':memory:' && c.SQLITE_DRIVER === 'better-sqlite3') {
    throw new ConfigError(
      'Invalid configuration:\n  SQLITE_DRIVER: better-sqlite3 opens a connection of its own, so it needs a database file, not :memory:',
    );
  }
  return {
    ...c,
    SEED_DEMO_DATA: c.SEED_DEMO_DATA ?? c.NODE_ENV !== 'production',
    databasePath,
    database: postgres ? { dialect: 'postgresql', url: c.DATABASE_URL } : { dialect: 'sqlite', path: databasePath },
    redis: c.REDIS_URL ? { url: c.REDIS_URL, prefix: c.REDIS_KEY_PREFIX } : undefined,
    knowledgeDir: resolve(ROOT_DIR, c.KNOWLEDGE_DIR),
    routerModelPath: resolve(ROOT_DIR, c.ROUTER_MODEL),
    agentsFile: c.AGENTS_FILE ? resolve(ROOT_DIR, c.AGENTS_FILE) : undefined,
    companyApi: companyApiOf(c),
    graphiql: c.GRAPHIQL ?? (c.NODE_ENV !== 'production' || c.GRAPHQL_INTROSPECTION === true),
    introspection: c.GRAPHQL_INTROSPECTION ?? c.NODE_ENV !== 'production',
    provider,
    workerConcurrency: c.WORKER_CONCURRENCY ?? DEFAULT_CONCURRENCY[provider],
  };
}
