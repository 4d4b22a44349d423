// The frame around every page: navigation from metadata, quick find, command palette,
// notifications, user menu.
import { AppShell, Burger, Center, Group, Loader, NavLink, ScrollArea, Stack, Text, Alert, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMetadata } from '../api/metadata';
import { orderedNavigation, withExtensionPages } from '../meta/navigation';
import { EntityIcon } from '../icons';
import IconSettings from '@tabler/icons-react/icons/IconSettings';
import IconSearch from '@tabler/icons-react/icons/IconSearch';
import IconActivity from '@tabler/icons-react/icons/IconActivity';
import IconChecklist from '@tabler/icons-react/icons/IconChecklist';
import IconRobot from '@tabler/icons-react/icons/IconRobot';
import IconHistory from '@tabler/icons-react/icons/IconHistory';
import IconStack2 from '@tabler/icons-react/icons/IconStack2';
import { canSeeJobs } from '../jobs/jobView';
import { tokens } from '@prm/ui';
import { UiContext } from './UiContext';
import { QuickFind } from './QuickFind';
import { CommandPalette, PaletteButton } from './CommandPalette';
import { UserMenu } from './UserMenu';
import { NotificationsBell } from './NotificationsBell';

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const meta = useMetadata();
  const location = useLocation();

  if (meta.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the application" />
      </Center>
    );
  }
  if (meta.isError || !meta.data) {
    return (
      <Center h="100vh">
        <Alert color="red" title="The application could not load" role="alert">
          <Text size="sm">{meta.error?.message}</Text>
          <Button mt="sm" size="xs" onClick={() => meta.refetch()}>
            Try again
          </Button>
        </Alert>
      </Center>
    );
  }
  const ui = meta.data;
  const nav = orderedNavigation(withExtensionPages(ui.navigation, ui.extensions));

  return (
    <UiContext.Provider value={ui}>
      <a href="#main" className="prm-skip-link">
        Skip to content
      </a>
      <AppShell
        header={{ height: tokens.headerHeight }}
        navbar={{ width: tokens.navbarWidth, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Text component={Link} to="/" fw={700} size="lg" c="brand.8" style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}>
                PRM OS
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap" style={{ flex: 1, maxWidth: 560 }}>
              <QuickFind />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <PaletteButton />
              <NotificationsBell />
              <UserMenu user={ui.user} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main navigation">
          <ScrollArea>
            <nav aria-label="Entities">
              <Stack gap="md">
                <div>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} component="h2">
                    Workspace
                  </Text>
                  <NavLink component={Link} to="/search" label="Search" leftSection={<IconSearch size={18} stroke={1.6} aria-hidden />}
                    active={location.pathname === '/search'} variant="light" onClick={close} />
                  <NavLink component={Link} to="/activity" label="Activity" leftSection={<IconActivity size={18} stroke={1.6} aria-hidden />}
                    active={location.pathname === '/activity'} variant="light" onClick={close} />
                  <NavLink component={Link} to="/tasks" label="Tasks" leftSection={<IconChecklist size={18} stroke={1.6} aria-hidden />}
                    active={location.pathname === '/tasks'} variant="light" onClick={close} />
                </div>
                {(ui.agents ?? []).length > 0 && (
                  <div>
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} component="h2">
                      Agents
                    </Text>
                    <NavLink component={Link} to="/agents" label="Agents" leftSection={<IconRobot size={18} stroke={1.6} aria-hidden />}
                      active={location.pathname === '/agents'} variant="light" onClick={close} />
                    <NavLink component={Link} to="/agents/runs" label="Run history" leftSection={<IconHistory size={18} stroke={1.6} aria-hidden />}
                      active={location.pathname.startsWith('/agents/runs')} variant="light" onClick={close} />
                  </div>
                )}
                {nav.map((section) => (
                  <div key={section.section}>
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} component="h2">
                      {section.label}
                    </Text>
                    {section.items.map((item) => (
                      <NavLink
                        key={item.entity}
                        component={Link}
                        to={item.route}
                        label={item.label}
                        leftSection={<EntityIcon name={item.icon} />}
                        active={location.pathname === item.route || location.pathname.startsWith(item.route + '/')}
                        variant="light"
                        onClick={close}
                      />
                    ))}
                  </div>
                ))}
                {(ui.user.roles.includes('platform_operator') || canSeeJobs(ui.user.roles)) && (
                  <div>
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} component="h2">
                      Administration
                    </Text>
                    {(ui.user.roles.includes('platform_operator') || ui.user.roles.includes('admin')) && (
                      <NavLink component={Link} to="/designer" label="Designer" leftSection={<IconSettings size={18} stroke={1.6} aria-hidden />}
                        active={location.pathname.startsWith('/designer')} variant="light" onClick={close} />
                    )}
                    {canSeeJobs(ui.user.roles) && (
                      <NavLink component={Link} to="/jobs" label="Jobs" leftSection={<IconStack2 size={18} stroke={1.6} aria-hidden />}
                        active={location.pathname.startsWith('/jobs')} variant="light" onClick={close} />
                    )}
                  </div>
                )}
                {nav.length === 0 && (
                  <Text size="sm" c="dimmed" px="sm">
                    Nothing to show: your roles give access to no entity.
                  </Text>
                )}
              </Stack>
            </nav>
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main" style={{ maxWidth: tokens.pageMaxWidth }}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <CommandPalette ui={ui} />
    </UiContext.Provider>
  );
}
