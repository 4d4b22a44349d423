// The preview: the runtime's own list, detail and form pages rendering the draft for a chosen role
// or user, from metadata the server compiles in memory (never published) over sample records
// answered in the browser. It runs in a React root of its own (its own router and query cache), so
// its links and state never touch the designer around it.
import { Alert, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { MantineProvider } from '@mantine/core';
import { keepPreviousData, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { addVirtualRoute, cssVariablesResolver, theme, type UiMetadata } from '@prm/ui';
import { useAuthConfig } from '../../api/metadata';
import { DetailPage } from '../../pages/DetailPage';
import { FormPage } from '../../pages/FormPage';
import { ListPage } from '../../pages/ListPage';
import { UiContext } from '../../shell/UiContext';
import { designerApi } from '../api';
import type { Designer } from '../useDesigner';
import { sampleRecords } from './samples';
import { previewMetadata, sampleRoute } from './sampleApi';

type Page = 'list' | 'detail' | 'form';

function PreviewApp({ ui, route }: { ui: UiMetadata; route: string }) {
  const client = useMemo(() => {
    const c = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } } });
    // saved views belong to real users: the preview has none
    for (const key of Object.keys(ui.entities)) c.setQueryData(['views', key], []);
    return c;
  }, [ui]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[route]}>
          <UiContext.Provider value={ui}>
            <Routes>
              <Route path="/o/:module/:entity" element={<ListPage />} />
              <Route path="/o/:module/:entity/new" element={<FormPage mode="create" />} />
              <Route path="/o/:module/:entity/:id" element={<DetailPage />} />
              <Route path="/o/:module/:entity/:id/edit" element={<FormPage mode="edit" />} />
              <Route path="*" element={<Text size="sm" c="dimmed">Nothing to preview here.</Text>} />
            </Routes>
          </UiContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

export function PreviewPane({ d }: { d: Designer }) {
  const auth = useAuthConfig();
  const declared = Object.keys(d.manifest.permissions ?? {});
  const [who, setWho] = useState<string | null>(null);
  const [page, setPage] = useState<Page>('list');
  const [entity, setEntity] = useState<string | null>(null);
  const users = (auth.data?.users ?? []).map((u) => ({ value: `user:${u.username}`, label: `${u.username} (${u.roles.join(', ')})`, roles: u.roles }));
  const choice = who ?? (declared[0] ? `role:${declared[0]}` : null);
  const roles = choice?.startsWith('user:') ? users.find((u) => u.value === choice)?.roles ?? [] : choice ? [choice.slice(5)] : [];

  const preview = useQuery({
    queryKey: ['designer-preview', d.text, roles.join(',')],
    queryFn: () => designerApi.preview(d.text, roles),
    enabled: !d.syntaxError && d.text !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const ui = useMemo(() => (preview.data ? previewMetadata(preview.data.metadata) : null), [preview.data]);
  const records = useMemo(() => (ui && preview.data ? sampleRecords(ui, preview.data.module) : null), [ui, preview.data]);
  const entities = ui ? Object.entries(ui.entities).filter(([, e]) => e.module === d.module) : [];
  const current = entities.find(([key]) => key === entity) ?? entities[0];
  const route = current
    ? page === 'list' ? current[1].route : page === 'form' ? `${current[1].route}/new` : `${current[1].route}/${records?.get(current[1].api)?.[0]?.id ?? 'none'}`
    : '/';

  useEffect(() => (records ? addVirtualRoute(sampleRoute(records)) : undefined), [records]);

  const host = useRef<HTMLDivElement>(null);
  const root = useRef<Root | null>(null);
  useEffect(() => {
    root.current = createRoot(host.current!);
    const r = root.current;
    return () => {
      // unmount after the current render pass: React forbids unmounting a root while rendering
      setTimeout(() => r.unmount());
    };
  }, []);
  useEffect(() => {
    if (ui) root.current?.render(<PreviewApp key={`${route}|${preview.dataUpdatedAt}`} ui={ui} route={route} />);
    else root.current?.render(<></>);
  }, [ui, route, preview.dataUpdatedAt]);

  const rule = current && roles.length === 1 ? d.manifest.permissions?.[roles[0]]?.[current[1].name]?.read : undefined;
  return (
    <Stack gap="xs" h="100%">
      <Group gap="xs" wrap="wrap">
        <Select
          aria-label="Preview as"
          size="xs"
          w={230}
          placeholder="Choose a role or user"
          data={[
            { group: 'Roles', items: (preview.data?.roles ?? declared).map((r) => ({ value: `role:${r}`, label: r })) },
            { group: 'Users', items: users.map(({ value, label }) => ({ value, label })) },
          ]}
          value={choice}
          onChange={setWho}
        />
        <Select aria-label="Entity" size="xs" w={150} data={entities.map(([key, e]) => ({ value: key, label: e.label }))} value={current?.[0] ?? null} onChange={setEntity} />
        <SegmentedControl size="xs" value={page} onChange={(v) => setPage(v as Page)} data={[{ value: 'list', label: 'List' }, { value: 'detail', label: 'Detail' }, { value: 'form', label: 'Form' }]} />
      </Group>
      {d.syntaxError && <Alert color="yellow" title="The YAML does not parse">Fix it to see the preview.</Alert>}
      {preview.isError && <Alert color="red" role="alert" title="The draft cannot be previewed">{preview.error.message}: fix the problems listed in the editor.</Alert>}
      {ui && !current && <Alert color="gray" title="Nothing visible">This role can read no entity of {d.module}: the navigation would not show the module.</Alert>}
      {rule && typeof rule === 'object' && 'where' in rule && (
        <Text size="xs" c="dimmed">Rows: only records matching <code>{rule.where}</code> (the sample records are shown unfiltered).</Text>
      )}
      <Paper p="sm" bg="var(--mantine-color-gray-0)" style={{ flex: 1, overflow: 'auto' }} aria-label="Preview" component="section" data-testid="preview">
        <div ref={host} />
      </Paper>
    </Stack>
  );
}
