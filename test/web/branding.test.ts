/** The company's name, colour and support hours from config: the public query, and the web app in a real Chromium. */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CHROMIUM_ARGS, ensureBuilt, findChromium, serverServesWeb, serveWeb } from './serve.js';

const CHROMIUM = findChromium();
const BRAND = { COMPANY_NAME: 'Northwind Fibre', BRAND_COLOR: '#aa2200', SUPPORT_HOURS: 'every day 09:00–21:00 CET' };

describe('branding', () => {
  it('refuses a colour that is not hex and hours with markup', () => {
    expect(() => loadConfig({ BRAND_COLOR: 'red' }, false)).toThrow(/BRAND_COLOR: must be a hex colour/);
    expect(() => loadConfig({ SUPPORT_HOURS: '<b>9-5</b>' }, false)).toThrow(/SUPPORT_HOURS/);
    expect(loadConfig({}, false)).toMatchObject({ COMPANY_NAME: 'Brightwave', BRAND_COLOR: '#0b57a4' });
  });
});

describe('branding from config', () => {
  let api: TestApp;
  let browser: Browser | undefined;
  let web: { url: string; close(): Promise<void> } | null = null;
  let base: string;
  beforeAll(async () => {
    // Built before the app starts: the server lists the build's files when it starts.
    if (CHROMIUM) ensureBuilt();
    api = await startTestApp(BRAND);
    if (!CHROMIUM) return;
    if (serverServesWeb() && process.env.WEB_TEST_PROXY !== '1') base = api.running.url.replace(/\/graphql$/, '');
    else {
      web = await serveWeb(api.running.port);
      base = web.url;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.stop();
  });

  it('answers the public branding query without a token', async () => {
    const r = await api.gql('{ branding { companyName brandColor supportHours } }', {}, { authorization: '' });
    expect(r.errors).toBeUndefined();
    expect(r.data.branding).toEqual({
      companyName: 'Northwind Fibre',
      brandColor: '#aa2200',
      supportHours: 'every day 09:00–21:00 CET',
    });
  });

  it.skipIf(!CHROMIUM)('shows the configured company, colour and support hours in the web app', async () => {
    const page = await (browser as Browser).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByTestId('company-name').textContent()).toBe('Northwind Fibre support');
    expect(await page.getByTestId('support-hours').textContent()).toContain('every day 09:00–21:00 CET');
    expect(await page.title()).toBe('Northwind Fibre support');
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    expect(accent).toBe('#aa2200');
    expect(await page.content()).not.toContain('Brightwave');
    await page.close();
  });
});
