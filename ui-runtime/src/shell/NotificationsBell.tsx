// The notifications area. Nothing produces user notifications yet, so it shows its empty state.
import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import IconBell from '@tabler/icons-react/icons/IconBell';

export function NotificationsBell() {
  return (
    <Popover position="bottom-end" width={300} withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Notifications">
          <IconBell size={20} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} align="center" py="md">
          <IconBell size={28} aria-hidden color="var(--mantine-color-gray-5)" />
          <Text size="sm" fw={600}>
            You are all caught up
          </Text>
          <Text size="xs" c="dimmed">
            Notifications about your records will appear here.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
