export { compileFlow, LIFECYCLE_STATES, stepStateId } from './compile-flow';
export type { FlowContext, FlowMachine, LifecycleState } from './compile-flow';
export { FLOW_EVENT_TYPES } from './flow-events';
export type { FlowEvent, FlowEventType, EventDetails, StepIdOf } from './flow-events';
