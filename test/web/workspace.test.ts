/**
 * The operator workspace's desk tools in Chromium against the real API: an internal note, a
 * label, the assignee picker from the operator list and a canned reply with its actions.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { CHROMIUM_ARGS, ensureBuilt, findChromium, SCREENSHOT_DIR, serverServesWeb, serveWeb } from './serve.js';

const CHROMIUM = findChromium();
const UI_TIMEOUT = 15_000;

describe.skipIf(!CHROMIUM)('operator workspace in Chromium', () => {
  let api: TestApp;
  let web: { url: string; close(): Promise<void> } | null = null;
  let base: string;
  let browser: Browser;
  let operator: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    ensureBuilt();
    api = await startTestApp();
    if (serverServesWeb() && process.env.WEB_TEST_PROXY !== '1') base = api.running.url.replace(/\/graphql$/, '');
    else {
      web = await serveWeb(api.running.port);
      base = web.url;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM!, headless: true, args: CHROMIUM_ARGS });
    operator = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    operator.setDefaultTimeout(UI_TIMEOUT);
    operator.on('pageerror', (err) => pageErrors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.stop();
  });

  it('adds a note and a label, assigns from the operator list and sends a canned reply', async () => {
    const submitted = await api.gql(
      `mutation { submitRequest(input: { message: "My hub restarts every few minutes." }) { case { id } } }`,
    );
    const caseId = submitted.data.submitRequest.case.id as string;

    await operator.goto(`${base}/#/operator`);
    await operator.getByLabel('Operator token').fill(tokenFor('maria', 'operator'));
    await operator.getByTestId('operator-signin').click();
    await operator.locator(`[data-testid=case-row][data-case-id="${caseId}"] [data-testid=case-open]`).click();
    const panel = operator.getByTestId('case-panel');
    await panel.getByTestId('case-tools').waitFor();

    await panel.getByTestId('note-input').fill('Customer is a beta tester, firmware 4.2');
    await panel.getByTestId('note-add').click();
    await expect
      .poll(() => panel.getByTestId('note-body').allTextContents(), { timeout: UI_TIMEOUT })
      .toEqual(['Customer is a beta tester, firmware 4.2']);

    await panel.getByTestId('label-select').selectOption('bug');
    await panel.getByTestId('label-add').click();
    await panel.locator('[data-testid=case-label][data-label=bug]').waitFor();

    const options = await panel.getByTestId('assignee-select').locator('option').allTextContents();
    expect(options.some((o) => o.startsWith('Sam Okafor'))).toBe(true);
    await panel.getByTestId('assignee-select').selectOption('sam');
    await panel.getByTestId('assign').click();
    await expect.poll(() => panel.getByTestId('panel-assignee').textContent(), { timeout: UI_TIMEOUT }).toBe('sam');

    await panel.getByTestId('canned-select').selectOption({ label: 'Closing' });
    await panel.getByTestId('canned-apply').click();
    await expect
      .poll(
        async () => (await api.gql(`query($id: ID!) { case(id: $id) { status } }`, { id: caseId })).data.case.status,
        {
          timeout: UI_TIMEOUT,
        },
      )
      .toBe('RESOLVED');
    await panel.locator('[data-testid=message][data-author=OPERATOR]').last().waitFor();
    expect(await panel.locator('[data-testid=message][data-author=OPERATOR]').last().textContent()).toContain(
      'Glad we could help, Ava Thompson!',
    );
    await operator.screenshot({ path: join(SCREENSHOT_DIR, 'workspace-tools.png'), fullPage: true });

    // The customer sees the reply but never the note.
    const mine = await api.gql(`query($id: ID!) { case(id: $id) { messages { content } } }`, { id: caseId });
    expect(JSON.stringify(mine.data)).toContain('Glad we could help');
    expect(JSON.stringify(mine.data)).not.toContain('beta tester');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
