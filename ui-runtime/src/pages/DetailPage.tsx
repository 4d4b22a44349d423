// A record's page: fields in sections, references as links, related lists and slot widgets.
import { Alert, Button, Grid, Group, Menu, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import IconEdit from '@tabler/icons-react/icons/IconEdit';
import IconTrash from '@tabler/icons-react/icons/IconTrash';
import IconRobot from '@tabler/icons-react/icons/IconRobot';
import { lazy, Suspense, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, FieldValue, PageHeader, deleteRecord, fieldMap, formatValue, getRecord, recordTitle, restoreRecord, useReferenceNames, type AgentMeta, type EntityMeta, type Section } from '@prm/ui';
import { useRouteEntity, useUi } from '../shell/UiContext';
import { RelatedRecords, SlotWidgets } from '../components/Widgets';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { ExtensionSlot, slotHasWidgets } from '../extensions/Extensions';
import { NotFound } from './NotFound';

// Agents on a record (panel, run dialog) are their own chunk: pages without agents never load it.
const RecordAgents = lazy(() => import('../agents/RecordAgents'));

export function detailSections(entity: EntityMeta): Section[] {
  const known = fieldMap(entity);
  const declared = (entity.detail?.sections?.length ? entity.detail.sections : entity.form?.sections ?? [])
    .map((s) => ({ label: s.label, fields: s.fields.filter((f) => known.has(f)) }))
    .filter((s) => s.fields.length > 0);
  const placed = new Set(declared.flatMap((s) => s.fields));
  const rest = entity.fields.map((f) => f.name).filter((n) => !placed.has(n));
  if (declared.length === 0) return [{ label: 'Details', fields: rest }];
  return rest.length > 0 ? [...declared, { label: 'Other', fields: rest }] : declared;
}

export function DetailPage() {
  const found = useRouteEntity();
  const { id } = useParams();
  if (!found || !id) return <NotFound what="record" />;
  return <RecordDetail key={`${found.key}/${id}`} entityKey={found.key} entity={found.entity} id={id} />;
}

function RecordDetail({ entityKey, entity, id }: { entityKey: string; entity: EntityMeta; id: string }) {
  const ui = useUi();
  const agents = (ui.agents ?? []).filter((a) => a.entity === entityKey);
  const [startAgent, setStartAgent] = useState<AgentMeta | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const record = useQuery({ queryKey: ['record', entity.api, id], queryFn: () => getRecord(entity.api, id) });
  const fields = fieldMap(entity);
  const names = useReferenceNames(entity.fields, record.data ? [record.data] : []);

  if (record.isError) {
    if (record.error instanceof ApiError && record.error.status === 404) return <NotFound what="record" />;
    return <Alert color="red" role="alert" title="The record could not load">{record.error.message}</Alert>;
  }
  const r = record.data;
  const title = r ? recordTitle(entity, r) : '…';
  const slots = entity.detail?.slots ?? {};
  const qualified = `${entity.module}.${entity.name}`;
  const slotPrefix = `${qualified}.detail`;

  const remove = () =>
    modals.openConfirmModal({
      title: `Delete ${title}?`,
      children: <Text size="sm">{entity.actions.restore ? 'You can restore it right after.' : 'You cannot undo this.'}</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await deleteRecord(entity.api, id);
        } catch (e) {
          notifications.show({ color: 'red', message: `Delete failed: ${(e as Error).message}` });
          return;
        }
        queryClient.invalidateQueries({ queryKey: ['list', entity.api] });
        const nid = `del-${id}`;
        notifications.show({
          id: nid,
          autoClose: 10_000,
          message: (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{entity.label} “{title}” deleted</Text>
              {entity.actions.restore && (
                <Button size="xs" variant="light" onClick={async () => {
                  notifications.hide(nid);
                  await restoreRecord(entity.api, id);
                  queryClient.invalidateQueries({ queryKey: ['list', entity.api] });
                  queryClient.invalidateQueries({ queryKey: ['record', entity.api, id] });
                  notifications.show({ color: 'green', message: `${entity.label} “${title}” restored` });
                  navigate(`${entity.route}/${id}`);
                }}>Undo</Button>
              )}
            </Group>
          ),
        });
        navigate(entity.route);
      },
    });

  const main = (
    <Stack gap="md">
      {detailSections(entity).map((s) => (
        <Paper p="md" key={s.label} component="section" aria-label={s.label}>
          <Title order={2} size="h3" mb="sm">{s.label}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm" component="dl" style={{ margin: 0 }}>
            {s.fields.map((name) => {
              const f = fields.get(name)!;
              return (
                <div key={name}>
                  <Text component="dt" size="xs" c="dimmed" fw={600}>{f.label}</Text>
                  <dd style={{ margin: 0 }} data-field={name}>
                    {r ? <FieldValue field={f} value={r[name]} refNames={names} /> : <Skeleton h={14} w="60%" />}
                  </dd>
                </div>
              );
            })}
          </SimpleGrid>
        </Paper>
      ))}
      {r && (slots.main ?? []).length > 0 && <SlotWidgets ui={ui} widgets={slots.main!} host={r} />}
      {r && <ExtensionSlot ui={ui} slot={`${slotPrefix}.main`} entity={qualified} record={r} />}
      {r && (entity.detail?.related ?? []).map((rel) => (
        <RelatedRecords key={`${rel.entity}.${rel.field}`} ui={ui} entityKey={rel.entity} field={rel.field} title={rel.label} columns={rel.columns} hostId={r.id} />
      ))}
      {r && entity.features?.audit && <HistoryTimeline entity={entity} id={r.id} />}
    </Stack>
  );
  const sidebar = r ? (slots.sidebar ?? []) : [];
  const urn = `urn:prm:${entity.module}:${entity.api.split('/').pop()}:${id}`;
  const agentPanel = r && agents.length > 0 ? (
    <Suspense fallback={null}>
      <RecordAgents agents={agents} record={urn} start={startAgent} onStarted={() => setStartAgent(null)} />
    </Suspense>
  ) : null;
  const extensionSidebar = !!r && slotHasWidgets(ui, `${slotPrefix}.sidebar`);

  return (
    <>
      <PageHeader
        crumbs={[{ label: entity.pluralLabel, to: entity.route }, { label: title }]}
        title={title}
        subtitle={r ? `${r.public_id ? `${String(r.public_id)} · ` : ''}${entity.label} · updated ${formatValue({ name: 'updated_at', label: '', type: 'datetime' }, r.updated_at)}${r.updated_by && !/^[0-9a-f-]{36}$/i.test(String(r.updated_by)) ? ` by ${String(r.updated_by)}` : ''}` : undefined}
        actions={
          r && (
            <>
              {agents.length === 1 && (
                <Button variant="default" leftSection={<IconRobot size={16} aria-hidden />} onClick={() => setStartAgent(agents[0])}>
                  Run agent
                </Button>
              )}
              {agents.length > 1 && (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default" leftSection={<IconRobot size={16} aria-hidden />}>Run agent</Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {agents.map((a) => <Menu.Item key={a.name} onClick={() => setStartAgent(a)}>{a.label}</Menu.Item>)}
                  </Menu.Dropdown>
                </Menu>
              )}
              {entity.actions.delete && (
                <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={remove}>
                  Delete
                </Button>
              )}
              {entity.actions.update && (
                <Button component={Link} to={`${entity.route}/${id}/edit`} leftSection={<IconEdit size={16} aria-hidden />}>
                  Edit
                </Button>
              )}
            </>
          )
        }
      />
      {sidebar.length > 0 || agentPanel || extensionSidebar ? (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>{main}</Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md" component="aside" aria-label="Related information">
              {agentPanel}
              {sidebar.length > 0 && <SlotWidgets ui={ui} widgets={sidebar} host={r!} compact />}
              <ExtensionSlot ui={ui} slot={`${slotPrefix}.sidebar`} entity={qualified} record={r!} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        main
      )}
    </>
  );
}
