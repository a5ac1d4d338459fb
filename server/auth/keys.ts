/**
 * Where token keys come from: JWT_SECRET (or a public key for RS256). In development without a
 * secret, one is generated on first start and kept in the data folder (ignored by git), so that
 * the server and `npm run token` agree across restarts. Production refuses to start without one.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Algorithm } from 'jsonwebtoken';
import { type Config, ConfigError } from '../config.js';
import type { TokenOptions } from './tokens.js';

const MIN_SECRET = 32;

/** Reads a PEM value given inline or as a file path. */
function pem(value: string): string {
  return value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : readFileSync(value, 'utf8');
}

/** Resolves the token options; `notice` says when a development secret was generated or reused. */
export function resolveTokenOptions(config: Config): { options: TokenOptions; notice: string | null } {
  if (!config.JWT_JWKS_URL) return resolveLocalKeys(config);
  // HS* never comes from a key set; the local secret (or JWT_PUBLIC_KEY) keeps verifying and
  // signing the desk's own tokens (guest sessions, npm run token).
  const listed = config.JWT_ALGORITHMS;
  const remote = listed.filter((a) => !a.startsWith('HS')) as Algorithm[];
  const local = config.JWT_PUBLIC_KEY ? listed : listed.filter((a) => a.startsWith('HS'));
  const resolved = resolveLocalKeys({ ...config, JWT_ALGORITHMS: local.length ? local : ['HS256'] });
  const jwks = { url: config.JWT_JWKS_URL, algorithms: remote.length ? remote : (['RS256', 'ES256'] as Algorithm[]) };
  return { ...resolved, options: { ...resolved.options, jwks } };
}

/** The local secret or key pair (JWT_SECRET, JWT_PUBLIC_KEY, or the development secret). */
function resolveLocalKeys(config: Config): { options: TokenOptions; notice: string | null } {
  const algorithms = config.JWT_ALGORITHMS as Algorithm[];
  const base = {
    algorithms,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockToleranceSec: config.JWT_CLOCK_TOLERANCE_SEC,
  };
  if (algorithms.some((a) => a.startsWith('RS') || a.startsWith('ES') || a.startsWith('PS'))) {
    if (!config.JWT_PUBLIC_KEY)
      throw new ConfigError('Invalid configuration:\n  JWT_PUBLIC_KEY: required for RS/ES/PS algorithms');
    return {
      options: {
        ...base,
        verifyKey: pem(config.JWT_PUBLIC_KEY),
        signingKey: config.JWT_PRIVATE_KEY ? pem(config.JWT_PRIVATE_KEY) : undefined,
      },
      notice: null,
    };
  }
  if (config.JWT_SECRET) {
    if (config.JWT_SECRET.length < MIN_SECRET && config.NODE_ENV === 'production')
      throw new ConfigError(
        `Invalid configuration:\n  JWT_SECRET: must be at least ${MIN_SECRET} characters in production`,
      );
    return { options: { ...base, verifyKey: config.JWT_SECRET, signingKey: config.JWT_SECRET }, notice: null };
  }
  if (config.NODE_ENV === 'production')
    throw new ConfigError(
      `Invalid configuration:\n  JWT_SECRET: required in production (at least ${MIN_SECRET} random characters)`,
    );
  const file = join(config.databasePath === ':memory:' ? 'data' : dirname(config.databasePath), 'jwt-secret');
  let notice: string;
  if (existsSync(file)) {
    notice = `using the development JWT secret in ${file}`;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'));
    chmodSync(file, 0o600);
    notice = `generated a development JWT secret in ${file} (set JWT_SECRET in production)`;
  }
  const secret = readFileSync(file, 'utf8').trim();
  return { options: { ...base, verifyKey: secret, signingKey: secret }, notice };
}
