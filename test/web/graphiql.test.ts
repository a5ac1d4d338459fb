/**
 * crewdesk's GraphiQL in Chromium with the network blocked except the desk: it loads from the desk
 * alone, runs the README's mutation with a token in the headers editor, then the stream tab's
 * subscription over graphql-ws, and the Stream panel shows every token as it arrives. Also the
 * REST API's reference page at /docs, offline too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { CHROMIUM_ARGS, findChromium, SCREENSHOT_DIR } from './serve.js';

const CHROMIUM = findChromium();
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const GRAPHIQL_DIR = join(ROOT, 'client/graphiql');
const UI_TIMEOUT = 20_000;

if (!CHROMIUM && process.env.CI)
  throw new Error("CI=true but Chromium was not found: .ci/run installs Debian's chromium");

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path)
    .filter((e) => e !== 'dist' && e !== 'node_modules')
    .reduce((t, e) => Math.max(t, newest(join(path, e))), st.mtimeMs);
}

/** Builds client/graphiql/dist unless it is newer than its sources. */
function ensureGraphiqlBuilt(): void {
  const index = join(GRAPHIQL_DIR, 'dist/index.html');
  const sources = Math.max(newest(GRAPHIQL_DIR), statSync(join(ROOT, 'package-lock.json')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '--config', join(GRAPHIQL_DIR, 'vite.config.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`GraphiQL build failed:\n${res.stdout}\n${res.stderr}`);
}

/** Replaces the text of the headers or variables editor (insertText: no auto-closed brackets). */
async function setEditor(page: Page, editor: 'headers' | 'variables', text: string): Promise<void> {
  await page.locator(`.monaco-editor[data-uri$="-${editor}.json"]`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** The text a Monaco editor shows (its spaces are non-breaking). */
async function editorText(page: Page, selector: string): Promise<string> {
  return ((await page.locator(`${selector} .view-lines`).first().textContent()) ?? '').replace(/\u00a0/g, ' ');
}

describe.skipIf(!CHROMIUM)('GraphiQL in Chromium, offline', () => {
  let api: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    ensureGraphiqlBuilt();
    // A pause between streamed chunks, so the tokens are seen arriving one by one.
    api = await startTestApp({ STREAM_CHUNK_DELAY_MS: '25' });
    base = api.running.url.replace(/\/graphql$/, '');
    browser = await chromium.launch({ executablePath: CHROMIUM!, headless: true, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // No internet: every request that is not to the desk is aborted (and remembered).
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      blocked.push(url.href);
      return route.abort('internetdisconnected');
    });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('loads, submits the README’s request and streams the case’s tokens into the Stream panel', async () => {
    const res = await page.goto(`${base}/graphql`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('Welcome to crewdesk');
    const token = tokenFor('cust-ava');

    // Tab 1: the mutation, with the token in the headers editor.
    await page.getByRole('button', { name: 'Headers' }).click();
    await setEditor(page, 'headers', `{"Authorization": "Bearer ${token}"}`);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: UI_TIMEOUT }).toMatch(/"status"/);
    const text = await editorText(page, '.graphiql-response');
    expect(text).not.toMatch(/errors/);
    const caseId = /"id":\s*"([^"]+)"/.exec(text)?.[1];
    expect(caseId).toBeTruthy();

    // Tab 2: the subscription, with the case id in Variables and the token in Headers.
    await page.locator('.graphiql-tab', { hasText: 'Watch' }).click();
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('caseEvents');
    await page.getByRole('button', { name: 'Variables' }).click();
    await setEditor(page, 'variables', `{"caseId": "${caseId}"}`);
    await page.getByRole('button', { name: 'Headers' }).click();
    await setEditor(page, 'headers', `{"Authorization": "Bearer ${token}"}`);
    await page.locator('.graphiql-execute-button').click();

    // Every event is listed, one by one: the result pane shows only the latest.
    const events = page.locator('.crewdesk-stream-event');
    await expect
      .poll(() => page.locator('.crewdesk-stream-event', { hasText: 'MessageCompleted' }).count(), {
        timeout: UI_TIMEOUT,
      })
      .toBe(1);
    const all = await events.allTextContents();
    expect(await page.getByTestId('stream-count').textContent()).toBe(`${all.length} events`);
    expect(all.filter((e) => / TokenDelta /.test(e)).length).toBeGreaterThan(3);
    expect(all.some((e) => / CaseRouted /.test(e))).toBe(true);

    // The panel's answer is every token joined: the stored answer, word for word.
    const stored = await api.gql(
      'query($id: ID!) { case(id: $id) { messages { authorKind content } } }',
      { id: caseId },
      { 'x-customer-id': 'cust-ava' },
    );
    const answer = stored.data.case.messages.find((m: { authorKind: string }) => m.authorKind === 'AGENT').content;
    expect(await page.getByTestId('stream-answer').textContent()).toBe(answer);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'graphiql-stream.png') });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('shows the REST API’s reference at /docs with no request leaving the desk', async () => {
    await page.goto(`${base}/docs`);
    await expect.poll(() => page.locator('.swagger-ui .title').first().textContent()).toContain('crewdesk REST API');
    await expect.poll(() => page.locator('.opblock-summary-path', { hasText: '/support/request' }).count()).toBe(1);
    expect(await page.locator('.opblock-summary-path').count()).toBe(6);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'rest-docs.png'), fullPage: true });
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
