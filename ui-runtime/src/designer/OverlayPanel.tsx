// What a tenant's admin may change for their own tenant (docs/custom-fields.md): custom fields on
// any entity and values of extensible dictionaries. Applied at once through the overlay API — not
// module changes, no draft, no publish, invisible to other tenants.
import { Alert, Badge, Button, Group, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '@prm/ui';
import { designerApi } from './api';
import { parseManifest } from './yaml/roundTrip';
import type { Manifest } from './model/types';

const TYPES = ['text', 'longtext', 'integer', 'bigint', 'decimal', 'boolean', 'date', 'datetime', 'email', 'url', 'phone', 'uuid', 'dictionary', 'multidictionary'];

interface CustomField { entity: string; name: string; field: Record<string, unknown>; access?: Record<string, string> }

function useInstalledManifests() {
  return useQuery({
    queryKey: ['designer-installed-manifests'],
    queryFn: async () => {
      const modules = await designerApi.installed();
      return Promise.all(modules.items.map(async (m) => parseManifest(await designerApi.published(m.module)).toJS() as Manifest));
    },
    staleTime: 60_000,
  });
}

export function OverlayPanel() {
  const manifests = useInstalledManifests();
  const entities = (manifests.data ?? []).flatMap((m) => Object.keys(m.entities ?? {}).map((e) => `${m.module}.${e}`));
  const extensible = (manifests.data ?? []).flatMap((m) =>
    Object.entries(m.dictionaries ?? {}).filter(([, d]) => d && !Array.isArray(d) && d.extensible).map(([n]) => `${m.module}.${n}`));
  return (
    <Stack gap="md">
      <CustomFields entities={entities} manifests={manifests.data ?? []} />
      <Dictionaries names={extensible} />
    </Stack>
  );
}

function CustomFields({ entities, manifests }: { entities: string[]; manifests: Manifest[] }) {
  const client = useQueryClient();
  const fields = useQuery({ queryKey: ['custom-fields'], queryFn: () => api<{ items: CustomField[] }>('/api/admin/custom-fields') });
  const [entity, setEntity] = useState<string | null>(null);
  const [name, setName] = useState('cf_');
  const [type, setType] = useState('text');
  const [label, setLabel] = useState('');
  const [dictionary, setDictionary] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const module = entity?.split('.')[0];
  const dictionaries = Object.keys(manifests.find((m) => m.module === module)?.dictionaries ?? {});

  const add = async () => {
    setErrors({});
    const field: Record<string, unknown> = { type, label: label || undefined };
    if (type === 'dictionary' || type === 'multidictionary') field.dictionary = dictionary;
    try {
      await api('/api/admin/custom-fields', { method: 'POST', body: { entity, name, field } });
      setName('cf_');
      setLabel('');
      await client.invalidateQueries({ queryKey: ['custom-fields'] });
    } catch (e) {
      if (e instanceof ApiError) {
        const byPointer: Record<string, string> = {};
        for (const err of (e.problem.errors ?? []) as Array<{ pointer?: string; message: string }>) byPointer[err.pointer ?? ''] = err.message;
        if (Object.keys(byPointer).length === 0) byPointer[''] = e.message;
        setErrors(byPointer);
      }
    }
  };
  const remove = async (f: CustomField) => {
    const path = `/api/admin/custom-fields/${f.entity}/${f.name}`;
    const dry = await api<{ recordsWithValue?: number }>(path, { method: 'DELETE', query: { dryRun: 'true' } });
    modals.openConfirmModal({
      title: `Remove ${f.name} from ${f.entity}?`,
      children: <Text size="sm">{dry.recordsWithValue ?? 0} record(s) of your tenant hold a value; the values are deleted.</Text>,
      labels: { confirm: 'Remove', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        await api(path, { method: 'DELETE' });
        await client.invalidateQueries({ queryKey: ['custom-fields'] });
      },
    });
  };
  return (
    <Paper p="md">
      <Title order={3} size="h4" mb={4}>Custom fields of your tenant</Title>
      <Text size="sm" c="dimmed" mb="sm">Added to an installed entity for your tenant only; applied at once.</Text>
      <Table aria-label="Custom fields">
        <Table.Thead><Table.Tr><Table.Th scope="col">Entity</Table.Th><Table.Th scope="col">Field</Table.Th><Table.Th scope="col">Type</Table.Th><Table.Th scope="col" /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {fields.data?.items.map((f) => (
            <Table.Tr key={f.entity + f.name}>
              <Table.Td>{f.entity}</Table.Td>
              <Table.Td>{String(f.field.label ?? f.name)} <Text span size="xs" c="dimmed">{f.name}</Text></Table.Td>
              <Table.Td><Badge size="sm" variant="light" color="gray">{String(f.field.type)}</Badge></Table.Td>
              <Table.Td><Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(f)}>Remove</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {fields.data?.items.length === 0 && <Text size="sm" c="dimmed">None yet.</Text>}
      {errors[''] && <Alert color="red" mt="sm" role="alert">{errors['']}</Alert>}
      <Group align="flex-start" gap="xs" mt="sm">
        <Select label="Entity" data={entities} value={entity} onChange={setEntity} searchable w={220} error={errors['/entity']} />
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['/name']} w={160} />
        <Select label="Type" data={TYPES} value={type} onChange={(v) => setType(v ?? 'text')} w={140} allowDeselect={false} error={errors['/field/type']} />
        <TextInput label="Label" value={label} onChange={(e) => setLabel(e.currentTarget.value)} w={160} error={errors['/field/label']} />
        {(type === 'dictionary' || type === 'multidictionary') && (
          <Select label="Dictionary" data={dictionaries} value={dictionary} onChange={setDictionary} w={160} error={errors['/field/dictionary']} />
        )}
        <Button mt={24} disabled={!entity} onClick={add}>Add custom field</Button>
      </Group>
    </Paper>
  );
}

interface Value { code: string; label: string; active: boolean; origin: string }

function Dictionaries({ names }: { names: string[] }) {
  const [name, setName] = useState<string | null>(null);
  const current = name ?? names[0] ?? null;
  const values = useQuery({
    queryKey: ['tenant-dictionary', current],
    queryFn: () => api<{ items: Value[] }>(`/api/admin/dictionaries/${current}/values`),
    enabled: !!current,
  });
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const call = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      await values.refetch();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Paper p="md">
      <Title order={3} size="h4" mb={4}>Dictionary values of your tenant</Title>
      {names.length === 0 ? <Text size="sm" c="dimmed">No installed dictionary is extensible.</Text> : (
        <>
          <Select label="Extensible dictionary" data={names} value={current} onChange={setName} w={280} mb="sm" />
          <Table aria-label="Dictionary values">
            <Table.Tbody>
              {values.data?.items.map((v) => (
                <Table.Tr key={v.code}>
                  <Table.Td><Text size="sm" ff="monospace">{v.code}</Text></Table.Td>
                  <Table.Td>{v.label}</Table.Td>
                  <Table.Td><Badge size="sm" variant="light" color={v.origin === 'tenant' ? 'blue' : 'gray'}>{v.origin}</Badge></Table.Td>
                  <Table.Td>
                    <Switch size="xs" label="active" checked={v.active}
                      onChange={(e) => void call(() => api(`/api/admin/dictionaries/${current}/values/${v.code}`, { method: 'PATCH', body: { active: e.currentTarget.checked } }))} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {error && <Alert color="red" role="alert" mt="xs">{error}</Alert>}
          <Group align="flex-end" gap="xs" mt="sm">
            <TextInput size="xs" label="Code" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
            <TextInput size="xs" label="Label" value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
            <Button size="xs" onClick={() => void call(async () => { await api(`/api/admin/dictionaries/${current}/values`, { method: 'POST', body: { code, label } }); setCode(''); setLabel(''); })}>Add value</Button>
          </Group>
        </>
      )}
    </Paper>
  );
}
