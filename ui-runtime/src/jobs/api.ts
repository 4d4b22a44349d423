// The job queue's API as the Jobs page uses it (docs/jobs.md): list newest first with filters and a
// cursor, one job, and the admin's retry (dead → queued) and cancel (queued → dead).
import { api } from '@prm/ui';

export type JobStatus = 'queued' | 'leased' | 'done' | 'dead';
export const JOB_STATUSES: JobStatus[] = ['queued', 'leased', 'done', 'dead'];

export interface Job {
  id: string;
  type: string;
  status: JobStatus;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  idempotencyKey?: string;
  leaseExpiresAt?: string;
  leasedBy?: string;
  result?: unknown;
  lastError?: string;
  createdAt: string;
  createdBy: string;
  updatedAt?: string;
  finishedAt?: string;
}

export interface JobQuery {
  status?: string | null;
  type?: string | null;
  cursor?: string | null;
  limit?: number;
}

export const listJobs = (q: JobQuery) =>
  api<{ items: Job[]; nextCursor?: string | null }>('/api/v1/jobs', { query: { ...q } as Record<string, string | number | null | undefined> });

export const getJob = (id: string) => api<Job>(`/api/v1/jobs/${encodeURIComponent(id)}`);

export const retryJob = (id: string) => api<Job>(`/api/v1/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' });

export const cancelJob = (id: string) => api<Job>(`/api/v1/jobs/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
