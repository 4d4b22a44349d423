import { describe, expect, it } from 'vitest';
import { badgeText, emptyBell, notificationPath, reduceBell, type Notification } from './bell';

const n = (id: string, read = false): Notification => ({ id, title: `n${id}`, created_at: '2026-12-06T10:00:00Z', read_at: read ? '2026-12-06T11:00:00Z' : null });

describe('the notifications bell', () => {
  it('counts what arrives live, once per notification, newest first', () => {
    let s = reduceBell(emptyBell, { type: 'loaded', items: [n('1'), n('2', true)], unread: 1 });
    s = reduceBell(s, { type: 'arrived', notification: n('3') });
    s = reduceBell(s, { type: 'arrived', notification: n('3') });
    expect(s.unread).toBe(2);
    expect(s.items.map((x) => x.id)).toEqual(['3', '1', '2']);
  });

  it('marking read lowers the count once; read all clears it', () => {
    let s = reduceBell(emptyBell, { type: 'loaded', items: [n('1'), n('2'), n('3', true)], unread: 7 });
    s = reduceBell(s, { type: 'read', id: '1', at: 'now' });
    s = reduceBell(s, { type: 'read', id: '1', at: 'now' });
    expect(s.unread).toBe(6);
    expect(s.items[0].read_at).toBe('now');
    s = reduceBell(s, { type: 'readAll', at: 'later' });
    expect(s.unread).toBe(0);
    expect(s.items.every((x) => x.read_at)).toBe(true);
    expect(s.items[2].read_at).toBe('2026-12-06T11:00:00Z');
  });

  it('keeps the list short and links only to paths of the UI', () => {
    let s = emptyBell;
    for (let i = 0; i < 30; i++) s = reduceBell(s, { type: 'arrived', notification: n(String(i)) });
    expect(s.items).toHaveLength(20);
    expect(s.unread).toBe(30);
    expect(badgeText(s.unread)).toBe('30');
    expect(badgeText(120)).toBe('99+');
    expect(notificationPath({ link: '/agents/runs/1' })).toBe('/agents/runs/1');
    expect(notificationPath({ link: 'urn:prm:partners:partner:1' })).toBeNull();
    expect(notificationPath({ link: '//evil.example' })).toBeNull();
    expect(notificationPath({ link: null })).toBeNull();
  });
});
