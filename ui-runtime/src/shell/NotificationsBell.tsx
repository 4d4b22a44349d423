// The notifications bell: the unread count, the latest notifications (mark one or all read, open its
// link), live through GET /api/v1/notifications/stream. The stream tells only what is new, so the
// list is read again each time the stream (re)connects.
import { ActionIcon, Anchor, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import IconBell from '@tabler/icons-react/icons/IconBell';
import { useEffect, useReducer, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatValue, resolveUrn, routeOfApi } from '@prm/ui';
import { follow } from '../api/sse';
import {
  NOTIFICATION_STREAM, badgeText, emptyBell, listNotifications, markAllRead, markRead, notificationPath, reduceBell, type Notification,
} from '../notifications/bell';

const AT = { name: 'created_at', label: '', type: 'datetime' } as const;

function useBell() {
  const [state, dispatch] = useReducer(reduceBell, emptyBell);
  useEffect(() => {
    const stop = new AbortController();
    const load = () => listNotifications().then((r) => !stop.signal.aborted && dispatch({ type: 'loaded', items: r.items, unread: r.unread }), () => undefined);
    load();
    void follow(NOTIFICATION_STREAM, {
      signal: stop.signal,
      isEnd: () => false, // live only: a closed stream is a drop
      delays: [2000, 5000, 15000],
      onState: (s) => s === 'live' && load(),
      onMessage: (m) => {
        if (m.type === 'notification' && m.data && typeof m.data === 'object') dispatch({ type: 'arrived', notification: m.data as Notification });
      },
    });
    return () => stop.abort();
  }, []);
  return [state, dispatch] as const;
}

export function NotificationsBell() {
  const [state, dispatch] = useBell();
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();

  const open = async (n: Notification) => {
    setOpened(false);
    if (!n.read_at) {
      dispatch({ type: 'read', id: n.id, at: new Date().toISOString() });
      markRead(n.id).catch(() => undefined);
    }
    const path = notificationPath(n);
    if (path) navigate(path);
    else if (n.link?.startsWith('urn:prm:')) {
      const hit = await resolveUrn(n.link).catch(() => null);
      if (hit?.found && hit.link) navigate(routeOfApi(hit.link));
    }
  };
  const readAll = () => {
    dispatch({ type: 'readAll', at: new Date().toISOString() });
    markAllRead().catch(() => undefined);
  };
  const label = state.unread > 0 ? `Notifications, ${state.unread} unread` : 'Notifications';

  return (
    <Popover position="bottom-end" width={340} withArrow shadow="md" opened={opened} onChange={setOpened}>
      {/* the target is the button itself: Popover puts aria-expanded on it, which a div may not carry */}
      <Indicator label={badgeText(state.unread)} size={16} disabled={state.unread === 0} color="red" offset={6} data-testid="bell-count">
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        {state.items.length === 0 ? (
          <Stack gap={4} align="center" py="md">
            <IconBell size={28} aria-hidden color="var(--mantine-color-gray-5)" />
            <Text size="sm" fw={600}>You are all caught up</Text>
            <Text size="xs" c="dimmed">Notifications about your runs, tasks and records will appear here.</Text>
          </Stack>
        ) : (
          <>
            <Group justify="space-between" px="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" fw={600}>Notifications</Text>
              <Button size="compact-xs" variant="subtle" onClick={readAll} disabled={state.unread === 0}>Mark all read</Button>
            </Group>
            <ScrollArea.Autosize mah={380}>
              <Stack gap={0} component="ul" aria-label="Notifications" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {state.items.map((n) => (
                  <li key={n.id}>
                    <UnstyledButton onClick={() => open(n)} w="100%" px="sm" py={8} className="prm-notification" data-unread={!n.read_at || undefined}>
                      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                        <Text size="sm" fw={n.read_at ? 400 : 600} lineClamp={2}>{n.title}</Text>
                        {!n.read_at && <Badge size="xs" variant="filled" color="brand" style={{ flexShrink: 0 }}>new</Badge>}
                      </Group>
                      {n.body && <Text size="xs" c="dimmed" lineClamp={2}>{n.body}</Text>}
                      <Text size="xs" c="dimmed">{n.sender_name ?? n.sender ?? ''}{n.sender_name || n.sender ? ' · ' : ''}{formatValue(AT, n.created_at)}</Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
            <Group px="sm" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              <Anchor component={Link} to="/tasks" size="xs" onClick={() => setOpened(false)}>Open your tasks</Anchor>
            </Group>
          </>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
