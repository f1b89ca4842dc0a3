import type { FlowDefinition } from '../../../definition';
import type { ConstructionPermitMatterId } from '../construction-permit-ids';
import type { MatterSpec } from './define';
import {
  ENERGY_CONSERVATION_REVIEW,
  ENVIRONMENTAL_IMPACT_ASSESSMENT,
  LAND_PRE_REVIEW_SITE_SELECTION,
  LAND_USE_PLANNING_PERMIT,
  MINERAL_OVERLAY_REVIEW,
  PROJECT_APPROVAL,
  PROJECT_FILING,
  SOIL_WATER_CONSERVATION,
} from './catalogue-land-planning';
import { DESIGN_SCHEME_REVIEW, WORKS_PLANNING_PERMIT } from './catalogue-works-planning';
import {
  CIVIL_AIR_DEFENCE_DESIGN_REVIEW,
  CONSTRUCTION_DRAWING_REVIEW,
  CONSTRUCTION_PERMIT,
  FIRE_DESIGN_REVIEW,
  JOINT_DRAWING_REVIEW,
} from './catalogue-construction';
import {
  ARCHIVES_ACCEPTANCE,
  CIVIL_AIR_DEFENCE_ACCEPTANCE,
  COMPLETION_FILING,
  FIRE_ACCEPTANCE,
  FIRE_ACCEPTANCE_FILING,
  JOINT_ACCEPTANCE,
  LAND_VERIFICATION,
  PLANNING_VERIFICATION,
  UNIFIED_SURVEY,
} from './catalogue-completion';

/** Every matter the bundle can hold, by id. */
export const MATTERS: Readonly<Record<ConstructionPermitMatterId, MatterSpec>> = {
  'project-approval': PROJECT_APPROVAL,
  'project-filing': PROJECT_FILING,
  'land-pre-review-site-selection': LAND_PRE_REVIEW_SITE_SELECTION,
  'land-use-planning-permit': LAND_USE_PLANNING_PERMIT,
  'environmental-impact-assessment': ENVIRONMENTAL_IMPACT_ASSESSMENT,
  'soil-water-conservation': SOIL_WATER_CONSERVATION,
  'energy-conservation-review': ENERGY_CONSERVATION_REVIEW,
  'mineral-overlay-review': MINERAL_OVERLAY_REVIEW,
  'design-scheme-review': DESIGN_SCHEME_REVIEW,
  'works-planning-permit': WORKS_PLANNING_PERMIT,
  'construction-drawing-review': CONSTRUCTION_DRAWING_REVIEW,
  'fire-design-review': FIRE_DESIGN_REVIEW,
  'civil-air-defence-design-review': CIVIL_AIR_DEFENCE_DESIGN_REVIEW,
  'joint-drawing-review': JOINT_DRAWING_REVIEW,
  'construction-permit': CONSTRUCTION_PERMIT,
  'unified-survey': UNIFIED_SURVEY,
  'planning-verification': PLANNING_VERIFICATION,
  'land-verification': LAND_VERIFICATION,
  'fire-acceptance': FIRE_ACCEPTANCE,
  'fire-acceptance-filing': FIRE_ACCEPTANCE_FILING,
  'civil-air-defence-acceptance': CIVIL_AIR_DEFENCE_ACCEPTANCE,
  'archives-acceptance': ARCHIVES_ACCEPTANCE,
  'joint-acceptance': JOINT_ACCEPTANCE,
  'completion-filing': COMPLETION_FILING,
};

/** Whether `id` names a matter of the catalogue. */
export function isMatterId(id: string): id is ConstructionPermitMatterId {
  return Object.hasOwn(MATTERS, id);
}

/** A fresh copy of a catalogue flow, safe to change. */
export function catalogueFlow(id: ConstructionPermitMatterId): FlowDefinition {
  return structuredClone(MATTERS[id].flow);
}

/** 联合审图: the matters one combined drawing review replaces, with the prefix of their step ids. */
export const JOINT_DRAWING_REVIEW_SOURCES: Readonly<Partial<Record<ConstructionPermitMatterId, string>>> = {
  'construction-drawing-review': 'drawing',
  'fire-design-review': 'fire',
  'civil-air-defence-design-review': 'civil-air-defence',
};

/** 联合验收: the acceptances one joint acceptance replaces, with the prefix of their step ids. */
export const JOINT_ACCEPTANCE_SOURCES: Readonly<Partial<Record<ConstructionPermitMatterId, string>>> = {
  'planning-verification': 'planning',
  'land-verification': 'land',
  'fire-acceptance': 'fire',
  'civil-air-defence-acceptance': 'civil-air-defence',
  'archives-acceptance': 'archives',
};

/** 多测合一: the acceptances that each commission a survey, with the survey report they ask for and the step that checks it. */
export const SEPARATE_SURVEYS: Readonly<Partial<Record<ConstructionPermitMatterId, { readonly report: string; readonly check: string }>>> = {
  'planning-verification': { report: 'planning-survey-report', check: 'survey-result-check' },
  'land-verification': { report: 'land-survey-report', check: 'survey-result-check' },
  'civil-air-defence-acceptance': { report: 'civil-air-defence-area-survey', check: 'survey-result-check' },
};

/** Materials 容缺受理 may defer for a matter; a merged matter may defer what its sources could. */
export function deferrableOf(id: ConstructionPermitMatterId): readonly string[] {
  const sources =
    id === 'joint-drawing-review' ? JOINT_DRAWING_REVIEW_SOURCES : id === 'joint-acceptance' ? JOINT_ACCEPTANCE_SOURCES : {};
  const fromSources = (Object.keys(sources) as ConstructionPermitMatterId[]).flatMap((source) => MATTERS[source].deferrable);
  return [...new Set([...MATTERS[id].deferrable, ...fromSources])];
}
