import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { constructionBundle, loneCase, sampleMeasurements } from '../../test/_helpers/measurement-fixtures';
import { PermitflowError } from '../errors';
import { toDistributionSvg } from './to-distribution-svg';

/** Parses the SVG as XML, failing on any well-formedness error. */
function svgDocument(text: string): Document {
  const { window } = new JSDOM('');
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('toDistributionSvg', () => {
  it('draws both ECDF curves with their P50 and P90 marked, a legend and labelled axes', () => {
    const doc = svgDocument(toDistributionSvg(sampleMeasurements()));
    const svg = doc.documentElement;
    expect(svg.tagName).toBe('svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('viewBox')).toBe('0 0 640 360');
    expect(svg.getAttribute('aria-labelledby')).toBe('permitflow-distribution-title permitflow-distribution-desc');
    expect(doc.getElementById('permitflow-distribution-title')?.textContent).toBe('Working days to result: official vs experienced (11 bundles)');
    // Official: 1..10 and 25 → P50 6, P90 10; experienced: 3,5,…,21 and 40 → P50 13, P90 21 (nearest rank of 11).
    expect(doc.getElementById('permitflow-distribution-desc')?.textContent).toBe(
      'Cumulative share of 11 measured bundles finished within a number of working days. official 统计用时: P50 6 wd, P90 10 wd, max 25 wd. experienced 实际体验: P50 13 wd, P90 21 wd, max 40 wd.',
    );
    const marker = (name: string) => doc.querySelector(`[data-marker="${name}"]`)?.getAttribute('data-value');
    expect([marker('official-p50'), marker('official-p90'), marker('experienced-p50'), marker('experienced-p90')]).toEqual(['6', '10', '13', '21']);
    expect(doc.querySelector('[data-marker="experienced-p90"] text')?.textContent).toBe('P90 21');
    expect([...doc.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual(['0', '10', '20', '30', '40']);
    expect(doc.querySelector('[data-part="x-axis"]')?.textContent).toContain('working days 工作日');
    expect(doc.querySelector('[data-part="y-axis"]')?.textContent).toContain('share done 办结占比');
    expect(doc.querySelector('[data-part="legend"]')?.textContent).toContain('official 统计用时');
    expect(doc.querySelector('[data-part="legend"]')?.textContent).toContain('experienced 实际体验');
    expect(doc.querySelectorAll('path[data-series]')).toHaveLength(2);
    expect(doc.querySelectorAll('script, image, use, foreignObject, style[src], link')).toHaveLength(0);
  });

  it('steps once per distinct value, up to the share of values at or below it', () => {
    const ms = [loneCase('a', 2, 4), loneCase('b', 2, 4), loneCase('c', 4, 8), loneCase('d', 6, 8)];
    const doc = svgDocument(toDistributionSvg(ms, { width: 400, height: 300 }));
    const d = doc.querySelector('path[data-series="official"]')!.getAttribute('d')!;
    // Plot spans x 56..380 for 0..8 wd (40.5 px a day), y 252..40 for 0..100%.
    expect(d).toBe('M56 252 H137 V146 H218 V93 H299 V40 H380');
    const e = doc.querySelector('path[data-series="experienced"]')!.getAttribute('d')!;
    expect(e).toBe('M56 252 H218 V146 H380 V40 H380');
  });

  it('gives the same text for the same measurements, in any order', () => {
    const ms = sampleMeasurements();
    expect(toDistributionSvg(ms)).toBe(toDistributionSvg([...ms].reverse()));
  });

  it('escapes the title and keeps ids to a safe prefix', () => {
    const text = toDistributionSvg([constructionBundle()], { title: '<b>"A & B"</b>', idPrefix: 'x y"z' });
    expect(text).toContain('<title id="x-y-z-title">&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;</title>');
    const doc = svgDocument(text);
    expect(doc.getElementById('x-y-z-title')?.textContent).toBe('<b>"A & B"</b>');
    expect(doc.getElementById('x-y-z-desc')?.textContent).toContain('Cumulative share of 1 measured bundle finished');
  });

  it('refuses no measurements, bad sizes and bad figures with typed errors', () => {
    expect(() => toDistributionSvg([])).toThrow(PermitflowError);
    expect(() => toDistributionSvg([])).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: toDistributionSvg got no measurements; pass at least one Measurement (a distribution of nothing has no shape).]`);
    expect(() => toDistributionSvg([constructionBundle()], { width: 10 })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: toDistributionSvg: options.width is 10; give a number of pixels of at least 240.]`);
    const broken = constructionBundle({ official: { workingDays: Number.NaN, naturalDays: 0 } });
    expect(() => toDistributionSvg([broken])).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: toDistributionSvg: measurements[0] (B-001) has official.workingDays NaN; working days are a finite number ≥ 0.]`);
  });

  it('turns the day axis logarithmic when the longest time is more than ten times the larger median', () => {
    // Nine 开办企业-like bundles of 1–3 days and one construction project of 150: the linear axis would crowd nine curves' steps into its first 2%.
    const ms = [...[1, 1, 2, 2, 2, 3, 3, 3, 3].map((d, i) => loneCase(`s${i}`, d, d + 1)), loneCase('big', 120, 150)];
    const doc = svgDocument(toDistributionSvg(ms, { width: 400, height: 300 }));
    expect(doc.documentElement.getAttribute('data-scale')).toBe('log');
    expect([...doc.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual(['0', '1', '2', '5', '10', '20', '50', '100', '200']);
    expect(doc.querySelector('[data-part="x-axis"]')?.textContent).toContain('working days 工作日 (log scale 对数刻度)');
    // Plot spans x 56..380 and y 252..40: a value v sits at x = 56 + 324 · log(1 + v) / log(201), so
    // 1 day at 98.35, 2 at 123.12, 3 at 140.69, 120 at 348.99; the shares 20%, 50%, 90%, 100% at y 209.6, 146, 61.2, 40.
    const d = doc.querySelector('path[data-series="official"]')!.getAttribute('d')!;
    expect(d).toBe('M56 252 H98.35 V209.6 H123.12 V146 H140.69 V61.2 H348.99 V40 H380');
    // The same measurements on the linear axis, when asked for.
    const linear = svgDocument(toDistributionSvg(ms, { scale: 'linear' }));
    expect(linear.documentElement.getAttribute('data-scale')).toBe('linear');
    expect([...linear.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual(['0', '50', '100', '150']);
  });

  it('keeps a narrow spread linear unless a log axis is asked for, and refuses an unknown scale', () => {
    const ms = sampleMeasurements(); // longest 40, larger median 13
    expect(svgDocument(toDistributionSvg(ms)).documentElement.getAttribute('data-scale')).toBe('linear');
    const log = svgDocument(toDistributionSvg(ms, { scale: 'log' }));
    expect([...log.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual(['0', '1', '2', '5', '10', '20', '50']);
    expect(() => toDistributionSvg(ms, { scale: 'ln' as 'log' })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: toDistributionSvg: options.scale is "ln"; give 'linear', 'log' or 'auto'.]`);
  });

  it('draws a single bundle with all-zero days', () => {
    const zero = loneCase('z', 0, 0);
    const doc = svgDocument(toDistributionSvg([zero]));
    expect([...doc.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(doc.querySelector('[data-marker="official-p50"]')?.getAttribute('data-value')).toBe('0');
  });
});
