import { Avatar, Badge, Box, Menu, UnstyledButton, Group, Text, VisuallyHidden } from '@mantine/core';
import IconLogout from '@tabler/icons-react/icons/IconLogout';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { UiUser } from '@prm/ui';
import { signOut } from '../api/session';
import { useAuthConfig } from '../api/metadata';

export function UserMenu({ user }: { user: UiUser }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const auth = useAuthConfig();
  return (
    <Menu position="bottom-end" width={240} withArrow>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <Avatar size={30} radius="xl" color="brand" aria-hidden>
              {user.username.slice(0, 2).toUpperCase()}
            </Avatar>
            {/* On phones the avatar alone stands for the user: the quick-find box needs the width. */}
            <Box style={{ lineHeight: 1.1 }} visibleFrom="sm">
              <Text size="sm" fw={600}>
                {user.username}
              </Text>
              <Text size="xs" c="dimmed">
                {user.tenant}
              </Text>
            </Box>
            <VisuallyHidden>user menu</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Tenant: {user.tenant}</Menu.Label>
        <Group gap={4} px="sm" pb="xs">
          {user.roles.map((r) => (
            <Badge key={r} size="xs" variant="light">
              {r}
            </Badge>
          ))}
        </Group>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={async () => {
            queryClient.clear();
            await signOut(auth.data ?? null);
            navigate('/sign-in');
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
