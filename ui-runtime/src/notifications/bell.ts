// The bell's state: the latest notifications and the unread count, changed by the list the server
// answers, notifications arriving on the stream, and marking read. Pure, so it is tested alone.
import { api } from '@prm/ui';

export interface Notification {
  id: string;
  recipient?: string;
  title: string;
  body?: string | null;
  /** A UI path (/…) or a record URN. */
  link?: string | null;
  sender?: string | null;
  sender_name?: string | null;
  created_at: string;
  read_at?: string | null;
}

export interface BellState {
  items: Notification[];
  unread: number;
}

export type BellAction =
  | { type: 'loaded'; items: Notification[]; unread: number }
  | { type: 'arrived'; notification: Notification }
  | { type: 'read'; id: string; at: string }
  | { type: 'readAll'; at: string };

export const BELL_SIZE = 20;
export const emptyBell: BellState = { items: [], unread: 0 };

export function reduceBell(state: BellState, action: BellAction): BellState {
  switch (action.type) {
    case 'loaded':
      return { items: action.items.slice(0, BELL_SIZE), unread: action.unread };
    case 'arrived': {
      if (state.items.some((n) => n.id === action.notification.id)) return state;
      return { items: [action.notification, ...state.items].slice(0, BELL_SIZE), unread: state.unread + (action.notification.read_at ? 0 : 1) };
    }
    case 'read': {
      const n = state.items.find((x) => x.id === action.id);
      if (n?.read_at) return state;
      return { items: state.items.map((x) => (x.id === action.id ? { ...x, read_at: action.at } : x)), unread: Math.max(0, state.unread - 1) };
    }
    case 'readAll':
      return { items: state.items.map((x) => (x.read_at ? x : { ...x, read_at: action.at })), unread: 0 };
  }
}

/** Where a notification leads in the UI: its path, or null for a URN (resolved by the caller) or none. */
export function notificationPath(n: Pick<Notification, 'link'>): string | null {
  return n.link && n.link.startsWith('/') && !n.link.startsWith('//') ? n.link : null;
}

export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));

export const listNotifications = () => api<{ items: Notification[]; unread: number }>('/api/v1/notifications', { query: { limit: BELL_SIZE } });
export const markRead = (id: string) => api<void>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllRead = () => api<{ marked: number }>('/api/v1/notifications/read-all', { method: 'POST' });
export const NOTIFICATION_STREAM = '/api/v1/notifications/stream';
