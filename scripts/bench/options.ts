/** The bench's command line: a mode (full, --quick, --smoke) and a few overrides. */
import { parseArgs } from 'node:util';

/** How long a loop runs: until `durationMs` has passed (each worker doing at least `minPerWorker`) or `maxCases`. */
export interface LoopSpec {
  durationMs?: number;
  maxCases: number;
  minPerWorker?: number;
}

/** Everything a run needs to know. */
export interface BenchOptions {
  mode: 'full' | 'quick' | 'smoke';
  /** The several-instances bench (PostgreSQL + Redis, one and two instances) instead of the stages. */
  cluster: boolean;
  /** Tokens in the scripted answer, and the pause between them. */
  tokens: number;
  paceMs: number;
  seed: number;
  levels: number[];
  /** Before the first level of each stage only: later levels find the server warm. */
  warmup: LoopSpec;
  measure: LoopSpec;
  caseTimeoutMs: number;
  /** Null: no open-loop section. */
  open: { ratePerSec: number; durationMs: number; drainMs: number; workers: number } | null;
  fanOut: { subscribers: number; sockets: number; answers: number };
  idleSockets: number;
  startUpRuns: number;
  /** Router micro-bench over the first N corpus messages (all when undefined). */
  routerMessages?: number;
  workerConcurrency: number;
  /** How the bench's customers send submitRequest: over their open socket (default) or HTTP. */
  submit: 'socket' | 'http';
}

const USAGE = `usage: npm run bench [-- --quick | --smoke] [--cluster] [--tokens 50] [--pace 0] [--seed 1] [--levels 1,10,100]
                     [--rate 50] [--open-seconds 10] [--submit socket|http]`;

const MANY = 1_000_000;

/** Parses `argv` (without node and the script). */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      cluster: { type: 'boolean', default: false },
      tokens: { type: 'string' },
      pace: { type: 'string' },
      seed: { type: 'string' },
      levels: { type: 'string' },
      rate: { type: 'string' },
      'open-seconds': { type: 'string' },
      submit: { type: 'string', default: 'socket' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const num = (name: string, v: string | undefined, fallback: number, min = 0) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}\n${USAGE}`);
    return n;
  };
  if (values.submit !== 'socket' && values.submit !== 'http')
    throw new Error(`--submit must be socket or http\n${USAGE}`);
  const mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  const base = {
    mode,
    cluster: values.cluster === true,
    tokens: Math.round(num('tokens', values.tokens, 50, 1)),
    paceMs: num('pace', values.pace, 0),
    seed: Math.round(num('seed', values.seed, 1)),
    caseTimeoutMs: 60_000,
    workerConcurrency: 128,
    submit: values.submit,
  } as const;
  const levels = (fallback: number[]) =>
    values.levels === undefined ? fallback : values.levels.split(',').map((s) => Math.round(num('levels', s, 1, 1)));
  const open = (seconds: number, drainMs: number) => ({
    ratePerSec: num('rate', values.rate, 50, 0.1),
    durationMs: num('open-seconds', values['open-seconds'], seconds, 0.1) * 1000,
    drainMs,
    workers: 50,
  });
  if (mode === 'smoke')
    return {
      ...base,
      levels: levels([1]),
      warmup: { maxCases: 1, minPerWorker: 1 },
      measure: { maxCases: 3, minPerWorker: 1 },
      open: null,
      fanOut: { subscribers: 20, sockets: 2, answers: 1 },
      idleSockets: 10,
      startUpRuns: 1,
      routerMessages: 300,
    };
  if (mode === 'quick')
    return {
      ...base,
      levels: levels([1, 10, 100]),
      warmup: { durationMs: 300, maxCases: MANY, minPerWorker: 1 },
      measure: { durationMs: 1500, maxCases: MANY, minPerWorker: 1 },
      open: open(1, 30_000),
      fanOut: { subscribers: 250, sockets: 10, answers: 1 },
      idleSockets: 200,
      startUpRuns: 1,
    };
  return {
    ...base,
    levels: levels([1, 10, 100]),
    warmup: { durationMs: 2000, maxCases: MANY, minPerWorker: 1 },
    measure: { durationMs: 10_000, maxCases: MANY, minPerWorker: 1 },
    open: open(10, 120_000),
    fanOut: { subscribers: 1000, sockets: 20, answers: 3 },
    idleSockets: 500,
    startUpRuns: 3,
  };
}
