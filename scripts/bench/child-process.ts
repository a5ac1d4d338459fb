/**
 * The parent side: forks the bench's servers as children with an IPC channel, sends them
 * requests, and makes sure none outlives the bench (normal end, error, Ctrl-C or SIGTERM).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ROOT_DIR } from '../../server/config.js';
import type { ChildMessage, ChildRequest, Usage } from './child-runtime.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const STOP_GRACE_MS = 10_000;
/** Log lines a child may print to the bench's stderr (the rest are only counted). */
const MAX_FORWARDED_LINES = 20;

/** Processes and temporary folders to remove when the bench ends, however it ends. */
const live = new Set<ChildProcess>();
const groups = new Set<number>();
const folders = new Set<string>();

function killEverything(): void {
  for (const child of live) child.kill('SIGKILL');
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}

let installed = false;
/** Kills every child and removes every temporary folder on exit, Ctrl-C, SIGTERM and uncaught errors. */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killEverything);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping every child`);
      process.exit(code);
    });
  }
  process.on('uncaughtException', (err) => {
    console.error('bench: uncaught', err);
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error('bench: unhandled rejection', err);
    process.exit(1);
  });
}

/** A temporary folder that is removed when the bench ends. */
export function trackFolder(dir: string): string {
  folders.add(dir);
  return dir;
}

/** A detached process (its own process group) that is killed, group and all, when the bench ends. */
export function trackProcessGroup(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  groups.add(pid);
  child.once('exit', () => groups.delete(pid));
}

/** Warnings and errors a child logged (pino JSON lines at level 40 and above, or any non-JSON line). */
interface ChildLogs {
  warnings: number;
  errors: number;
  /** The first lines, as printed. */
  firstLines: string[];
}

/** A running child. */
export interface BenchChild {
  readonly name: string;
  readonly pid: number;
  readonly logs: ChildLogs;
  request<T>(cmd: string, args?: unknown): Promise<T>;
  usage(): Promise<Usage>;
  /** Asks the child to stop (its `stop` command), then kills it if it has not gone in time. */
  stop(): Promise<void>;
}

/** Forks `scripts/bench/<file>` under tsx with --expose-gc and waits for its `ready` notice. */
export function forkChild(name: string, file: string): Promise<BenchChild> {
  const child = fork(join(HERE, file), [], {
    cwd: ROOT_DIR,
    // BENCH_CHILD_NODE_ARGS adds node flags to every child (e.g. --cpu-prof to profile the servers).
    execArgv: [
      '--expose-gc',
      '--import',
      'tsx',
      ...(process.env.BENCH_CHILD_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
    ],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  live.add(child);
  const logs: ChildLogs = { warnings: 0, errors: 0, firstLines: [] };
  const note = (line: string) => {
    if (logs.firstLines.length >= MAX_FORWARDED_LINES) return;
    logs.firstLines.push(line);
    console.error(`[${name}] ${line}`);
  };
  // Servers log JSON lines (pino) to stdout: count what is worth a look, print the first ones.
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      let level = 50;
      try {
        level = Number((JSON.parse(line) as { level?: number }).level ?? 30);
      } catch {
        // not a log line: show it
      }
      if (level >= 50) logs.errors++;
      else if (level >= 40) logs.warnings++;
      else return;
      note(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    });
  }
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; cmd: string }>();
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      for (const p of pending.values()) p.reject(new Error(`${name} exited (${signal ?? code}) during ${p.cmd}`));
      pending.clear();
      resolve();
    });
  });
  const handle: BenchChild = {
    name,
    pid: child.pid ?? -1,
    logs,
    request<T>(cmd: string, args?: unknown) {
      return new Promise<T>((res, rej) => {
        const id = nextId++;
        pending.set(id, { resolve: res as (v: unknown) => void, reject: rej, cmd });
        child.send({ id, cmd, args } satisfies ChildRequest, (err) => {
          if (!err) return;
          pending.delete(id);
          rej(err);
        });
      });
    },
    usage() {
      return handle.request<Usage>('usage');
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await handle.request('stop').catch(() => child.kill('SIGKILL'));
      await exited;
      clearTimeout(timer);
    },
  };
  const ready = new Promise<BenchChild>((resolve, reject) => {
    const onEarlyExit = () => reject(new Error(`${name} (${file}) exited before it was ready`));
    child.once('exit', onEarlyExit);
    child.on('message', (msg: ChildMessage) => {
      if (msg.type === 'ready') {
        child.off('exit', onEarlyExit);
        resolve(handle);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`${name} ${p.cmd}: ${msg.error}`));
    });
  });
  return ready;
}
