import { describe, expect, it } from 'vitest';
import { attemptsLabel, canSeeJobs, duration, filterParams, jobCommands, leaseState, statusLabel } from './jobView';

describe('jobView', () => {
  it('shows the page to admins and job workers only', () => {
    expect(canSeeJobs(['admin'])).toBe(true);
    expect(canSeeJobs(['job_worker', 'sales_rep'])).toBe(true);
    expect(canSeeJobs(['partner_manager'])).toBe(false);
  });

  it('offers retry on a dead job and cancel on a queued one, to admins only', () => {
    expect(jobCommands({ status: 'dead' }, ['admin'])).toEqual(['retry']);
    expect(jobCommands({ status: 'queued' }, ['admin'])).toEqual(['cancel']);
    expect(jobCommands({ status: 'leased' }, ['admin'])).toEqual([]);
    expect(jobCommands({ status: 'done' }, ['admin'])).toEqual([]);
    expect(jobCommands({ status: 'dead' }, ['job_worker'])).toEqual([]);
  });

  it('describes a lease relative to now', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(leaseState({ status: 'leased', leaseExpiresAt: '2026-12-06T12:00:40Z' }, now)).toBe('expires in 40 s');
    expect(leaseState({ status: 'leased', leaseExpiresAt: '2026-12-06T11:58:55Z' }, now)).toBe('expired 1 min 5 s ago');
    expect(leaseState({ status: 'queued', leaseExpiresAt: '2026-12-06T12:00:40Z' }, now)).toBeNull();
  });

  it('formats durations, attempts and statuses', () => {
    expect(duration(45)).toBe('45 s');
    expect(duration(120)).toBe('2 min');
    expect(duration(7800)).toBe('2 h 10 min');
    expect(attemptsLabel({ attempts: 2, maxAttempts: 5 })).toBe('2 of 5');
    expect(attemptsLabel({ attempts: 5, maxAttempts: 5 })).toBe('5 of 5 (none left)');
    expect(statusLabel('dead')).toBe('dead letter');
  });

  it('keeps filters in the URL without empty values', () => {
    const start = new URLSearchParams('status=dead&type=deals.score');
    expect(filterParams(start, 'type', '  ').toString()).toBe('status=dead');
    expect(filterParams(start, 'status', 'queued').toString()).toBe('status=queued&type=deals.score');
    expect(start.toString()).toBe('status=dead&type=deals.score');
  });
});
