/**
 * A social-invested construction project through the four stages of 工程建设项目审批 as one
 * bundle: 立项用地规划许可 → 工程建设许可 → 施工许可 → 竣工验收. On the way, the 建设工程规划许可证
 * needs a 补正 (the clock stops until the materials arrive) and the design scheme goes to an expert
 * review that takes three weeks (Art. 45: its time is not counted). Each stage's matters run side
 * by side; the stage limits and the 90-working-day total are kept by the bundle's clocks.
 * Run: npx tsx examples/construction-project.ts
 */
import { createBundleInstance, constructionPermitBundle, type FlowDefinition } from '../src/index';
import { formatTimeline } from '../src/interop';
import { clockAt, officerOf, runBundle, statutoryNote } from './_shared/case-driver';

const { bundle, flows } = constructionPermitBundle({ category: 'social-invested' });
const flowOf = (id: string): FlowDefinition => flows.find((f) => f.id === id)!;
const clock = clockAt('2025-04-07T09:00:00+08:00');
const developer = { id: 'developer-xinghe', role: 'applicant', department: 'applicant' };
const instance = createBundleInstance(bundle, { bundleId: 'GC-2025-0407', flows, clock, applicantId: developer.id, projectCode: '2504-330106-04-01-123456' });

instance.submit({ materials: (bundle.sharedMaterials ?? []).map((m) => m.id), channel: 'online', actor: developer });

let supplementAsked = false;
let expertStartedAt: number | undefined;
runBundle(instance, flows, clock, {
  script: (matterId, ordinary) => {
    const case_ = instance.caseOf(matterId)!;
    // 补正 after acceptance: the land certificate's attached map is missing; it arrives ten working days later.
    if (matterId === 'works-planning-permit' && case_.state === 'processing' && !supplementAsked) {
      supplementAsked = true;
      return { type: 'start-supplement', actor: officerOf(flowOf(matterId)), materials: ['land-certificate'], reason: { kind: 'incomplete-materials', text: '不动产权证书附图缺失，一次性告知补正' } };
    }
    if (matterId === 'works-planning-permit' && case_.snapshot.context.suspension === 'supplement') {
      const since = case_.records.find((r) => r.activity === 'supplement-started')!;
      return clock.now() - Date.parse(since.at) > 14 * 86_400_000 ? { type: 'end-supplement', actor: developer, channel: 'online', materials: ['land-certificate'] } : 'wait';
    }
    // The design scheme's expert review (clock stopped) takes three weeks.
    if (ordinary.type === 'complete-step' && ordinary.step === 'scheme-expert-review') {
      expertStartedAt ??= clock.now();
      return clock.now() - expertStartedAt > 21 * 86_400_000 ? ordinary : 'wait';
    }
    return undefined;
  },
});

const notes = new Map(flows.map((f) => [f.id, statutoryNote(f, instance.records)]));
const shown = instance.records.filter((r) => r.lifecycle === undefined || r.matterId === 'design-scheme-review' || r.matterId === 'works-planning-permit');
console.log(`${bundle.name} — ${instance.records.length} records; the lifecycle of every matter, and the steps of two of them:\n`);
console.log(formatTimeline(shown, { annotate: (r) => notes.get(r.matterId)?.(r), showMatter: true }));

const clocks = instance.clocks();
console.log('\nstage             limit  counted wd  status');
for (const stage of clocks.stages) {
  console.log(`${stage.stageId.padEnd(16)} ${String(stage.budget?.limitWorkingDays ?? '—').padStart(6)}  ${String(stage.workingDays).padStart(10)}  ${(stage.budget?.status ?? '—').padEnd(8)}${stage.name}`);
}
console.log(`\nend to end: ${clocks.workingDays} working days counted as statistics count them (union of matters, 补正 removed) against the promised ${clocks.promised?.limitWorkingDays} → ${clocks.promised?.status}`);
console.log(`experienced by the developer: ${clocks.experienced?.workingDays} working days, ${clocks.experienced?.naturalDays} natural days from the one application to the last result`);
const wpp = clocks.cases['works-planning-permit'];
console.log(`建设工程规划许可证: ${wpp?.ledger.map((s) => `${s.kind} ${s.workingDays} wd`).join(', ')}; statutory deadline ${wpp?.statutory?.deadline} (${wpp?.statutory?.status})`);
const scheme = clocks.cases['design-scheme-review'];
console.log(`设计方案审查: ${scheme?.ledger.map((s) => `${s.kind} ${s.stepId} ${s.workingDays} wd`).join(', ')}; statutory used ${scheme?.statutory?.usedWorkingDays}/${scheme?.statutory?.limitWorkingDays}`);
instance.stop();
