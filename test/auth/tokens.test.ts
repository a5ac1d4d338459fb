import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { createTokenService, TokenError } from '../../server/auth/tokens.js';

const SECRET = 'unit-test-secret-0123456789-0123456789';

describe('token service', () => {
  const hs = createTokenService({
    algorithms: ['HS256'],
    verifyKey: SECRET,
    signingKey: SECRET,
    clockToleranceSec: 5,
    issuer: 'crewdesk',
    audience: 'desk',
  });

  it('signs and verifies an HS256 token with its claims', async () => {
    const { token, expiresAt } = hs.sign({ sub: 'cust-ava', role: 'customer', name: 'Ava' }, 600);
    const id = await hs.verify(token);
    expect(id).toMatchObject({ sub: 'cust-ava', role: 'customer', name: 'Ava' });
    expect(id.exp * 1000).toBe(expiresAt.getTime());
  });

  it('refuses a token from another issuer or audience', async () => {
    const other = jwt.sign({ sub: 'x', role: 'customer', exp: Math.floor(Date.now() / 1000) + 60 }, SECRET, {
      issuer: 'someone-else',
      audience: 'desk',
    });
    await expect(hs.verify(other)).rejects.toThrow(TokenError);
  });

  it('accepts a token expired within the clock tolerance and refuses one beyond it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const justExpired = jwt.sign({ sub: 'x', role: 'customer', exp: now - 2 }, SECRET, {
      issuer: 'crewdesk',
      audience: 'desk',
    });
    expect((await hs.verify(justExpired)).sub).toBe('x');
    const expired = jwt.sign({ sub: 'x', role: 'customer', exp: now - 60 }, SECRET, {
      issuer: 'crewdesk',
      audience: 'desk',
    });
    await expect(hs.verify(expired)).rejects.toThrow(/expired/);
  });

  it('remembers a verified token only until it expires, and never a refused one', async () => {
    const now = Math.floor(Date.now() / 1000);
    // Valid for one more second, plus the 5 s tolerance: verified, then remembered, then refused once past.
    const short = jwt.sign({ sub: 'brief', role: 'customer', exp: now - 4 }, SECRET, {
      issuer: 'crewdesk',
      audience: 'desk',
    });
    expect((await hs.verify(short)).sub).toBe('brief');
    expect((await hs.verify(short)).sub).toBe('brief');
    await new Promise((r) => setTimeout(r, 2100));
    await expect(hs.verify(short)).rejects.toThrow(/expired/);
    // A tampered token fails every time (a failure is not remembered as anything).
    const { token } = hs.sign({ sub: 'cust-ava', role: 'customer' }, 600);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(hs.verify(tampered)).rejects.toThrow(TokenError);
    await expect(hs.verify(tampered)).rejects.toThrow(TokenError);
    expect((await hs.verify(token)).sub).toBe('cust-ava');
  });

  it('verifies RS256 tokens with a public key and refuses an HS256 token made with that public key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const rs = createTokenService({
      algorithms: ['RS256'],
      verifyKey: publicKey,
      signingKey: privateKey,
      clockToleranceSec: 0,
    });
    const { token } = rs.sign({ sub: 'maria', role: 'operator' }, 60);
    expect(jwt.decode(token, { complete: true })?.header.alg).toBe('RS256');
    expect((await rs.verify(token)).role).toBe('operator');
    // The classic key-confusion attack: sign HS256 with the public key as the secret.
    const forged = jwt.sign({ sub: 'maria', role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 }, 'not-the-key', {
      algorithm: 'HS256',
    });
    await expect(rs.verify(forged)).rejects.toThrow(TokenError);
  });

  it('refuses alg none and tokens with bad claims', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 })}.`;
    await expect(hs.verify(none)).rejects.toThrow(TokenError);
    const noExp = jwt.sign({ sub: 'x', role: 'customer' }, SECRET, { issuer: 'crewdesk', audience: 'desk' });
    await expect(hs.verify(noExp)).rejects.toThrow(/claims/);
    const badRole = jwt.sign({ sub: 'x', role: 'root', exp: Math.floor(Date.now() / 1000) + 60 }, SECRET, {
      issuer: 'crewdesk',
      audience: 'desk',
    });
    await expect(hs.verify(badRole)).rejects.toThrow(/claims/);
  });
});
