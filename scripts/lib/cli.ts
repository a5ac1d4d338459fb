/**
 * The scripts' command lines (commander): `--help` on every script, and a wrong argument ends the
 * script with a clear message and exit code 2 before anything is read or written.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';

/** Exit code of a script given wrong arguments (as most Unix tools use). */
const USAGE_EXIT = 2;

/** A command whose usage errors exit with code 2 (help and version with 0). */
export function createCli(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : USAGE_EXIT);
    });
}

/** Ends the script with a usage error (message on stderr, exit code 2). */
export function usageError(command: Command, message: string): never {
  command.error(`error: ${message}`, { exitCode: USAGE_EXIT });
}

/** Parses a whole number from `min` to `max` (commander option parser). */
export function intArg(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`must be a whole number (got "${value}")`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`must be from ${min} to ${max} (got ${n})`);
    return n;
  };
}

/** Parses a number from `min` to `max` (commander option parser). */
export function numberArg(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`must be a number (got "${value}")`);
    if (n < min || n > max) throw new InvalidArgumentError(`must be from ${min} to ${max} (got ${n})`);
    return n;
  };
}

/** Accepts a path only when the file exists (commander option parser). */
export function existingFile(value: string): string {
  const path = resolve(value);
  if (!existsSync(path) || !statSync(path).isFile()) throw new InvalidArgumentError(`no such file: ${value}`);
  return path;
}
