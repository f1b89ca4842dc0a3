import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { toHtmlReport } from '../src/interop';
import { sampleFindings, sampleMeasurements, sampleSummary } from './_helpers/measurement-fixtures';

// The HTML report opened in real headless Chromium: it must render its table, charts and findings
// from the one file, fetching nothing. A missing browser fails the run: this test is never skipped.
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = new URL('../test-output/html-report/report.png', import.meta.url);
const TITLE = '工程建设项目审批 2025 年第三季度 <报告>';

interface Opened {
  readonly page: Page;
  readonly fileUrl: string;
  /** Every URL the page requested. */
  readonly requests: readonly string[];
  /** Failed requests, console errors and warnings (a CSP violation is one), page errors. */
  readonly problems: readonly string[];
}

let dir: string | undefined;
let context: BrowserContext | undefined;
let opened: Promise<Opened> | undefined;

// Opened once, on first use: when Chromium is missing every test fails with how to install it (none is skipped).
async function open(): Promise<Opened> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; the HTML report's browser test needs it. Install it with: apt-get update && apt-get install -y chromium`);
  }
  dir = mkdtempSync(join(tmpdir(), 'permitflow-html-report-'));
  const measurements = sampleMeasurements();
  const file = join(dir, 'report.html');
  writeFileSync(file, toHtmlReport({ title: TITLE, generatedAt: '2025-10-08T09:00:00+08:00', summary: sampleSummary(measurements), measurements, findings: sampleFindings() }));
  const fileUrl = pathToFileURL(file).href;
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1100, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(fileUrl, { waitUntil: 'load' });
  mkdirSync(new URL('.', SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT.pathname, fullPage: true });
  return { page, fileUrl, requests, problems };
}
const report = (): Promise<Opened> => (opened ??= open());

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('toHtmlReport in headless Chromium', { timeout: 60_000 }, () => {
  it('decodes the page as UTF-8 and shows the Chinese title as written', async () => {
    const { page } = await report();
    expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8');
    expect(await page.title()).toBe(TITLE);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
  });

  it('shows the summary table: one row per bundle type and the overall row', async () => {
    const { page } = await report();
    const rows = page.locator('#summary-table tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')))).toEqual(['construction-permit', 'works-planning-permit']);
    const cell = (key: string, col: string) => page.locator(`#summary-table tr[data-key="${key}"] [data-col="${col}"]`).textContent();
    expect(await cell('construction-permit', 'experienced-p50')).toBe('40');
    expect(await cell('works-planning-permit', 'official-p90')).toBe('9');
    expect(await cell('all', 'count')).toBe('11');
    expect(await cell('all', 'one-trip')).toBe('55%');
    expect(await page.locator('#summary-table').isVisible()).toBe(true);
  });

  it('renders both SVG charts with a non-zero size and visible marks', async () => {
    const { page } = await report();
    for (const chart of ['#distribution svg[data-chart="distribution"]', '#timeline svg[data-chart="timeline"]']) {
      const box = await page.locator(chart).boundingBox();
      expect(box, chart).not.toBeNull();
      expect(box!.width, chart).toBeGreaterThan(300);
      expect(box!.height, chart).toBeGreaterThan(100);
    }
    const curves = await page.locator('path[data-series]').evaluateAll((paths) =>
      paths.map((p) => {
        const b = (p as SVGGraphicsElement).getBBox();
        return { series: p.getAttribute('data-series'), wide: b.width > 0, tall: b.height > 0 };
      }),
    );
    expect(curves).toEqual([
      { series: 'official', wide: true, tall: true },
      { series: 'experienced', wide: true, tall: true },
    ]);
    const bars = await page.locator('#timeline [data-bar] rect').evaluateAll((rects) => rects.map((r) => (r as SVGGraphicsElement).getBBox().width));
    expect(bars).toHaveLength(6);
    for (const w of bars) expect(w).toBeGreaterThan(0);
    expect(await page.locator('#timeline [data-bar="matter"][data-critical="true"]').count()).toBe(2);
  });

  it('lists the findings, most hidden working days first, with their text escaped', async () => {
    const { page } = await report();
    const rows = page.locator('#findings-table tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    expect(await page.locator('#findings-table [data-col="code"]').allTextContents()).toEqual(['pre-acceptance-work', 'withdraw-resubmit', 'unlisted-material', 'backfilled-record']);
    expect(await page.locator('#findings-table [data-col="hidden"]').allTextContents()).toEqual(['6', '4', '1', '–']);
    expect(await rows.first().locator('[data-col="message"]').textContent()).toBe('预审 before acceptance: <script>alert("x")</script> & more');
    expect(await page.locator('#findings-table').isVisible()).toBe(true);
  });

  it('makes no request but the file itself, runs no script and logs no error', async () => {
    const { page, fileUrl, requests, problems } = await report();
    expect(requests).toEqual([fileUrl]);
    expect(problems).toEqual([]);
    expect(await page.locator('script, link, iframe, img, object, embed').count()).toBe(0);
  });

  it('saves a full-page screenshot under test-output/html-report/', async () => {
    await report();
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
