import { api, send, type UiMetadata } from '@prm/ui';
// The designer's calls to the engine: /api/designer (drafts, checks, review, preview) and the
// module registry (/api/admin/modules) for history, rollback and the published text.

export interface ManifestProblem {
  file: string;
  line: number;
  column: number;
  pointer: string;
  message: string;
}

export interface DraftSummary {
  module: string;
  author: string;
  authorName: string;
  baseVersion: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface Draft extends DraftSummary {
  file: string;
  source: string;
  stale: boolean;
}

export interface DraftState {
  module: string;
  activeVersion: string | null;
  draft: Draft | null;
  others: DraftSummary[];
}

export interface Validation {
  valid: boolean;
  module?: string;
  version?: string;
  problems: ManifestProblem[];
}

export interface ExpressionProblem {
  message: string;
  position: number;
}

export interface ExpressionResult {
  ok: boolean;
  problems: ExpressionProblem[];
}

export interface Change {
  kind: string;
  target: string;
  classification: 'ADDITIVE' | 'BREAKING' | 'COSMETIC';
  description: string;
  acknowledged: boolean;
}

export interface Consequence {
  kind: string;
  target: string;
  sentence: string;
  drop?: Record<string, string | boolean>;
  version?: string;
  acknowledged: boolean;
  blocking: boolean;
}

export interface Review {
  module: string | null;
  from: string | null;
  to: string | null;
  classification: string;
  requiredVersion: string | null;
  changes: Change[];
  consequences: Consequence[];
  refusals: string[];
  sql: string[];
  warnings: string[];
  problems: ManifestProblem[];
  publishable: boolean;
}

/** The certification the engine recorded for a module version (GET /api/admin/modules). */
export interface Certification {
  passed: boolean;
  signed: boolean;
  manifestChecksum: string;
  toolVersion: string;
  certifiedAt: string;
  checksPassed: number;
  checksTotal: number;
  checks: Record<string, string>;
  recordedBy: string;
}

export interface InstalledModule {
  module: string;
  version: string;
  status: string;
  installedAt: string;
  installedBy: string;
  checksum: string;
  file: string;
  /** null when the version was published without a certificate */
  certification: Certification | null;
}

export interface Preview {
  module: string;
  metadata: UiMetadata;
  roles: string[];
  /** role → the module that declares it */
  roleModules: Record<string, string>;
}

const D = '/api/designer';

export const designerApi = {
  drafts: () => api<{ items: DraftSummary[] }>(`${D}/drafts`),
  draft: (module: string) => api<DraftState>(`${D}/drafts/${module}`),
  save: (module: string, source: string, revision?: number) =>
    api<DraftState>(`${D}/drafts/${module}`, {
      method: 'PUT',
      body: { source, file: 'module.yaml' },
      headers: revision !== undefined ? { 'If-Match': `"${revision}"` } : {},
    }),
  discard: (module: string) => api<void>(`${D}/drafts/${module}`, { method: 'DELETE' }),
  publish: (module: string, revision: number) => api<unknown>(`${D}/drafts/${module}/publish`, { method: 'POST', body: { revision } }),
  validate: (source: string, module: string) => api<Validation>(`${D}/validate`, { method: 'POST', body: { source, file: `${module}/module.yaml` } }),
  expression: (source: string, entity: string, expression: string, field?: string) =>
    api<ExpressionResult>(`${D}/check/expression`, { method: 'POST', body: { source, entity, expression, field } }),
  rule: (source: string, entity: string, rule: string) => api<ExpressionResult>(`${D}/check/rule`, { method: 'POST', body: { source, entity, rule } }),
  review: (source: string, module: string) => api<Review>(`${D}/review`, { method: 'POST', body: { source, file: `${module}/module.yaml` } }),
  preview: (source: string, roles: string[]) => api<Preview>(`${D}/preview`, { method: 'POST', body: { source, roles } }),
  installed: () => api<{ items: InstalledModule[] }>('/api/admin/modules'),
  history: (module: string) => api<{ items: InstalledModule[] }>(`/api/admin/modules/${module}/history`),
  rollback: (module: string, dryRun: boolean) =>
    api<{ modules: Array<{ module: string; from: string; to: string; sql: string[] }> }>(`/api/admin/modules/${module}/rollback`, { method: 'POST', query: { dryRun: String(dryRun) } }),
  async published(module: string, version?: string): Promise<string> {
    const response = await send(`/api/admin/modules/${module}/manifest`, { headers: { Accept: 'application/yaml' }, query: { version } });
    return response.text();
  },
};
