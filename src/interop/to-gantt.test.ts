import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { constructionBundle, loneCase } from '../../test/_helpers/measurement-fixtures';
import { loadMermaid } from '../../test/_helpers/mermaid';
import { PermitflowError } from '../errors';
import { escapeGanttLabel, toGantt } from './to-gantt';

/** What Mermaid's Gantt database holds for one task after parsing. */
interface ParsedTask {
  readonly section: string;
  readonly task: string;
  readonly id: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly crit?: boolean;
  readonly done?: boolean;
  readonly active?: boolean;
  readonly milestone?: boolean;
}
interface GanttDb {
  getTasks(): ParsedTask[];
  getSections(): string[];
  getDiagramTitle(): string;
}

// Parse with Mermaid itself under jsdom, as test/docs-diagrams.test.ts does, and read back what it understood.
let parse: (text: string) => Promise<unknown>;
let gantt: (text: string) => Promise<GanttDb>;
beforeAll(async () => {
  const mermaid = await loadMermaid();
  parse = (text) => mermaid.parse(text);
  gantt = async (text) => {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    expect(diagram.type).toBe('gantt');
    return diagram.db as unknown as GanttDb;
  };
});

// Mermaid reads dates in the process's time zone: read them back the same way.
const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
const row = (t: ParsedTask) => ({
  section: t.section,
  task: t.task.trim(),
  from: local(t.startTime),
  to: local(t.endTime),
  tags: (['crit', 'done', 'active', 'milestone'] as const).filter((k) => t[k]).join(','),
});

describe('toGantt', () => {
  it('draws a section per stage, a task per matter with its pauses, and off-system periods, as Mermaid reads them', async () => {
    const text = toGantt(constructionBundle());
    await expect(parse(text)).resolves.toBeTruthy();
    const db = await gantt(text);
    expect(db.getDiagramTitle()).toBe('工程建设项目审批 · experienced 40 wd · official 25 wd');
    expect(db.getSections()).toEqual(['立项用地规划许可', '工程建设许可', '体外循环 off-system (detection)']);
    expect(db.getTasks().map(row)).toEqual([
      { section: '立项用地规划许可', task: '建设用地规划许可 · natural-resources', from: '2025-09-01 09:00', to: '2025-09-12 17:00', tags: 'crit' },
      { section: '立项用地规划许可', task: '补正 supplement · 建设用地规划许可', from: '2025-09-03 10:00', to: '2025-09-08 10:00', tags: 'done' },
      { section: '立项用地规划许可', task: '消防设计审查： 特殊建设工程 ＃1 · housing', from: '2025-09-15 09:00', to: '2025-09-30 17:00', tags: '' },
      { section: '立项用地规划许可', task: '停表 stopped step · 消防设计审查： 特殊建设工程 ＃1', from: '2025-09-22 09:00', to: '2025-09-24 09:00', tags: 'done' },
      { section: '工程建设许可', task: '建设工程规划许可 · natural-resources · 2 attempts', from: '2025-10-08 09:00', to: '2025-10-31 17:00', tags: 'crit' },
      { section: '体外循环 off-system (detection)', task: 'pre-acceptance-work · 建设工程规划许可 · 6 wd hidden', from: '2025-09-10 09:00', to: '2025-09-18 17:00', tags: 'active' },
    ]);
  });

  it('writes every date at the offset of the bundle start, or the one asked for', async () => {
    const bundle = constructionBundle({
      offSystem: { workingDays: 1, periods: [{ code: 'backfilled-record', from: '2025-09-10T01:00:00Z', to: '2025-09-10T09:30:00Z', hiddenWorkingDays: 1, recordIds: ['e'] }] },
    });
    expect(toGantt(bundle)).toContain(':active, t6, 2025-09-10 09:00, 2025-09-10 17:30\n');
    const utc = toGantt(bundle, { offset: 'Z', title: 'UTC view', axisFormat: '%d %b' });
    expect(utc).toContain(':crit, t1, 2025-09-01 01:00, 2025-09-12 09:00\n');
    expect(utc).toContain('  title UTC view\n  dateFormat YYYY-MM-DD HH:mm\n  axisFormat %d %b\n');
    await expect(parse(utc)).resolves.toBeTruthy();
  });

  it('puts a bundle without stages in one section and lists matters with no record as comments', async () => {
    const one = loneCase('C-9', 3, 5);
    const waiting = { ...one.matters[0]!, matterId: 'fire-check', name: '消防验收', department: 'housing', critical: false };
    delete (waiting as { experienced?: unknown }).experienced;
    const text = toGantt({ ...one, matters: [...one.matters, waiting] });
    const db = await gantt(text);
    expect(db.getSections()).toEqual(['建设工程规划许可']);
    expect(db.getTasks().map(row)).toEqual([
      { section: '建设工程规划许可', task: '建设工程规划许可 · natural-resources', from: '2025-09-01 09:00', to: '2025-09-20 17:00', tags: 'crit' },
    ]);
    expect(text).toContain('  %% 消防验收 · housing (fire-check) has no record yet\n');
  });

  it('draws the bundle itself when no matter has a record, and a zero-length period as a milestone', async () => {
    const bundle = constructionBundle({
      experienced: { from: '2025-09-01T09:00:00+08:00', to: '2025-09-01T09:00:00+08:00', workingDays: 0, naturalDays: 0 },
      stages: [],
      matters: [],
      offSystem: { workingDays: 0, periods: [] },
    });
    const text = toGantt(bundle);
    expect(text).toContain('    工程建设项目审批 · natural-resources :milestone, t1, 2025-09-01 09:00, 0d\n');
    const db = await gantt(text);
    expect(db.getTasks().map(row)).toEqual([{ section: '工程建设项目审批', task: '工程建设项目审批 · natural-resources', from: '2025-09-01 09:00', to: '2025-09-01 09:00', tags: 'milestone' }]);
  });

  it('escapes labels Mermaid cannot take, so hostile names still parse', async () => {
    expect(escapeGanttLabel('a: b; c # d %% e\nf')).toBe('a： b； c ＃ d ％％ e f');
    expect(escapeGanttLabel('section 1')).toBe('ｓection 1');
    expect(escapeGanttLabel('Title of it')).toBe('Ｔitle of it');
    expect(escapeGanttLabel('2025-09-01 start')).toBe('２025-09-01 start');
    expect(escapeGanttLabel('  ')).toBe('(unnamed)');
    const base = constructionBundle();
    const hostile = ['section x', 'click me', 'title: t', '%% c', 'dateFormat X', '2025-01-01', 'a;b#c', 'excludes weekends', ''];
    const text = toGantt({
      ...base,
      name: 'title: %%{init}%%',
      stages: [{ ...base.stages[0]!, name: 'section: x; y' }],
      matters: hostile.map((name, i) => ({ ...base.matters[0]!, matterId: `m${i}`, name, department: 'd: e', pauses: [] })),
      offSystem: { workingDays: 0, periods: [] },
    });
    await expect(parse(text)).resolves.toBeTruthy();
    const db = await gantt(text);
    expect(db.getSections()).toEqual(['ｓection： x； y']);
    expect(db.getTasks()).toHaveLength(hostile.length);
    expect(db.getTasks().map((t) => t.task.trim())).toEqual(hostile.map((name) => `${name === '' ? '' : escapeGanttLabel(name)} · d： e`.trim()));
  });

  it('keeps any matter name and department readable by Mermaid, as one task with the escaped label', async () => {
    // Names built from the characters and words that mean something to the Gantt grammar.
    const piece = fc.constantFrom(':', ';', '#', '%', '%%', '\n', ' ', '"', "'", '<br/>', '{', '}', '(', ')', ',', 'section ', 'title ', 'click ', 'call ', 'href ', '2025-09-01', 'dateFormat ', 'excludes ', '建设', '消防', 'a', 'Z', '0');
    const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    const base = constructionBundle();
    await fc.assert(
      fc.asyncProperty(text, text, async (name, department) => {
        const matter = { ...base.matters[0]!, name, department, pauses: [] };
        const db = await gantt(toGantt({ ...base, stages: [], matters: [matter], offSystem: { workingDays: 0, periods: [] } }));
        const tasks = db.getTasks();
        expect(tasks).toHaveLength(1);
        expect(tasks[0]!.task.trim()).toBe(escapeGanttLabel(`${name} · ${department}`));
        expect(local(tasks[0]!.startTime)).toBe('2025-09-01 09:00');
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same text for the same measurement', () => {
    expect(toGantt(constructionBundle())).toBe(toGantt(constructionBundle()));
  });

  it('rejects an instant without an offset and an offset that is not one with typed errors', () => {
    const base = constructionBundle();
    const bad = { ...base, matters: [{ ...base.matters[0]!, pauses: [{ kind: 'supplement' as const, from: '2025-09-03 10:00', to: '2025-09-08T10:00:00+08:00' }] }] };
    expect(() => toGantt(bad)).toThrow(PermitflowError);
    expect(() => toGantt(constructionBundle(), { offset: 'Asia/Shanghai' })).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: toGantt: options.offset is "Asia/Shanghai"; write a UTC offset like "+08:00" or "Z".]`);
    expect(() => toGantt(bad)).toThrowErrorMatchingInlineSnapshot(`[PermitflowError: measurement.matters[0].pauses[0].from is "2025-09-03 10:00", not an ISO-8601 instant with offset; write it like "2025-09-22T09:00:00+08:00".]`);
  });
});
