import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { constructionBundle, loneCase, sampleFindings, sampleMeasurements, sampleSummary } from '../../test/_helpers/measurement-fixtures';
import { PermitflowError } from '../errors';
import type { HtmlReportInput } from './to-html-report';
import { toHtmlReport } from './to-html-report';

function input(overrides: Partial<HtmlReportInput> = {}): HtmlReportInput {
  const measurements = sampleMeasurements();
  return { title: '一件事 <Q3> & "more"', generatedAt: '2025-10-08T09:00:00+08:00', summary: sampleSummary(measurements), measurements, findings: sampleFindings(), ...overrides };
}

const dom = (html: string) => new JSDOM(html).window.document;
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((el) => el.textContent);

describe('toHtmlReport', () => {
  it('holds the headline, the summary table, both charts and the findings under stable ids', () => {
    const doc = dom(toHtmlReport(input()));
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.title).toBe('一件事 <Q3> & "more"');
    for (const id of ['headline', 'summary', 'summary-table', 'distribution', 'distribution-figure', 'timeline', 'timeline-figure', 'findings', 'findings-table']) {
      expect(doc.getElementById(id), id).not.toBeNull();
    }
    expect(doc.querySelector('[data-headline="gap"]')?.textContent).toBe(
      'Across 11 bundles, applicants waited a median of 13 working days (P90 21) from first contact to result, while the official figures counted 6 (P90 10). ' +
        'The median gap of 7 working days is time the statistics do not see: pauses (补正, 特别程序) and work done off the system (体外循环).',
    );
    expect(texts(doc, '[data-card] b')).toEqual(['11', '7 wd', '6 wd', '100%', '55%', '91%']);
    expect(doc.querySelector('time')?.getAttribute('datetime')).toBe('2025-10-08T09:00:00+08:00');
  });

  it('gives the summary table a row per bundle type and the overall row, with percentiles and rates', () => {
    const doc = dom(toHtmlReport(input()));
    const rows = [...doc.querySelectorAll('#summary-table tbody tr, #summary-table tfoot tr')].map((tr) => [
      tr.getAttribute('data-key'),
      ...[...tr.querySelectorAll('[data-col]')].map((td) => td.textContent),
    ]);
    expect(rows).toEqual([
      ['construction-permit', '1', '25', '25', '40', '40', '15', '100%', '0%', '0%'],
      ['works-planning-permit', '10', '5', '9', '11', '19', '6', '–', '60%', '100%'],
      ['all', '11', '6', '10', '13', '21', '7', '100%', '55%', '91%'],
    ]);
  });

  it('draws the slowest bundle and lists findings by hidden working days', () => {
    const doc = dom(toHtmlReport(input()));
    expect(doc.getElementById('timeline-figure')?.getAttribute('data-measurement')).toBe('B-001');
    expect(doc.querySelector('#timeline figcaption')?.textContent).toContain('Critical path: 建设用地规划许可 → 建设工程规划许可.');
    expect(doc.querySelectorAll('#timeline [data-bar]')).toHaveLength(6);
    expect(doc.getElementById('report-timeline-desc')?.textContent).toBe(
      'Experienced 40 working days from 2025-09-01 09:00 to 2025-10-31 17:00 (UTC+08:00); official 25 working days. 3 matters, 2 pauses, 1 off-system periods.',
    );
    // Weekly ticks at local midnights from the first after the start.
    expect([...doc.querySelectorAll('#timeline [data-tick]')].map((t) => t.getAttribute('data-tick'))).toEqual(['2025-09-02', '2025-09-09', '2025-09-16', '2025-09-23', '2025-09-30', '2025-10-07', '2025-10-14', '2025-10-21', '2025-10-28']);
    expect(doc.querySelector('#timeline [data-bar="pause"] title')?.textContent).toBe('补正 supplement · 建设用地规划许可: 2025-09-03 10:00 → 2025-09-08 10:00');
    expect(texts(doc, '#timeline [data-section] > text')).toEqual(['立项用地规划许可', '工程建设许可', '体外循环 off-system (detection)']);
    expect(texts(doc, '#findings-table [data-col="code"]')).toEqual(['pre-acceptance-work', 'withdraw-resubmit', 'unlisted-material', 'backfilled-record']);
    const two = dom(toHtmlReport(input(), { topFindings: 2 }));
    expect(texts(two, '#findings-table [data-col="case"]')).toEqual(['C-2', 'C-2a']);
    expect(two.querySelector('#findings-table caption')?.textContent).toBe('Showing 2 of 4 findings, most hidden working days first');
  });

  it('escapes every text and needs nothing from outside: no script, link, image or URL but the SVG namespace', () => {
    const html = toHtmlReport(input());
    expect(html).toContain('<title>一件事 &lt;Q3&gt; &amp; &quot;more&quot;</title>');
    expect(html).toContain('预审 before acceptance: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    const doc = dom(html);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect((html.match(/\b(?:https?:)?\/\/[^\s"'<>]+/g) ?? []).filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
    expect(html).not.toMatch(/@import|@font-face|url\(/);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });

  it('gives the same page for the same input', () => {
    expect(toHtmlReport(input())).toBe(toHtmlReport(input()));
  });

  it('says so when there is nothing to report', () => {
    const empty = toHtmlReport({ title: 'empty', generatedAt: '2025-10-08', summary: sampleSummary([]), measurements: [] });
    const doc = dom(empty);
    expect(doc.querySelector('[data-headline="empty"]')?.textContent).toBe('No bundles were measured.');
    expect(texts(doc, '#summary-table tbody td')).toEqual(['No bundle types.']);
    expect(doc.querySelector('[data-empty="distribution"]')?.textContent).toBe('No measurements to chart.');
    expect(doc.querySelector('[data-empty="timeline"]')?.textContent).toBe('No bundles to draw.');
    expect(doc.querySelector('[data-empty="findings"]')?.textContent).toBe('No findings.');
  });

  it('picks the slowest by experienced, then official working days, then id', () => {
    const ms = [loneCase('C-b', 5, 30), loneCase('C-a', 5, 30), loneCase('C-c', 9, 30), constructionBundle({ experienced: { ...constructionBundle().experienced, workingDays: 12 } })];
    const doc = dom(toHtmlReport(input({ measurements: ms, summary: sampleSummary(ms) })));
    expect(doc.getElementById('timeline-figure')?.getAttribute('data-measurement')).toBe('C-c');
    const tie = ms.slice(0, 2);
    expect(dom(toHtmlReport(input({ measurements: tie, summary: sampleSummary(tie) }))).getElementById('timeline-figure')?.getAttribute('data-measurement')).toBe('C-a');
  });

  it('refuses a topFindings that is not a whole number', () => {
    expect(() => toHtmlReport(input(), { topFindings: -1 })).toThrow(PermitflowError);
    expect(() => toHtmlReport(input(), { topFindings: 1.5 })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: toHtmlReport: options.topFindings is 1.5; give a whole number ≥ 0 of findings to list.]`);
  });
});
