// @vitest-environment jsdom
// The bell against a fake engine: the unread count from the list plus what the stream delivers,
// marking one read when it is opened, and marking all read.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '@prm/ui/testing';
import { renderWithShell } from '../../packages/ui/src/testing/render';
import { NotificationsBell } from './NotificationsBell';

let fake: FakeApi;
afterEach(() => {
  cleanup();
  fake?.restore();
});

const note = (id: string, title: string, read = false, link: string | null = null) =>
  ({ id, title, link, sender_name: 'agent partners.partner-analyst', created_at: '2026-12-06T10:00:00Z', read_at: read ? '2026-12-06T11:00:00Z' : null });

function liveStream(events: unknown[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(': stream open\n\n'));
      setTimeout(() => events.forEach((e) => controller.enqueue(encoder.encode(`event: notification\ndata: ${JSON.stringify(e)}\n\n`))), 100);
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('the notifications bell', () => {
  it('counts unread notifications from the list and the live stream, and marks them read', async () => {
    fake = fakeApi((r) => {
      if (r.path === '/api/v1/notifications') return { items: [note('1', 'Approval needed: partners.partner-analyst', false, '/agents/runs/r1'), note('2', 'Old news', true)], unread: 1 };
      if (r.path === '/api/v1/notifications/stream') return liveStream([note('3', 'Task: call the partner')]);
      if (r.method === 'POST') return new Response(null, { status: 204 });
      return undefined;
    });
    renderWithShell(<NotificationsBell />);
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' }, { timeout: 3000 });
    expect(fake.to('/api/v1/notifications/stream')[0].headers.accept).toBe('text/event-stream');

    fireEvent.click(bell);
    expect(await screen.findByText('Task: call the partner')).toBeTruthy();
    fireEvent.click(screen.getByText('Approval needed: partners.partner-analyst'));
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(fake.to('/api/v1/notifications/1/read')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Notifications, 1 unread' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await screen.findByRole('button', { name: 'Notifications' });
    await waitFor(() => expect(fake.to('/api/v1/notifications/read-all')).toHaveLength(1));
  });

  it('shows its empty state when there is nothing', async () => {
    fake = fakeApi((r) => {
      if (r.path === '/api/v1/notifications') return { items: [], unread: 0 };
      if (r.path === '/api/v1/notifications/stream') return liveStream([]);
      return undefined;
    });
    renderWithShell(<NotificationsBell />);
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText('You are all caught up')).toBeTruthy();
  });
});
