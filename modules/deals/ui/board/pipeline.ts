// The pipeline board's rules, kept apart from React so they read (and test) on their own.
import type { FieldOption, Workflow, WorkflowTransition } from '@prm/ui';

export interface BoardFilters {
  partner: string | null;
  /** The caller's id when only their own deals are shown (created_by is the owner). */
  owner: string | null;
}

/** The list filter of the board: a partner, and/or one owner's deals. */
export function boardFilter({ partner, owner }: BoardFilters, quote: (v: string) => string): string | undefined {
  const parts = [partner ? `partner eq ${quote(partner)}` : null, owner ? `created_by eq ${quote(owner)}` : null].filter(Boolean);
  return parts.length ? parts.join(' and ') : undefined;
}

/**
 * The transition a drop from one stage to another means: one leading from `from` to `to`, one the
 * caller's roles allow first. Null when the workflow has no such transition.
 */
export function transitionFor(workflow: Workflow, from: string, to: string): WorkflowTransition | null {
  const candidates = workflow.transitions.filter((t) => t.to === to && t.from.includes(from));
  return candidates.find((t) => t.allowed) ?? candidates[0] ?? null;
}

export function stageLabel(options: FieldOption[], code: string): string {
  return options.find((o) => o.value === code)?.label ?? code;
}
