// RFC 9457 problems from the API, and how their errors land on form fields.

export interface ProblemError {
  pointer?: string;
  field?: string;
  code?: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemError[];
}

/** The top-level field a JSON pointer addresses: "/annual_target/currency" → "annual_target". */
export function fieldOfPointer(pointer: string | undefined, prefix = ''): string | null {
  if (!pointer) return null;
  let p = pointer;
  if (prefix) {
    if (!p.startsWith(prefix)) return null;
    p = p.slice(prefix.length);
  }
  const m = /^\/([^/]+)/.exec(p);
  return m ? m[1].replace(/~1/g, '/').replace(/~0/g, '~') : null;
}

/**
 * Splits a problem's errors into messages per known field and the rest (shown above the form).
 * Errors on fields the form does not show are general errors, never silently dropped.
 */
export function mapProblem(problem: Problem, known: Set<string>): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const e of problem.errors ?? []) {
    const name = e.field ?? fieldOfPointer(e.pointer);
    if (name && known.has(name)) {
      fields[name] = fields[name] ? `${fields[name]}; ${e.message}` : e.message;
    } else {
      general.push(name ? `${name}: ${e.message}` : e.message);
    }
  }
  if ((problem.errors ?? []).length === 0 && (problem.detail || problem.title)) {
    general.push(problem.detail ?? problem.title ?? 'Request failed');
  }
  return { fields, general };
}
