// The designer of one module: the visual editor and the YAML side by side (editing either updates
// the other: both show the draft text), or the preview; review, publish, download, history.
import { Alert, Badge, Button, Grid, Group, Menu, Paper, SegmentedControl, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import IconDownload from '@tabler/icons-react/icons/IconDownload';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { designerApi } from './api';
import { parseManifest } from './yaml/roundTrip';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@prm/ui';
import { HistoryDrawer } from './HistoryDrawer';
import { PreviewPane } from './preview/PreviewPane';
import { ReviewModal } from './review/ReviewModal';
import { useDesigner, type Designer } from './useDesigner';
import { DictionariesPanel } from './visual/DictionariesPanel';
import { EntityPanel } from './visual/EntityPanel';
import { ModulePanel } from './visual/ModulePanel';
import { PermissionsPanel } from './visual/PermissionsPanel';
import { RulesPanel } from './visual/RulesPanel';
import { WorkflowPanel } from './visual/WorkflowPanel';
import { YamlEditor } from './yaml/YamlEditor';
import * as op from './model/operations';

const SAVE_LABEL: Record<string, [string, string]> = {
  loading: ['loading…', 'gray'], saved: ['draft saved', 'green'], saving: ['saving…', 'blue'], unsaved: ['unsaved', 'yellow'],
  conflict: ['changed in another tab: reload', 'red'], error: ['not saved', 'red'],
};

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function ModuleDesigner() {
  const { module = '' } = useParams();
  const d = useDesigner(module);
  const navigate = useNavigate();
  const [side, setSide] = useState<'yaml' | 'preview'>('yaml');
  const [reviewing, setReviewing] = useState(false);
  const [history, setHistory] = useState(false);
  const [label, color] = SAVE_LABEL[d.save];
  const own = d.problems.filter((p) => p.file === `${module}/module.yaml`);
  const elsewhere = d.problems.filter((p) => p.file !== `${module}/module.yaml`);

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Designer', to: '/designer' }, { label: module }]}
        title={<>{d.manifest.title ?? module} <Text span c="dimmed" size="lg">{d.manifest.version}</Text></>}
        subtitle={d.state?.activeVersion ? `installed ${d.state.activeVersion}` : 'not installed yet'}
        actions={
          <>
            <Badge color={color} variant="light" aria-live="polite">{label}</Badge>
            <Tooltip label={own.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n') || 'The server accepts the draft'} multiline maw={420}>
              <Badge color={d.problems.length ? 'red' : 'green'} variant="light" data-testid="problem-count">
                {d.validating ? 'checking…' : d.problems.length ? `${d.problems.length} problem${d.problems.length > 1 ? 's' : ''}` : 'valid'}
              </Badge>
            </Tooltip>
            <Menu>
              <Menu.Target><Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>More</Button></Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => download(`${module}-module.yaml`, d.text)}>Download YAML</Menu.Item>
                <Menu.Item onClick={() => setHistory(true)} disabled={!d.state?.activeVersion}>History and rollback</Menu.Item>
                <Menu.Item color="red" onClick={() => void d.discard()} disabled={!d.state?.draft}>Discard my draft</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button onClick={() => setReviewing(true)} disabled={!!d.syntaxError || d.text === ''}>Review and publish</Button>
          </>
        }
      />
      <Stack gap="xs" mb="sm">
        {d.state?.others.map((o) => (
          <Alert key={o.author} color="orange" title="Someone else is editing this module" role="alert" data-testid="conflict">
            {o.authorName} has a draft of {module} (based on {o.baseVersion ?? 'nothing installed'}, saved {new Date(o.updatedAt).toLocaleString()}).
            Whoever publishes second must start from the first one's version: coordinate before publishing.
          </Alert>
        ))}
        {d.state?.draft?.stale && (
          <Alert color="orange" title="Published since your draft began">
            Your draft started from {d.state.draft.baseVersion ?? 'nothing'}, but {d.state.activeVersion} is installed now; the review compares with {d.state.activeVersion}.
          </Alert>
        )}
        {d.syntaxError && <Alert color="yellow" title="The YAML does not parse">{d.syntaxError} — the visual editor waits until it does.</Alert>}
        {elsewhere.length > 0 && (
          <Alert color="red" title="Problems in other modules caused by this draft">
            {elsewhere.map((p, i) => <Text key={i} size="sm">{p.file}:{p.line}:{p.column} {p.pointer}: {p.message}</Text>)}
          </Alert>
        )}
      </Stack>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <VisualEditor d={d} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper p="xs" style={{ position: 'sticky', top: 70, height: 'calc(100vh - 100px)', display: 'flex', flexDirection: 'column' }}>
            <SegmentedControl mb="xs" size="xs" value={side} onChange={(v) => setSide(v as 'yaml' | 'preview')} data={[{ value: 'yaml', label: 'YAML' }, { value: 'preview', label: 'Preview' }]} aria-label="Side panel" />
            <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
              {side === 'yaml' ? <YamlEditor value={d.text} onChange={d.setText} problems={own} /> : <PreviewPane d={d} />}
            </div>
          </Paper>
        </Grid.Col>
      </Grid>
      <ReviewModal d={d} opened={reviewing} onClose={() => setReviewing(false)} onPublished={() => { setReviewing(false); void d.reload(); navigate(`/designer/m/${module}`); }} />
      <HistoryDrawer d={d} opened={history} onClose={() => setHistory(false)} />
    </>
  );
}

/** Entities of the required modules, as reference targets (module.Entity), read from their published manifests. */
function useRequiredEntities(modules: string[]): string[] {
  const found = useQuery({
    queryKey: ['designer-required', modules.join(',')],
    queryFn: async () => {
      const out: string[] = [];
      for (const m of modules) {
        const text = await designerApi.published(m).catch(() => '');
        const value = parseManifest(text).toJS() as { entities?: Record<string, unknown> } | null;
        out.push(...Object.keys(value?.entities ?? {}).map((e) => `${m}.${e}`));
      }
      return out;
    },
    staleTime: 60_000,
  });
  return found.data ?? [];
}

function VisualEditor({ d }: { d: Designer }) {
  const entities = Object.keys(d.manifest.entities ?? {});
  const [entity, setEntity] = useState<string | null>(null);
  const current = entity && entities.includes(entity) ? entity : entities[0];
  const [newEntity, setNewEntity] = useState('');
  const roles = [...new Set([...Object.keys(d.manifest.roles ?? {}), ...Object.keys(d.manifest.permissions ?? {})])];
  const required = useRequiredEntities(Object.keys(d.manifest.requires ?? {}));
  const targets = [...entities, ...required];
  if (d.syntaxError) return <Text size="sm" c="dimmed">The visual editor shows the draft once its YAML parses.</Text>;
  const entityPicker = (
    <Group gap="xs" mb="sm">
      {entities.map((e) => (
        <Button key={e} size="xs" variant={e === current ? 'filled' : 'default'} onClick={() => setEntity(e)}>{e}</Button>
      ))}
      <input aria-label="New entity name" placeholder="NewEntity" value={newEntity} onChange={(e) => setNewEntity(e.currentTarget.value)}
        style={{ width: 120, padding: '4px 8px', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }} />
      <Button size="xs" variant="light" disabled={!/^[A-Z][A-Za-z0-9]{0,62}$/.test(newEntity) || entities.includes(newEntity)}
        onClick={() => { d.edit((doc) => op.addEntity(doc, newEntity, op.humanize(newEntity))); setEntity(newEntity); setNewEntity(''); }}>
        Add entity
      </Button>
    </Group>
  );
  return (
    <Tabs defaultValue="entities" keepMounted={false}>
      <Tabs.List mb="sm">
        <Tabs.Tab value="module">Module</Tabs.Tab>
        <Tabs.Tab value="entities">Entities and fields</Tabs.Tab>
        <Tabs.Tab value="dictionaries">Dictionaries</Tabs.Tab>
        <Tabs.Tab value="permissions">Permissions</Tabs.Tab>
        <Tabs.Tab value="workflow">Workflow</Tabs.Tab>
        <Tabs.Tab value="rules">Rules and formulas</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="module"><ModulePanel d={d} /></Tabs.Panel>
      <Tabs.Panel value="entities">{entityPicker}{current && <EntityPanel key={current} d={d} entity={current} targets={targets} />}</Tabs.Panel>
      <Tabs.Panel value="dictionaries"><DictionariesPanel d={d} /></Tabs.Panel>
      <Tabs.Panel value="permissions"><PermissionsPanel d={d} /></Tabs.Panel>
      <Tabs.Panel value="workflow">{entityPicker}{current && <WorkflowPanel d={d} entity={current} roles={roles} />}</Tabs.Panel>
      <Tabs.Panel value="rules">{entityPicker}{current && <RulesPanel d={d} entity={current} />}</Tabs.Panel>
    </Tabs>
  );
}
