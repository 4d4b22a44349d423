// The designer's start page: installed modules and drafts (platform operators), a new module, and
// the tenant's own adaptations (tenant admins), kept apart from module changes.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '@prm/ui';
import { useUi } from '../shell/UiContext';
import { designerApi } from './api';
import { CertificationBadge } from './CertificationBadge';
import { newModuleText } from './useDesigner';
import { OverlayPanel } from './OverlayPanel';

export function DesignerHome() {
  const ui = useUi();
  const operator = ui.user.roles.includes('platform_operator');
  const admin = ui.user.roles.includes('admin');
  return (
    <>
      <PageHeader crumbs={[{ label: 'Designer' }]} title="Designer" subtitle={operator ? 'Modules are shared by every tenant: what you publish here changes them for all.' : undefined} />
      {!operator && !admin && <Alert color="gray">The designer is for platform operators (modules) and tenant admins (custom fields).</Alert>}
      <Tabs defaultValue={operator ? 'modules' : 'tenant'}>
        <Tabs.List mb="md">
          {operator && <Tabs.Tab value="modules">Modules</Tabs.Tab>}
          {admin && <Tabs.Tab value="tenant">Your tenant ({ui.user.tenant})</Tabs.Tab>}
        </Tabs.List>
        {operator && <Tabs.Panel value="modules"><Modules /></Tabs.Panel>}
        {admin && <Tabs.Panel value="tenant"><OverlayPanel /></Tabs.Panel>}
      </Tabs>
    </>
  );
}

function Modules() {
  const installed = useQuery({ queryKey: ['designer-modules'], queryFn: designerApi.installed });
  const drafts = useQuery({ queryKey: ['designer-drafts'], queryFn: designerApi.drafts });
  const [creating, setCreating] = useState(false);
  const names = [...new Set([...(installed.data?.items ?? []).map((m) => m.module), ...(drafts.data?.items ?? []).map((d) => d.module)])].sort();
  return (
    <Paper p="md">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">Open a module to change it; changes stay in your draft until you review and publish.</Text>
        <Button onClick={() => setCreating(true)}>New module</Button>
      </Group>
      <Table aria-label="Modules" highlightOnHover>
        <Table.Thead><Table.Tr><Table.Th scope="col">Module</Table.Th><Table.Th scope="col">Installed</Table.Th><Table.Th scope="col">Certification</Table.Th><Table.Th scope="col">Drafts</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {names.map((name) => {
            const m = installed.data?.items.find((x) => x.module === name);
            const ds = drafts.data?.items.filter((x) => x.module === name) ?? [];
            return (
              <Table.Tr key={name}>
                <Table.Td><Text component={Link} to={`/designer/m/${name}`} c="brand.8" fw={500} size="sm">{name}</Text></Table.Td>
                <Table.Td><Text size="sm">{m ? `${m.version} by ${m.installedBy}` : 'not installed'}</Text></Table.Td>
                <Table.Td>{m && <CertificationBadge certification={m.certification} />}</Table.Td>
                <Table.Td>{ds.map((x) => <Badge key={x.author} size="sm" variant="light" mr={4}>{x.authorName}</Badge>)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <NewModule opened={creating} onClose={() => setCreating(false)} taken={names} />
    </Paper>
  );
}

function NewModule({ opened, onClose, taken }: { opened: boolean; onClose: () => void; taken: string[] }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [entity, setEntity] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameOk = /^[a-z][a-z0-9_]{0,62}$/.test(name) && !taken.includes(name) && name !== 'ui';
  const entityOk = /^[A-Z][A-Za-z0-9]{0,62}$/.test(entity);
  const create = async () => {
    try {
      await designerApi.save(name, newModuleText(name, title || name, entity));
      navigate(`/designer/m/${name}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal className="prm-designer" closeButtonProps={{ 'aria-label': 'Close' }} opened={opened} onClose={onClose} title="New module">
      <Stack>
        <TextInput label="Module name" description="lowercase letters, digits and _; it names the API paths" value={name} onChange={(e) => setName(e.currentTarget.value)}
          error={name && !nameOk ? (taken.includes(name) ? 'a module of that name exists' : 'lowercase letters, digits and _, starting with a letter') : undefined} data-autofocus />
        <TextInput label="Title" placeholder="Help desk" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput label="First entity" description="PascalCase, e.g. Ticket" value={entity} onChange={(e) => setEntity(e.currentTarget.value)}
          error={entity && !entityOk ? 'PascalCase letters and digits' : undefined} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end"><Button onClick={create} disabled={!nameOk || !entityOk}>Create draft</Button></Group>
      </Stack>
    </Modal>
  );
}
