// History of a module's published versions and rollback to the previous one (a dry run first: the
// plan is shown before anything changes), reachable from the designer.
import { Alert, Badge, Button, Code, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { designerApi } from './api';
import { CertificationBadge } from './CertificationBadge';
import type { Designer } from './useDesigner';

export function HistoryDrawer({ d, opened, onClose }: { d: Designer; opened: boolean; onClose: () => void }) {
  const history = useQuery({ queryKey: ['designer-history', d.module], queryFn: () => designerApi.history(d.module), enabled: opened });
  const [plan, setPlan] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dryRun = async () => {
    setError(null);
    try {
      const outcome = await designerApi.rollback(d.module, true);
      setPlan(outcome.modules.flatMap((m) => m.sql));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const rollback = async () => {
    try {
      await designerApi.rollback(d.module, false);
      notifications.show({ color: 'green', message: `${d.module} rolled back` });
      setPlan(null);
      await history.refetch();
      await d.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Drawer className="prm-designer" closeButtonProps={{ 'aria-label': 'Close the history' }} opened={opened} onClose={onClose} position="right" size="lg" title={`History of ${d.module}`}>
      <Stack>
        <Table aria-label="Published versions">
          <Table.Thead><Table.Tr><Table.Th scope="col">Version</Table.Th><Table.Th scope="col">Status</Table.Th><Table.Th scope="col">When</Table.Th><Table.Th scope="col">By</Table.Th><Table.Th scope="col">Certification</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {history.data?.items.map((v) => (
              <Table.Tr key={v.version + v.installedAt}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td><Badge size="sm" variant="light" color={v.status === 'active' ? 'green' : 'gray'}>{v.status}</Badge></Table.Td>
                <Table.Td><Text size="sm">{new Date(v.installedAt).toLocaleString()}</Text></Table.Td>
                <Table.Td><Text size="sm">{v.installedBy}</Text></Table.Td>
                <Table.Td><CertificationBadge certification={v.certification} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group><Button variant="default" onClick={dryRun}>Plan a rollback to the previous version</Button></Group>
        {plan && (
          <>
            <Text size="sm">The rollback would run {plan.length} statement(s); nothing is dropped:</Text>
            <Code block>{plan.join(';\n') || '(no schema change)'}</Code>
            <Group><Button color="red" onClick={rollback}>Roll back</Button></Group>
          </>
        )}
      </Stack>
    </Drawer>
  );
}
