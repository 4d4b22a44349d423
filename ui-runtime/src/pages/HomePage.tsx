import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { PageHeader } from '@prm/ui';
import { useUi } from '../shell/UiContext';
import { orderedNavigation } from '../meta/navigation';
import { EntityIcon } from '../icons';

export function HomePage() {
  const ui = useUi();
  const nav = orderedNavigation(ui.navigation);
  return (
    <>
      <PageHeader crumbs={[]} title={`Welcome, ${ui.user.username}`} subtitle={`Tenant ${ui.user.tenant}`} />
      {nav.map((section) => (
        <section key={section.section} aria-labelledby={`sec-${section.section}`}>
          <Title order={2} id={`sec-${section.section}`} mb="sm" mt="md">
            {section.label}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {section.items.map((item) => (
              <Card key={item.entity} component={Link} to={item.route} withBorder padding="md">
                <Group gap="sm">
                  <EntityIcon name={item.icon} size={22} />
                  <Text fw={600}>{item.label}</Text>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {ui.entities[item.entity]?.label ?? item.entity}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ))}
    </>
  );
}
