// The Jobs page's view logic, kept free of React so Vitest covers it: who sees the page, which
// commands a job offers, its badge, and what its lease says at a given moment.
import type { Job, JobStatus } from './api';

/** Tenant admins and job workers may read jobs (the API's roles); only admins retry and cancel. */
export const canSeeJobs = (roles: readonly string[]) => roles.includes('admin') || roles.includes('job_worker');

export type JobCommand = 'retry' | 'cancel';

export function jobCommands(job: Pick<Job, 'status'>, roles: readonly string[]): JobCommand[] {
  if (!roles.includes('admin')) return [];
  if (job.status === 'dead') return ['retry'];
  if (job.status === 'queued') return ['cancel'];
  return [];
}

export const STATUS_COLORS: Record<JobStatus, string> = { queued: 'gray', leased: 'blue', done: 'green', dead: 'red' };

export const statusLabel = (s: JobStatus | string) => (s === 'dead' ? 'dead letter' : s);

/** "expires in 40 s" / "expired 5 s ago" for a leased job; null otherwise. */
export function leaseState(job: Pick<Job, 'status' | 'leaseExpiresAt'>, now: number): string | null {
  if (job.status !== 'leased' || !job.leaseExpiresAt) return null;
  const left = Math.round((Date.parse(job.leaseExpiresAt) - now) / 1000);
  return left >= 0 ? `expires in ${duration(left)}` : `expired ${duration(-left)} ago`;
}

/** Whole seconds as "45 s", "3 min 5 s", "2 h 10 min". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const s = seconds % 60;
    return `${Math.floor(seconds / 60)} min${s ? ` ${s} s` : ''}`;
  }
  const m = Math.floor((seconds % 3600) / 60);
  return `${Math.floor(seconds / 3600)} h${m ? ` ${m} min` : ''}`;
}

/** "2 of 5" attempts, flagged when none is left. */
export const attemptsLabel = (job: Pick<Job, 'attempts' | 'maxAttempts'>) =>
  `${job.attempts} of ${job.maxAttempts}${job.attempts >= job.maxAttempts ? ' (none left)' : ''}`;

/** The URL search parameters of the list's filters, without empty ones. */
export function filterParams(current: URLSearchParams, key: 'status' | 'type', value: string | null): URLSearchParams {
  const next = new URLSearchParams(current);
  const v = value?.trim();
  if (v) next.set(key, v);
  else next.delete(key);
  return next;
}
