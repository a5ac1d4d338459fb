import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenService, TokenError } from '../../server/auth/tokens.js';
import { startTestApp, tokenFor } from '../helpers/app.js';

/** An identity provider's key: its private half signs, its public JWK is published. */
async function providerKey(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const sign = (claims: Record<string, unknown>, ttlSec = 600) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSec)
      .sign(privateKey);
  return { jwk, sign };
}

describe('JWT_JWKS_URL', () => {
  let server: Server;
  let url: string;
  let published: JWK[] = [];
  let fetches = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies tokens with the published key and follows a key rotation', async () => {
    const first = await providerKey('k1');
    const second = await providerKey('k2');
    published = [first.jwk];
    const tokens = createTokenService({
      algorithms: ['HS256'],
      verifyKey: 'local-secret-0123456789-0123456789',
      signingKey: 'local-secret-0123456789-0123456789',
      clockToleranceSec: 0,
      jwks: { url, algorithms: ['RS256'], cooldownMs: 0 },
    });
    expect(await tokens.verify(await first.sign({ sub: 'sso-1', role: 'operator' }))).toMatchObject({
      sub: 'sso-1',
      role: 'operator',
    });
    // The provider rotates: the new kid is unknown, so the set is fetched again.
    const before = fetches;
    published = [second.jwk];
    expect((await tokens.verify(await second.sign({ sub: 'sso-2', role: 'customer' }))).sub).toBe('sso-2');
    expect(fetches).toBeGreaterThan(before);
    // A token signed by a key that is no longer published, and an expired one, are refused.
    await expect(tokens.verify(await first.sign({ sub: 'sso-1', role: 'operator' }))).rejects.toThrow(TokenError);
    await expect(tokens.verify(await second.sign({ sub: 'x', role: 'customer' }, -60))).rejects.toMatchObject({
      reason: 'expired',
    });
    // Bad claims from the provider are refused like local ones; the local secret still works.
    await expect(tokens.verify(await second.sign({ sub: 'x', role: 'root' }))).rejects.toThrow(/claims/);
    const local = tokens.sign({ sub: 'guest-1', role: 'customer' }, 60).token;
    expect((await tokens.verify(local)).sub).toBe('guest-1');
  });

  it('lets the desk accept identity-provider tokens over HTTP and keeps its own HS256 tokens', async () => {
    const key = await providerKey('app-k1');
    published = [key.jwk];
    const t = await startTestApp({ JWT_JWKS_URL: url, JWT_ALGORITHMS: 'HS256,RS256' });
    try {
      const me = '{ me { id role } }';
      const sso = await t.gql(
        me,
        {},
        { authorization: `Bearer ${await key.sign({ sub: 'op-sso', role: 'operator' })}` },
      );
      expect(sso.errors).toBeUndefined();
      expect(sso.data.me).toEqual({ id: 'op-sso', role: 'operator' });
      const own = await t.gql(me, {}, { authorization: `Bearer ${tokenFor('cust-ava')}` });
      expect(own.data.me.id).toBe('cust-ava');
      const stranger = await providerKey('app-k1');
      const forged = await t.gql(
        me,
        {},
        { authorization: `Bearer ${await stranger.sign({ sub: 'x', role: 'admin' })}` },
      );
      expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await t.stop();
    }
  });
});
