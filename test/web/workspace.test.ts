/**
 * The operator workspace in Chromium against the real API (one desk and one browser for the file):
 * an operator works a case end to end (search, open, note, canned reply, label, assign, resolve),
 * the customer rates it and the report shows it; every filter renders; markdown in messages is
 * rendered inert; live cases and the unassigned-emergency banner. Screenshots of each pane (1280x800)
 * go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tokenFor } from '../helpers/app.js';
import { CHROMIUM_ARGS, ensureBuilt, findChromium, SCREENSHOT_DIR, serverServesWeb, serveWeb } from './serve.js';

const CHROMIUM = findChromium();
const UI_TIMEOUT = 15_000;
// The committed screenshots (docs/screenshots/) are rewritten only when asked (UPDATE_SCREENSHOTS=1), so
// that a test run leaves the work tree clean; otherwise they go next to the other test output.
const DOCS_SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../docs/screenshots')
    : join(SCREENSHOT_DIR, 'workspace');
const VIEWPORT = { width: 1280, height: 800 };

describe.skipIf(!CHROMIUM)('operator workspace in Chromium', () => {
  let api: TestApp;
  let web: { url: string; close(): Promise<void> } | null = null;
  let base: string;
  let browser: Browser;
  let operatorCtx: BrowserContext;
  let operator: Page;
  const pageErrors: string[] = [];

  const watch = (page: Page, name: string) => {
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', (err) => pageErrors.push(`${name}: ${err.message}`));
  };
  const submit = async (customer: string, message: string, extra: Record<string, unknown> = {}) => {
    const res = await api.gql(
      'mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { case { id } } }',
      { input: { message, ...extra } },
      { 'x-customer-id': customer },
    );
    expect(res.errors).toBeUndefined();
    return res.data.submitRequest.case.id as string;
  };
  const caseState = async (id: string) =>
    (
      await api.gql(
        'query($id: ID!) { case(id: $id) { status assignee labels messages { authorKind content } notes { body } } }',
        { id },
        { 'x-operator-id': 'maria' },
      )
    ).data.case;
  const waitAnswered = async (id: string) =>
    expect
      .poll(async () => (await caseState(id)).messages.some((m: { authorKind: string }) => m.authorKind === 'AGENT'), {
        timeout: UI_TIMEOUT,
      })
      .toBe(true);
  /** Back to the inbox with no search or filter (each test starts there, whatever the last one did). */
  const home = async () => {
    await operator.getByTestId('tab-inbox').click();
    await operator.getByTestId('inbox-search').fill('');
    await operator.getByTestId('view-all').click();
  };
  const row = (page: Page, id: string) => page.locator(`[data-testid=case-row][data-case-id="${id}"]`);

  beforeAll(async () => {
    mkdirSync(DOCS_SHOTS, { recursive: true });
    ensureBuilt();
    // The SLA scheduler looks often, so that a warning due in a second reaches the page in the test.
    api = await startTestApp({ SLA_POLL_MS: '200' });
    if (serverServesWeb() && process.env.WEB_TEST_PROXY !== '1') base = api.running.url.replace(/\/graphql$/, '');
    else {
      web = await serveWeb(api.running.port);
      base = web.url;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM!, headless: true, args: CHROMIUM_ARGS });
    operatorCtx = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    operator = await operatorCtx.newPage();
    watch(operator, 'operator');
    await operator.goto(`${base}/#/operator`);
    await operator.getByLabel('Operator token').fill(tokenFor('maria', 'operator', 3600, { name: 'Maria Santos' }));
    await operator.getByTestId('operator-signin').click();
    await operator.locator('[data-testid=live-indicator]', { hasText: 'Live' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.stop();
  });

  it('an operator works a case end to end, the customer rates it and the report shows it', async () => {
    const caseId = await submit('cust-ava', 'My hub restarts every few minutes since the zebrafish firmware update.', {
      requestType: 'TECHNICAL',
    });
    const other = await submit('cust-ben', 'Question about my invoice from last month please');
    await waitAnswered(caseId);
    // Both in the list first, so that one row left means the search has run.
    await row(operator, other).waitFor();
    await row(operator, caseId).waitFor();

    // Search: full text finds the one case, and Enter opens the row under the cursor.
    await operator.getByTestId('inbox-search').fill('zebrafish');
    await expect
      .poll(
        () => operator.getByTestId('case-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id'))),
        {
          timeout: UI_TIMEOUT,
        },
      )
      .toEqual([caseId]);
    expect(await row(operator, caseId).getAttribute('data-unread')).toBe('true');
    await operator.locator('body').click({ position: { x: 5, y: 5 } });
    await operator.keyboard.press('Enter');
    const panel = operator.getByTestId('case-panel');
    await expect.poll(() => panel.getAttribute('data-case-id'), { timeout: UI_TIMEOUT }).toBe(caseId);
    await panel.locator('[data-testid=message][data-author=AGENT][data-status=COMPLETE]').first().waitFor();
    await expect.poll(() => row(operator, caseId).getAttribute('data-unread')).toBe('false');
    expect(await panel.getByTestId('case-ref').textContent()).toMatch(/^#[0-9A-F]{8}$/);

    // Tool calls and routing are folded until asked for.
    expect(await panel.getByTestId('routing').count()).toBe(0);
    await panel.getByTestId('details-toggle').click();
    expect(await panel.getByTestId('case-route').textContent()).toBe('Technical');
    expect(await panel.getByTestId('case-confidence').textContent()).toMatch(/^\d+%$/);

    // An internal note, as markdown, in its own colour; never on the customer's side.
    await panel.getByTestId('mode-note').click();
    await panel.getByTestId('reply-input').fill('Customer is a **beta tester**, firmware 4.2');
    await panel.getByTestId('reply-send').click();
    await panel.locator('[data-testid=note] strong', { hasText: 'beta tester' }).waitFor();
    const noteBg = await panel.getByTestId('note').evaluate((el) => getComputedStyle(el).backgroundColor);
    const msgBg = await panel
      .locator('[data-testid=message]')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(noteBg).not.toBe(msgBg);

    // A canned reply on "/", with its variables filled in.
    await panel.getByTestId('mode-reply').click();
    await panel.getByTestId('reply-input').fill('/gree');
    await panel.getByTestId('canned-option').first().waitFor();
    expect(await panel.getByTestId('canned-option').allTextContents()).toEqual(['Greeting']);
    await panel.getByTestId('reply-input').press('Enter');
    await expect
      .poll(() => panel.getByTestId('reply-input').inputValue(), { timeout: UI_TIMEOUT })
      .toBe('Hi Ava Thompson, this is Maria Santos from Brightwave support. I am looking into this for you now.');
    await panel.getByTestId('reply-input').press('Control+Enter');
    await panel.locator('[data-testid=message][data-author=OPERATOR]', { hasText: 'Hi Ava Thompson' }).waitFor();
    await expect.poll(() => panel.getByTestId('reply-input').inputValue(), { timeout: UI_TIMEOUT }).toBe('');

    // A label, then another assignee (the team follows).
    await panel.getByTestId('label-select').selectOption('vip');
    await panel.locator('[data-testid=case-label][data-label=vip]').waitFor();
    await row(operator, caseId).locator('[data-testid=case-row-label]', { hasText: 'vip' }).waitFor();
    await panel.getByTestId('assignee-select').selectOption('sam');
    await expect.poll(() => panel.getByTestId('panel-assignee').textContent(), { timeout: UI_TIMEOUT }).toBe('sam');
    await expect.poll(() => panel.getByTestId('case-team').textContent(), { timeout: UI_TIMEOUT }).toBe('Technical');

    // The customer panel beside it.
    const cust = panel.getByTestId('customer-panel');
    await cust.waitFor();
    expect(await cust.getByTestId('customer-name').textContent()).toContain('Ava Thompson');
    expect(await cust.getByTestId('panel-invoices').count()).toBe(1);
    await operator.screenshot({ path: join(DOCS_SHOTS, 'conversation.png') });
    await cust.scrollIntoViewIfNeeded();
    await operator.screenshot({ path: join(DOCS_SHOTS, 'customer-panel.png') });

    await panel.getByTestId('resolve').click();
    await expect.poll(() => panel.getByTestId('case-status').textContent(), { timeout: UI_TIMEOUT }).toBe('Resolved');
    const stored = await caseState(caseId);
    expect(stored).toMatchObject({ status: 'RESOLVED', assignee: 'sam', labels: ['vip'] });
    expect(stored.notes.map((n: { body: string }) => n.body)).toEqual(['Customer is a **beta tester**, firmware 4.2']);

    // The customer: a chat without internals, then the rating.
    const customerCtx = await browser.newContext({ viewport: VIEWPORT });
    await customerCtx.addInitScript(
      (token) => sessionStorage.setItem('crewdesk.customerToken', token),
      tokenFor('cust-ava', 'customer'),
    );
    const customer = await customerCtx.newPage();
    watch(customer, 'customer');
    await customer.goto(`${base}/`);
    await customer.locator(`[data-testid=case-item][data-case-id="${caseId}"]`).click();
    const chat = customer.getByTestId('conversation');
    await chat.locator('[data-testid=message][data-author=OPERATOR]').waitFor();
    await expect.poll(() => chat.getByTestId('case-status').textContent(), { timeout: UI_TIMEOUT }).toBe('Resolved');
    const seen = (await chat.textContent()) ?? '';
    expect(seen).not.toContain(caseId);
    expect(seen).not.toMatch(
      /confidence|beta tester|[0-9a-f]{8}-[0-9a-f]{4}-|search_knowledge_base|get_service_status/i,
    );
    expect(await chat.getByTestId('tool-call').count()).toBe(0);
    expect(await chat.getByTestId('case-ref').textContent()).toMatch(/^#[0-9A-F]{8}$/);
    expect(await chat.locator('[data-author=AGENT] [data-testid=message-author]').first().textContent()).toMatch(
      /Technical assistant/,
    );
    expect(await chat.locator('[data-author=OPERATOR] [data-testid=message-author]').first().textContent()).toBe(
      'Maria Santos',
    );
    await customer.getByTestId('csat-prompt').waitFor();
    await customer.screenshot({ path: join(DOCS_SHOTS, 'customer-chat.png') });
    await customer.getByTestId('csat-star-4').click();
    await customer.getByTestId('csat-comment').fill('Quick and friendly');
    await customer.getByTestId('csat-submit').click();
    await customer.getByTestId('csat-thanks').waitFor();
    await customerCtx.close();

    // The rating reaches the operator's sidebar live, and the report.
    await expect
      .poll(() => panel.getByTestId('csat-score').getAttribute('data-score'), { timeout: UI_TIMEOUT })
      .toBe('4');
    await operator.getByTestId('tab-reports').click();
    const reports = operator.getByTestId('reports-page');
    await expect
      .poll(() => reports.getByTestId('report-total-csat').textContent(), { timeout: UI_TIMEOUT })
      .toBe('CSAT (1 ratings)4.0');
    expect(Number((await reports.getByTestId('report-total-cases').textContent())?.replace(/\D/g, ''))).toBe(2);
    await reports.locator('[data-testid=report-row][data-key=technical]').waitFor();
    expect(await reports.locator('[data-testid=report-row][data-key=technical] td').allTextContents()).toContain(
      '4.0 (1)',
    );
    for (const chart of ['chart-volume', 'chart-frt', 'chart-csat'])
      expect(await reports.getByTestId(chart).locator('canvas').count()).toBeGreaterThan(0);
    // The time axis: one point per day of the range (14 by default), and today's volume is 2.
    expect(await reports.getByTestId('chart-volume-plot').getAttribute('aria-label')).toMatch(/Opened: (0, ){13}2;/);
    await operator.screenshot({ path: join(DOCS_SHOTS, 'reports.png') });

    const [download] = await Promise.all([
      operator.waitForEvent('download'),
      reports.getByTestId('report-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cases-route-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^route,cases,resolved,/);
    const technical = csv.find((l) => l.startsWith('technical,'))?.split(',') ?? [];
    expect(technical.slice(0, 3)).toEqual(['technical', '1', '1']);
    expect([technical[11], technical[12]]).toEqual(['1', '4']);
  }, 120_000);

  it('renders every filter and view (Emergency = Yes no longer blanks the page), from 1024 px wide', async () => {
    await home();
    await operator.setViewportSize({ width: 1024, height: 768 });
    const filters = ['status', 'priority', 'route', 'emergency', 'label', 'assignee', 'team', 'sla'];
    const optionsOf = async (f: string) =>
      operator
        .getByTestId(`filter-${f}`)
        .locator('option')
        .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    const settled = async () => {
      expect(await operator.getByTestId('page-error').count()).toBe(0);
      await operator.getByTestId('cases-table').waitFor({ state: 'attached' });
      await expect
        .poll(async () => (await operator.getByTestId('cases-shown').textContent()) ?? '')
        .toMatch(/^Showing \d+ of \d+$/);
    };
    // Each option of each filter, alone and together with Emergency = Yes.
    for (const emergency of ['', 'yes']) {
      for (const f of filters) {
        if (f === 'emergency') continue;
        for (const value of await optionsOf(f)) {
          await operator.getByTestId(`filter-${f}`).selectOption(value);
          await operator.getByTestId('filter-emergency').selectOption(emergency);
          await settled();
        }
        await operator.getByTestId(`filter-${f}`).selectOption('');
      }
    }
    // Emergency = Yes shows only emergencies (the seed-free desk has none yet: the empty state).
    await operator.getByTestId('filter-emergency').selectOption('yes');
    await expect
      .poll(() => operator.getByTestId('cases-shown').textContent(), { timeout: UI_TIMEOUT })
      .toBe('Showing 0 of 0');
    await operator.getByTestId('no-cases').waitFor();
    await operator.getByTestId('filter-emergency').selectOption('');
    // All filters at once.
    for (const [f, v] of [
      ['status', 'RESOLVED'],
      ['priority', 'NORMAL'],
      ['route', 'TECHNICAL'],
      ['emergency', 'no'],
      ['label', 'vip'],
      ['assignee', 'sam'],
      ['team', 'TECHNICAL'],
      ['sla', 'MET'],
    ] as const)
      await operator.getByTestId(`filter-${f}`).selectOption(v);
    await settled();
    // The filters saved as a view of mine, then picked again from a clean slate.
    operator.once('dialog', (d) => void d.accept('Sam resolved vip'));
    await operator.getByTestId('save-view').click();
    const saved = operator.getByTestId('saved-view').filter({ hasText: 'Sam resolved vip' });
    await saved.waitFor();
    await operator.getByTestId('view-all').click();
    expect(await operator.getByTestId('filter-assignee').inputValue()).toBe('');
    await saved.click();
    expect(await operator.getByTestId('filter-assignee').inputValue()).toBe('sam');
    expect(await operator.getByTestId('filter-label').inputValue()).toBe('vip');
    expect(await operator.getByTestId('filter-status').inputValue()).toBe('RESOLVED');
    expect(await operator.getByTestId('filter-sla').inputValue()).toBe('MET');
    await settled();
    for (const view of ['all', 'mine', 'unassigned', 'escalated', 'emergencies']) {
      await operator.getByTestId(`view-${view}`).click();
      await settled();
    }
    await operator.getByTestId('view-all').click();
    await expect.poll(() => operator.getByTestId('case-row').count(), { timeout: UI_TIMEOUT }).toBe(2);

    // j/k move the cursor, Enter opens; the three panes fit at 1024 px.
    await operator.locator('body').click({ position: { x: 5, y: 5 } });
    await operator.keyboard.press('j');
    await operator.keyboard.press('Enter');
    const second = await operator.getByTestId('case-row').nth(1).getAttribute('data-case-id');
    await expect.poll(() => operator.getByTestId('case-panel').getAttribute('data-case-id')).toBe(second);
    await operator.keyboard.press('k');
    await operator.keyboard.press('Enter');
    const first = await operator.getByTestId('case-row').nth(0).getAttribute('data-case-id');
    await expect.poll(() => operator.getByTestId('case-panel').getAttribute('data-case-id')).toBe(first);
    const widths = await Promise.all(
      ['inbox', 'conversation', 'details-pane'].map(
        async (id) => (await operator.getByTestId(id).boundingBox())?.width ?? 0,
      ),
    );
    for (const w of widths) expect(w).toBeGreaterThan(240);
    expect(await operator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await operator.setViewportSize(VIEWPORT);
  }, 120_000);

  it('renders markdown in messages inert: no script, handler or javascript: link runs', async () => {
    await home();
    const attack = [
      'Hello **team**, see <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script>',
      '[click me](javascript:window.__xss=3) <a href="javascript:window.__xss=4" onclick="window.__xss=5">there</a>',
      '<iframe src="javascript:window.__xss=6"></iframe><svg onload="window.__xss=7"></svg>',
    ].join('\n\n');
    const caseId = await submit('cust-chloe', attack, { requestType: 'GENERAL' });
    await row(operator, caseId).click();
    const body = operator.locator('[data-testid=case-panel] [data-author=CUSTOMER] [data-testid=message-text]').first();
    await body.locator('strong', { hasText: 'team' }).waitFor();
    const html = await body.innerHTML();
    expect(html).not.toMatch(/onerror|onclick|onload|<script|<iframe|<svg|javascript:/i);
    for (const link of await body.locator('a').all()) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).not.toMatch(/^javascript:/i);
      await link.click({ modifiers: ['Control'] }).catch(() => undefined);
    }
    await operator.waitForTimeout(200);
    expect(await operator.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // And the other way: an operator's reply with the same tricks, on the customer's page.
    const reply = await api.gql(
      'mutation($caseId: ID!, $message: String!) { replyAsOperator(caseId: $caseId, message: $message) { id } }',
      { caseId, message: attack.replace('Hello **team**', 'Dear **customer**') },
      { 'x-operator-id': 'maria' },
    );
    expect(reply.errors).toBeUndefined();
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    await ctx.addInitScript((token) => sessionStorage.setItem('crewdesk.customerToken', token), tokenFor('cust-chloe'));
    const customer = await ctx.newPage();
    watch(customer, 'customer-xss');
    await customer.goto(`${base}/`);
    await customer.locator(`[data-testid=case-item][data-case-id="${caseId}"]`).click();
    const answer = customer.locator('[data-author=OPERATOR] [data-testid=operator-reply]').first();
    await answer.locator('strong', { hasText: 'customer' }).waitFor();
    expect(await answer.innerHTML()).not.toMatch(/onerror|onclick|onload|<script|<iframe|<svg|javascript:/i);
    await customer.waitForTimeout(200);
    expect(await customer.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await ctx.close();
  }, 60_000);

  it('shows new cases live with unread marks and the unassigned-emergency banner', async () => {
    await home();
    await expect.poll(() => operator.getByTestId('live-indicator').textContent(), { timeout: UI_TIMEOUT }).toBe('Live');
    await operator.evaluate('window.__sameDocument = 7');
    const caseId = await submit('cust-daan', 'Help, the hub is smoking and smells of burning!');
    await row(operator, caseId).waitFor();
    expect(await row(operator, caseId).getAttribute('data-unread')).toBe('true');
    expect(await operator.evaluate('window.__sameDocument')).toBe(7);
    await operator.locator(`[data-testid=emergency-alert][data-case-id="${caseId}"]`).waitFor();
    // Nobody of the escalations team is online, so nobody gets it: the banner says so.
    const banner = operator.locator(`[data-testid=unassigned-emergency][data-case-id="${caseId}"]`);
    await banner.waitFor();
    await operator.screenshot({ path: join(DOCS_SHOTS, 'emergency.png') });
    await banner.click();
    await operator.getByTestId('case-panel').getByTestId('take-over').click();
    await expect.poll(() => banner.count(), { timeout: UI_TIMEOUT }).toBe(0);
    // Hand back to the AI: unassigned again (and on the banner again, being an emergency).
    await operator.getByTestId('case-panel').getByTestId('hand-back').click();
    await expect
      .poll(() => operator.getByTestId('case-panel').getByTestId('panel-assignee').textContent(), {
        timeout: UI_TIMEOUT,
      })
      .toBe('none');
    expect((await caseState(caseId)).assignee).toBeNull();
    await operator.getByTestId('case-panel').getByTestId('take-over').waitFor();
    // Live, from the hand-back's own event: no new emergency event and no reconnect brings it back.
    await banner.waitFor({ timeout: 5000 });

    // A change to a case on screen is applied from the desk event alone: no search is sent again.
    const other = (await operator.getByTestId('case-row').last().getAttribute('data-case-id')) as string;
    await operator.waitForTimeout(400);
    const searches: string[] = [];
    operator.on('request', (r) => {
      if (r.postData()?.includes('WebSearchCases')) searches.push(r.url());
    });
    const changed = await api.gql(
      'mutation($input: UpdateCaseInput!) { updateCase(input: $input) { priority } }',
      { input: { caseId: other, priority: 'LOW' } },
      { 'x-operator-id': 'maria' },
    );
    expect(changed.errors).toBeUndefined();
    await expect
      .poll(() => row(operator, other).getByTestId('case-row-priority').textContent(), { timeout: UI_TIMEOUT })
      .toBe('Low');
    expect(await row(operator, other).getAttribute('data-unread')).toBe('true');
    await operator.waitForTimeout(400);
    expect(searches).toEqual([]);

    // The operator's own availability, which auto-assignment follows.
    expect(await operator.getByTestId('availability').inputValue()).toBe('OFFLINE');
    await operator.getByTestId('availability').selectOption('ONLINE');
    await expect
      .poll(
        async () =>
          (await api.gql('{ operators { id availability } }', {}, { 'x-operator-id': 'maria' })).data.operators.find(
            (o: { id: string }) => o.id === 'maria',
          ).availability,
        { timeout: UI_TIMEOUT },
      )
      .toBe('ONLINE');

    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows an SLA warning live, on the banner and on the case row', async () => {
    await home();
    const admin = { 'x-admin-id': 'alex' };
    const days = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ from: '00:00', to: '24:00' }] }));
    const hours = await api.gql(
      'mutation($input: BusinessHoursInput!) { setBusinessHours(input: $input) { timezone } }',
      { input: { timezone: 'UTC', days } },
      admin,
    );
    expect(hours.errors).toBeUndefined();
    for (const priority of ['LOW', 'NORMAL', 'HIGH', 'URGENT']) {
      const policy = await api.gql(
        'mutation($input: SlaPolicyInput!) { setSlaPolicy(input: $input) { priority } }',
        { input: { priority, firstResponseMinutes: 1, resolutionMinutes: 1, warningPercent: 1 } },
        admin,
      );
      expect(policy.errors).toBeUndefined();
    }
    // A resolved case, never warned: the SLA filter leaves it out.
    const done = await submit('cust-emma', 'Thanks, all sorted now');
    const resolved = await api.gql(
      'mutation($c: ID!) { updateCase(input: { caseId: $c, status: RESOLVED }) { status } }',
      { c: done },
      { 'x-operator-id': 'maria' },
    );
    expect(resolved.errors).toBeUndefined();
    // An escalated case is not waiting on the customer, so its resolution clock runs (warning after 0.6 s).
    const caseId = await submit('cust-emma', 'I want to speak to a manager about my contract, please', {
      requestType: 'ESCALATION',
    });
    await operator.locator(`[data-testid=sla-alert][data-case-id="${caseId}"]`).waitFor();
    await expect
      .poll(() => row(operator, caseId).getByTestId('case-row-sla').getAttribute('data-sla'), { timeout: UI_TIMEOUT })
      .toMatch(/^(warned|breached)$/);
    // The SLA filter is the search's: the count is the server's count of such cases, not of the rows loaded.
    const searches: string[] = [];
    const onRequest = (r: { postData(): string | null }) => {
      const body = r.postData() ?? '';
      if (body.includes('WebSearchCases')) searches.push(body);
    };
    operator.on('request', onRequest);
    await operator.getByTestId('filter-sla').selectOption('WARNING');
    await expect
      .poll(
        () => operator.getByTestId('case-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id'))),
        {
          timeout: UI_TIMEOUT,
        },
      )
      .toContain(caseId);
    operator.off('request', onRequest);
    expect(searches.some((b) => JSON.parse(b).variables?.search?.slaState?.[0] === 'WARNING')).toBe(true);
    const counted = async (slaState: string[]) =>
      (
        await api.gql(
          'query($s: CaseSearchInput!) { searchCases(search: $s, first: 1) { totalCount } }',
          { s: { slaState } },
          { 'x-operator-id': 'maria' },
        )
      ).data.searchCases.totalCount as number;
    expect(await counted(['WARNING'])).toBeLessThan(await counted([]));
    // Polled: another case's clock may cross its warning time meanwhile (the page hears of it and reloads).
    await expect
      .poll(
        async () => {
          const n = await counted(['WARNING']);
          return (await operator.getByTestId('cases-shown').textContent()) === `Showing ${n} of ${n}`;
        },
        { timeout: UI_TIMEOUT },
      )
      .toBe(true);
    await operator.getByTestId('filter-sla').selectOption('');
    await expect
      .poll(
        async () => {
          const n = await counted([]);
          return (await operator.getByTestId('cases-shown').textContent()) === `Showing ${n} of ${n}`;
        },
        { timeout: UI_TIMEOUT },
      )
      .toBe(true);
    await operator.screenshot({ path: join(DOCS_SHOTS, 'inbox.png') });
    // The case's own stream carries the SLA events (staff only): the conversation says so.
    await row(operator, caseId).click();
    await expect
      .poll(() => operator.getByTestId('case-panel').getByTestId('timeline-sla').textContent(), { timeout: UI_TIMEOUT })
      .toMatch(/^SLA (warning: resolution due|missed: resolution was due) /);
  }, 60_000);

  it('keeps a render error inside its pane, with a message and a reload button', async () => {
    await home();
    await operator
      .getByTestId('no-case')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    // Breaks what the details sidebar calls while it renders (dates), as a browser bug or bad data would.
    await operator.evaluate(() => {
      Date.prototype.toLocaleString = () => {
        throw new Error('dates are broken');
      };
    });
    await operator.getByTestId('case-row').last().click();
    const failed = operator.getByTestId('page-error');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Something went wrong in the details sidebar: dates are broken');
    // The rest of the workspace still works.
    expect(await operator.getByTestId('inbox').isVisible()).toBe(true);
    expect(await operator.getByTestId('conversation').isVisible()).toBe(true);
    await failed.getByTestId('reload').click();
    await operator.getByTestId('inbox').waitFor();
    expect(await operator.getByTestId('page-error').count()).toBe(0);
    // The error was React's to report (to the console), not an uncaught one.
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('asks for desktop notification permission once, on the first click, never again', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    await ctx.addInitScript(
      (token) => {
        sessionStorage.setItem('crewdesk.operatorToken', token);
        // Counts the requests the page makes; the browser's own API still answers them.
        const real = Notification.requestPermission.bind(Notification);
        Notification.requestPermission = () => {
          localStorage.setItem('asked', String(Number(localStorage.getItem('asked') ?? 0) + 1));
          return real();
        };
      },
      tokenFor('maria', 'operator', 3600, { name: 'Maria Santos' }),
    );
    const page = await ctx.newPage();
    watch(page, 'notifications');
    await page.goto(`${base}/#/operator`);
    expect(await page.evaluate(() => Notification.permission)).toBe('default');
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('inbox').click({ position: { x: 5, y: 5 } });
      await page.getByTestId('inbox').click({ position: { x: 5, y: 5 } });
      await page.reload();
    }
    await page.getByTestId('inbox').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('asked'))).toBe('1');
    await ctx.close();
    expect(pageErrors).toEqual([]);
  });
});
