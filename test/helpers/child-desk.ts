/** A desk in a child process (test/redis/desk.child.ts), for tests that kill or SIGTERM an instance. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A started child desk. */
export interface ChildDesk {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts a desk in a child process with `env`; resolves once it serves. */
export function startChildDesk(env: Record<string, string>): Promise<ChildDesk> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('../redis/desk.child.ts', import.meta.url))],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1], port: Number(new URL(m[1]).port), exited });
    });
    child.once('exit', (code) => reject(new Error(`desk process exited with ${code} before it was ready`)));
  });
}
