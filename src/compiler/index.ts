export { compileFlow, LIFECYCLE_STATES, stepStateId } from './compile-flow';
export type { FlowContext, FlowMachine, LifecycleState, ProcessingSuspension } from './compile-flow';
export { FLOW_EVENT_TYPES, COMMAND_AUTHORITY } from './flow-events';
export type { FlowEvent, FlowEventType, EventDetails, StepIdOf, ApplicantStanding } from './flow-events';
