import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

const base = (t: TestApp) => t.running.url.replace(/\/graphql$/, '');

/** A stand-in web app build: an index.html, a hashed asset and a plain file. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crewdesk-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>crewdesk</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets/app-3f2a1b.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('HTTP routes', () => {
  let t: TestApp;
  let web: string;
  beforeAll(async () => {
    web = fakeBuild();
    t = await startTestApp({}, { webDir: web });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves the web app on its own routes and files', async () => {
    for (const path of ['/', '/index.html', '/operator', '/?pageSize=3']) {
      const res = await fetch(`${base(t)}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(await res.text()).toContain('<div id="root">');
    }
    const asset = await fetch(`${base(t)}/assets/app-3f2a1b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("app")');
    expect((await fetch(`${base(t)}/favicon.svg`)).status).toBe(200);
  });

  it('answers 404 with JSON, never the app, when the path is unknown', async () => {
    for (const path of ['/readyz', '/nope', '/assets/missing.js', '/operator/x', '/graphql-x', '/.env']) {
      const res = await fetch(`${base(t)}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/application\/json/);
      expect(await res.json()).toEqual({ error: 'not found' });
    }
    const post = await fetch(`${base(t)}/nope`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
    expect(await post.json()).toEqual({ error: 'not found' });
  });

  it('keeps /health and /graphql answering when the web app is served', async () => {
    const health = await fetch(`${base(t)}/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).not.toContain('<div id="root">');
    expect((await t.gql('{ health }')).data).toEqual({ health: 'ok' });
  });

  it('answers 404 for every page when there is no web app build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'crewdesk-noweb-'));
    const bare = await startTestApp({}, { webDir: empty });
    try {
      const res = await fetch(`${base(bare)}/`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not found' });
      expect((await fetch(`${base(bare)}/health`)).status).toBe(200);
    } finally {
      await bare.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('x-request-id', () => {
  let t: TestApp;
  let logFile: string;
  beforeAll(async () => {
    logFile = join(mkdtempSync(join(tmpdir(), 'crewdesk-log-')), 'crewdesk.log');
    t = await startTestApp({ LOG_FILE: logFile, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const post = (headers: Record<string, string> = {}) =>
    fetch(t.running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: 'query Ping { health }' }),
    });

  it('returns the id the log lines carry when the caller sent none', async () => {
    const res = await post();
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 300));
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { requestId?: string; msg?: string; operation?: string });
    expect(lines.find((l) => l.requestId === id)).toMatchObject({ msg: 'graphql operation', operation: 'Ping' });
  });

  it('reuses a valid incoming id and replaces an invalid one', async () => {
    const valid = `trace.${'a'.repeat(100)}_-1`;
    expect((await post({ 'x-request-id': valid })).headers.get('x-request-id')).toBe(valid);
    expect((await post({ 'x-request-id': 'abc' })).headers.get('x-request-id')).toBe('abc');
    for (const bad of ['a'.repeat(129), 'has space', 'semi;colon', '%C3%BC', '']) {
      const got = (await post({ 'x-request-id': bad })).headers.get('x-request-id');
      expect(got, bad).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('comes back on 404s too', async () => {
    const res = await fetch(`${base(t)}/nope`, { headers: { 'x-request-id': 'lb-42' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('lb-42');
  });
});
