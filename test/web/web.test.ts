/**
 * Browser tests of the web app: Debian's Chromium (never a downloaded one) driven by playwright-core
 * against the built app and the real API. Skipped, with a message, when Chromium is missing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { CHROMIUM_ARGS, ensureBuilt, findChromium, SCREENSHOT_DIR, serverServesWeb, serveWeb } from './serve.js';

const CHROMIUM = findChromium();
if (!CHROMIUM) {
  console.warn(
    `[test/web] Chromium not found${process.env.CHROMIUM_PATH ? ` at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : ''}: the browser tests are SKIPPED. To run them, install Debian's Chromium (\`sudo apt-get install -y chromium\`) or set CHROMIUM_PATH to a Chromium binary.`,
  );
}

const UI_TIMEOUT = 15_000;

// In CI the browser tests must run: a missing Chromium is a failure there, not a skip.
if (!CHROMIUM && process.env.CI)
  throw new Error("CI=true but Chromium was not found: .ci/run installs Debian's chromium");

describe.skipIf(!CHROMIUM)('web app in Chromium', () => {
  let api: TestApp;
  let web: { url: string; close(): Promise<void> } | null = null;
  let base: string;
  let browser: Browser;
  let customerCtx: BrowserContext;
  let operatorCtx: BrowserContext;
  let customer: Page;
  let operator: Page;
  const pageErrors: string[] = [];
  let firstCaseId = '';
  let secondCaseId = '';

  const watchErrors = (page: Page, name: string) => {
    page.on('pageerror', (err) => pageErrors.push(`${name}: ${err.message}`));
    page.on('console', (msg) => {
      // Failed HTTP responses are reported below, with their URL and body.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
        pageErrors.push(`${name} console: ${msg.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400)
        void res.text().then(
          (body) =>
            pageErrors.push(
              `${name}: HTTP ${res.status()} ${res.request().method()} ${res.url()} ${res.request().postData() ?? ''} -> ${body.slice(0, 300)}`,
            ),
          () => pageErrors.push(`${name}: HTTP ${res.status()} ${res.url()}`),
        );
    });
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const build = ensureBuilt();
    if (build.built) console.info(`[test/web] built client/web/dist in ${build.ms} ms`);
    // A small pause between streamed chunks, so the answer is seen arriving.
    // Three submits per minute per identity: the fourth shows the rate-limit countdown.
    api = await startTestApp({ STREAM_CHUNK_DELAY_MS: '15', RATE_LIMITS: JSON.stringify({ submitRequest: 3 }) });
    // WEB_TEST_PROXY=1 serves dist through the test's own proxy even when the server serves the app.
    if (serverServesWeb() && process.env.WEB_TEST_PROXY !== '1') {
      base = api.running.url.replace(/\/graphql$/, '');
    } else {
      web = await serveWeb(api.running.port);
      base = web.url;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM!, headless: true, args: CHROMIUM_ARGS });
    customerCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    operatorCtx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    customer = await customerCtx.newPage();
    operator = await operatorCtx.newPage();
    customer.setDefaultTimeout(UI_TIMEOUT);
    operator.setDefaultTimeout(UI_TIMEOUT);
    watchErrors(customer, 'customer');
    watchErrors(operator, 'operator');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.stop();
  });

  it('a guest submits a request and sees the answer stream in, with its route', async () => {
    await customer.goto(`${base}/`);
    await expect
      .poll(() => customer.getByTestId('session').textContent(), { timeout: UI_TIMEOUT })
      .toContain('Signed in as');
    expect(await customer.evaluate('sessionStorage.getItem("crewdesk.customerToken")')).toMatch(/^ey/);

    const request = 'Hi, I was charged twice for my last invoice and I want a refund please';
    await customer.getByLabel('Your message').fill(request);
    expect(await customer.getByTestId('message-count').textContent()).toBe(`${request.length} / 4000`);
    // Ctrl+Enter submits.
    await customer.getByLabel('Your message').press('Control+Enter');

    // The answer arrives while it is written, then completes.
    const streaming = customer.locator(
      '[data-testid=message][data-author=AGENT][data-status=STREAMING] [data-testid=answer-text]',
    );
    await streaming.first().waitFor();
    const partial = (await streaming.first().textContent()) ?? '';
    const done = customer.locator(
      '[data-testid=message][data-author=AGENT][data-status=COMPLETE] [data-testid=answer-text]',
    );
    await done.first().waitFor();
    const full = (await done.first().textContent()) ?? '';
    expect(full.length).toBeGreaterThan(20);
    expect(full.length).toBeGreaterThan(partial.replace(/…$/, '').length);

    // The agent's name, but none of the desk's internals (confidence, routing, the case UUID).
    expect(await customer.getByTestId('case-agent').textContent()).toMatch(/billing/i);
    expect(await customer.getByTestId('case-confidence').count()).toBe(0);
    expect(await customer.getByTestId('case-ref').textContent()).toMatch(/^#[0-9A-F]{8}$/);
    firstCaseId = (await customer.getByTestId('conversation').getAttribute('data-case-id')) ?? '';
    expect(await customer.getByTestId('conversation').textContent()).not.toContain(firstCaseId);
    expect(firstCaseId).not.toBe('');
    // The past-cases list has it.
    await customer.locator(`[data-testid=case-item][data-case-id="${firstCaseId}"]`).waitFor();
    await customer.screenshot({ path: join(SCREENSHOT_DIR, 'customer.png'), fullPage: true });
  });

  it('the operator dashboard shows a new case live, without a reload', async () => {
    await operator.goto(`${base}/#/operator`);
    await operator.getByLabel('Operator token').fill(tokenFor('maria', 'operator'));
    await operator.getByTestId('operator-signin').click();
    await expect.poll(() => operator.getByTestId('live-indicator').textContent(), { timeout: UI_TIMEOUT }).toBe('Live');
    await operator.locator(`[data-testid=case-row][data-case-id="${firstCaseId}"]`).waitFor();
    await operator.evaluate('window.__sameDocument = 42');
    // Let the deskEvents subscription settle on the server before the new case is created.
    await operator.waitForTimeout(500);

    await customer.getByTestId('new-request').click();
    await customer.getByLabel('Request type').selectOption('TECHNICAL');
    await customer
      .getByLabel('Your message')
      .fill('My wifi keeps dropping every evening, the hub light is blinking orange');
    await customer.getByTestId('submit').click();
    // The id is empty between "New request" and the stored case: wait for the new one itself.
    await expect
      .poll(
        async () => {
          // Empty between "New request" and the stored case: wait for the new case's own id.
          const id = (await customer.getByTestId('conversation').getAttribute('data-case-id')) ?? '';
          return id !== '' && id !== firstCaseId;
        },
        { timeout: UI_TIMEOUT },
      )
      .toBe(true);
    secondCaseId = (await customer.getByTestId('conversation').getAttribute('data-case-id')) ?? '';
    expect(secondCaseId).not.toBe('');

    const row = operator.locator(`[data-testid=case-row][data-case-id="${secondCaseId}"]`);
    await row.waitFor();
    await expect.poll(() => row.getByTestId('case-row-route').textContent(), { timeout: UI_TIMEOUT }).toBe('Technical');
    expect(await operator.evaluate('window.__sameDocument')).toBe(42);
    // The agents tab (same document): the charts and agent cards follow; the technical agent has handled the case.
    await operator.getByTestId('tab-agents').click();
    await operator.getByTestId('agent-card-billing').waitFor();
    await expect
      .poll(() => operator.getByTestId('agent-card-technical').getByTestId('agent-handled').textContent(), {
        timeout: UI_TIMEOUT,
      })
      .toBe('1');
    // The charts are uPlot canvases; their figures are in the plot's aria-label, and they follow live.
    await expect
      .poll(() => operator.getByTestId('chart-routing-plot').getAttribute('aria-label'), { timeout: UI_TIMEOUT })
      .toMatch(/Technical: Cases 1/);
    expect(await operator.getByTestId('chart-routing').locator('canvas').count()).toBeGreaterThan(0);
    expect(await operator.getByTestId('chart-times').locator('canvas').count()).toBeGreaterThan(0);
    await expect
      .poll(() => operator.getByTestId('chart-times-plot').getAttribute('aria-label'), { timeout: UI_TIMEOUT })
      .toMatch(/Technical: First token \d/);
    expect(await operator.evaluate('window.__sameDocument')).toBe(42);
    await operator.getByTestId('tab-inbox').click();
  });

  it('the operator takes over and replies, and the customer sees the reply', async () => {
    // Let the answer finish first so the panel shows the whole case.
    await customer.locator('[data-testid=message][data-author=AGENT][data-status=COMPLETE]').first().waitFor();
    await operator.locator(`[data-testid=case-row][data-case-id="${secondCaseId}"] [data-testid=case-open]`).click();
    const panel = operator.getByTestId('case-panel');
    await panel.locator('[data-testid=message][data-author=AGENT][data-status=COMPLETE]').first().waitFor();

    await panel.getByTestId('take-over').click();
    await expect.poll(() => panel.getByTestId('panel-assignee').textContent(), { timeout: UI_TIMEOUT }).toBe('maria');
    await panel.getByLabel('Priority', { exact: true }).selectOption('HIGH');
    await expect.poll(() => panel.getByTestId('panel-priority').textContent(), { timeout: UI_TIMEOUT }).toBe('High');

    const reply = 'Hello, this is Maria from Brightwave. I have restarted your line from our side.';
    await panel.getByLabel(/Reply as operator/).fill(reply);
    await panel.getByTestId('reply-send').click();
    await expect
      .poll(() => customer.getByTestId('operator-reply').last().textContent(), { timeout: UI_TIMEOUT })
      .toBe(reply);
    await operator.screenshot({ path: join(SCREENSHOT_DIR, 'operator.png'), fullPage: true });

    await panel.getByTestId('resolve').click();
    await expect
      .poll(() => customer.getByTestId('case-status').textContent(), { timeout: UI_TIMEOUT })
      .toBe('Resolved');
    await customer.screenshot({ path: join(SCREENSHOT_DIR, 'customer-reply.png'), fullPage: true });
  });

  it('an emergency raises an alert on the dashboard', async () => {
    await customer.getByTestId('new-request').click();
    expect(await customer.getByLabel('Request type').inputValue()).toBe('AUTO');
    await customer.getByLabel('Your message').fill('Help, the hub is smoking and smells of burning!');
    await customer.getByLabel('Your message').press('Control+Enter');
    // The new case's id: neither the previous case's nor the empty one shown while it is submitted.
    const newCaseId = async () => {
      const id = (await customer.getByTestId('conversation').getAttribute('data-case-id')) ?? '';
      return id && id !== secondCaseId ? id : '';
    };
    await expect.poll(newCaseId, { timeout: UI_TIMEOUT }).not.toBe('');
    const emergencyCaseId = await newCaseId();

    const alert = operator.locator(`[role=alert][data-testid=emergency-alert][data-case-id="${emergencyCaseId}"]`);
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Emergency/);
    // It reaches the escalation route, at urgent priority, flagged as an emergency.
    const row = operator.locator(`[data-testid=case-row][data-case-id="${emergencyCaseId}"]`);
    await expect
      .poll(() => row.getByTestId('case-row-route').textContent(), { timeout: UI_TIMEOUT })
      .toBe('Escalation');
    await expect.poll(() => row.getByTestId('case-row-priority').textContent(), { timeout: UI_TIMEOUT }).toBe('Urgent');
    expect(await row.getByTestId('case-row-emergency').textContent()).toBe('Yes');
    await alert.getByTestId('alert-open').click();
    await expect
      .poll(() => operator.getByTestId('case-panel').getAttribute('data-case-id'), { timeout: UI_TIMEOUT })
      .toBe(emergencyCaseId);
    await operator.screenshot({ path: join(SCREENSHOT_DIR, 'operator-emergency.png'), fullPage: true });
    await customer.screenshot({ path: join(SCREENSHOT_DIR, 'customer-emergency.png'), fullPage: true });
  });

  it('a rate-limited submit says so and counts down', async () => {
    await customer.getByTestId('new-request').click();
    await customer.getByLabel('Your message').fill('One more question about my bill');
    await customer.getByTestId('submit').click();
    const error = customer.getByTestId('submit-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Too many requests/);
    expect(await customer.getByTestId('retry-countdown').textContent()).toMatch(/try again in \d+ s/);
    expect(await customer.getByTestId('submit').isDisabled()).toBe(true);
    await customer.screenshot({ path: join(SCREENSHOT_DIR, 'customer-rate-limited.png'), fullPage: true });
  });

  it('the case list pages with "Load more", keeps following live, and filters start again from page one', async () => {
    // More cases than one page of 3, each from its own customer (the submit rate limit is per identity).
    for (let i = 1; i <= 4; i++) {
      const res = await api.gql(
        'mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }',
        { input: { message: `Paging test question number ${i} about my account`, requestType: 'GENERAL' } },
        { 'x-customer-id': `cust-paging-${i}` },
      );
      expect(res.errors).toBeUndefined();
    }
    const countCases = async () =>
      (
        await api.gql<{ cases: { totalCount: number } }>(
          '{ cases(first: 1) { totalCount } }',
          {},
          { 'x-operator-id': 'maria' },
        )
      ).data!.cases.totalCount;
    const total = await countCases();
    expect(total).toBeGreaterThan(6);

    const page = await operatorCtx.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    watchErrors(page, 'operator-paging');
    await page.goto(`${base}/?pageSize=3#/operator`);
    await page.getByLabel('Operator token').fill(tokenFor('maria', 'operator'));
    await page.getByTestId('operator-signin').click();
    await expect.poll(() => page.getByTestId('live-indicator').textContent(), { timeout: UI_TIMEOUT }).toBe('Live');
    const rows = page.getByTestId('case-row');
    const loadMore = page.getByTestId('cases-load-more');
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(3);
    await loadMore.waitFor();
    expect(await page.getByTestId('cases-shown').textContent()).toBe(`Showing 3 of ${total}`);

    // Each click appends the next page; the button goes once the last page is in.
    await loadMore.click();
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(6);
    while (await loadMore.isVisible()) {
      const before = await rows.count();
      await loadMore.click();
      await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(before);
    }
    expect(await rows.count()).toBe(total);
    const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-case-id')));
    expect(new Set(ids).size).toBe(total);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'operator-paging.png'), fullPage: true });

    // A new case arrives live on top, and the pages already loaded stay loaded.
    const res = await api.gql(
      'mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }',
      { input: { message: 'Paging test: one more question while the list is open', requestType: 'GENERAL' } },
      { 'x-customer-id': 'cust-paging-5' },
    );
    const newId = res.data.submitRequest.case.id as string;
    await expect.poll(() => rows.first().getAttribute('data-case-id'), { timeout: UI_TIMEOUT }).toBe(newId);
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(Math.min(total + 1, Math.ceil(total / 3) * 3));

    // A filter starts from the first page again, and so does going back to "Any".
    await page.getByTestId('filter-route').selectOption('GENERAL');
    await expect
      .poll(
        () => rows.evaluateAll((els) => els.map((el) => el.querySelector('[data-testid=case-row-route]')?.textContent)),
        { timeout: UI_TIMEOUT },
      )
      .toEqual(['General', 'General', 'General']);
    await loadMore.waitFor();
    await page.getByTestId('filter-route').selectOption('');
    await expect
      .poll(() => page.getByTestId('cases-shown').textContent(), { timeout: UI_TIMEOUT })
      .toBe(`Showing 3 of ${total + 1}`);
    expect(await rows.count()).toBe(3);

    // Emergency = Yes keeps the table (it used to blank the page) and shows only emergencies.
    await page.getByTestId('filter-emergency').selectOption('yes');
    await expect
      .poll(
        () =>
          rows.evaluateAll((els) => els.map((el) => el.querySelector('[data-testid=case-row-emergency]')?.textContent)),
        { timeout: UI_TIMEOUT },
      )
      .toEqual(expect.arrayContaining(['Yes']));
    expect(
      new Set(
        await rows.evaluateAll((els) =>
          els.map((el) => el.querySelector('[data-testid=case-row-emergency]')?.textContent),
        ),
      ),
    ).toEqual(new Set(['Yes']));
    expect(await page.getByTestId('cases-table').isVisible()).toBe(true);
    expect(await page.getByTestId('page-error').count()).toBe(0);
    await page.getByTestId('filter-emergency').selectOption('no');
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await page.close();
  });

  it('the pages raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
