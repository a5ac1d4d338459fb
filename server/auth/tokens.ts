/**
 * JWT identities (jsonwebtoken): HS256 with a secret by default, RS256 with a public key when
 * configured; `alg: none` and unexpected algorithms refused; `exp` required; optional iss/aud;
 * a small clock tolerance. With a JWKS URL, tokens signed by an identity provider are verified
 * against its published keys (jose's remote key set: cached, refetched when a new `kid` appears).
 */

import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import jwt, { type Algorithm } from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

export const ROLES = ['customer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who a valid token says the caller is. */
export interface Identity {
  sub: string;
  role: Role;
  name?: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** A token that does not authenticate anyone, and why. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'expired' | 'invalid' | 'algorithm' | 'claims',
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

/** Token settings. */
export interface TokenOptions {
  algorithms: Algorithm[];
  /** HS* secret, or the PEM private key for RS* signing (optional: verification-only setups). */
  signingKey?: string;
  /** HS* secret, or the PEM public key for RS* verification. */
  verifyKey: string;
  issuer?: string;
  audience?: string;
  clockToleranceSec: number;
  /** An identity provider's key set: tokens with one of its algorithms are verified against it. */
  jwks?: { url: string; algorithms: Algorithm[]; cooldownMs?: number; timeoutMs?: number };
}

/** Verified tokens remembered (about 1 KB each). */
const VERIFIED_CACHE_SIZE = 10_000;

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(ROLES),
  name: z.string().max(100).optional(),
  exp: z.number().int(),
});

/** Signs and verifies tokens. */
export function createTokenService(opts: TokenOptions) {
  // Keys are parsed once: jsonwebtoken would otherwise build a KeyObject from the string on every call.
  const asymmetric = opts.algorithms.some((a) => !a.startsWith('HS'));
  const verifyKey: KeyObject = asymmetric
    ? createPublicKey(opts.verifyKey)
    : createSecretKey(Buffer.from(opts.verifyKey, 'utf8'));
  const signingKey: KeyObject | undefined = opts.signingKey
    ? asymmetric
      ? createPrivateKey(opts.signingKey)
      : createSecretKey(Buffer.from(opts.signingKey, 'utf8'))
    : undefined;
  const jwks = opts.jwks
    ? createRemoteJWKSet(new URL(opts.jwks.url), {
        cooldownDuration: opts.jwks.cooldownMs ?? 30_000,
        timeoutDuration: opts.jwks.timeoutMs ?? 5000,
      })
    : null;

  /** Verifies against the identity provider's keys. */
  async function verifyRemote(token: string, remote: NonNullable<typeof jwks>): Promise<unknown> {
    try {
      const { payload } = await jwtVerify(token, remote, {
        algorithms: opts.jwks?.algorithms,
        issuer: opts.issuer,
        audience: opts.audience,
        clockTolerance: opts.clockToleranceSec,
      });
      return payload;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new TokenError('token expired', 'expired');
      if (err instanceof joseErrors.JOSEAlgNotAllowed) throw new TokenError('token algorithm not allowed', 'algorithm');
      throw new TokenError(`invalid token: ${(err as Error).message}`, 'invalid');
    }
  }

  /** The algorithm a token's header names, if it is readable. */
  function algOf(token: string): string | undefined {
    try {
      return decodeProtectedHeader(token).alg;
    } catch {
      return undefined;
    }
  }

  /** Checks a token's signature and claims (no cache); `remote` when an identity provider's key set did. */
  async function verifyOnce(token: string): Promise<{ identity: Identity; remote: boolean }> {
    let decoded: unknown;
    const alg = jwks ? algOf(token) : undefined;
    const remote = Boolean(jwks && alg && opts.jwks?.algorithms.includes(alg as Algorithm));
    if (remote && jwks) decoded = await verifyRemote(token, jwks);
    else
      try {
        decoded = jwt.verify(token, verifyKey, {
          algorithms: opts.algorithms,
          issuer: opts.issuer,
          audience: opts.audience,
          clockTolerance: opts.clockToleranceSec,
        });
      } catch (err) {
        const e = err as Error;
        if (e.name === 'TokenExpiredError') throw new TokenError('token expired', 'expired');
        if (/algorithm/i.test(e.message)) throw new TokenError('token algorithm not allowed', 'algorithm');
        throw new TokenError(`invalid token: ${e.message}`, 'invalid');
      }
    const parsed = claimsSchema.safeParse(decoded);
    if (!parsed.success)
      throw new TokenError(
        `token claims are not valid (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`,
        'claims',
      );
    return { identity: parsed.data, remote };
  }

  /**
   * Tokens verified with the desk's own key before, until they expire: a customer's page sends the
   * same token with every request, and checking its signature again each time buys nothing. A
   * failed one is never kept, nor one an identity provider signed (its keys rotate: a key it stops
   * publishing must stop working at once).
   */
  const verified = new LRUCache<string, Identity>({ max: VERIFIED_CACHE_SIZE });

  return {
    /** Verifies a token and returns the identity, or throws (rejects with) a TokenError. */
    async verify(token: string): Promise<Identity> {
      const known = verified.get(token);
      if (known && (known.exp + opts.clockToleranceSec) * 1000 > Date.now()) return known;
      const { identity, remote } = await verifyOnce(token);
      if (!remote) verified.set(token, identity);
      return identity;
    },

    /** Signs a token for an identity that lives `ttlSec` seconds. */
    sign(claims: { sub: string; role: Role; name?: string }, ttlSec: number): { token: string; expiresAt: Date } {
      if (!signingKey) throw new Error('no signing key configured');
      const exp = Math.floor(Date.now() / 1000) + ttlSec;
      const token = jwt.sign({ ...claims, exp }, signingKey, {
        algorithm: opts.algorithms[0],
        ...(opts.issuer ? { issuer: opts.issuer } : {}),
        ...(opts.audience ? { audience: opts.audience } : {}),
      });
      return { token, expiresAt: new Date(exp * 1000) };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

/** The bearer token of an Authorization header value, if any. */
export function bearer(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m ? m[1] : null;
}
