import type { Actor } from '../event-log';

/** The actor as the EventRecord contract has it: id, role and department, whatever else the caller's object carried. */
export function actorOf({ id, role, department }: Actor): Actor {
  return { id, role, department };
}
