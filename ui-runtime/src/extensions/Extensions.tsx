// Module UI extensions in the shell: the widgets a slot shows and the pages of the /x/ routes.
// Each loads its module's bundle on first use (a skeleton meanwhile) and renders inside its own
// error boundary, so a failing extension never takes the page down with it.
import { useQuery } from '@tanstack/react-query';
import { Paper, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { LinesSkeleton, PageFrame, useUi, TableSkeleton, type ExtensionMeta, type RecordData, type UiMetadata } from '@prm/ui';
import { ExtensionBoundary, ExtensionError } from './ExtensionBoundary';
import { loadExtension, type ExtensionModule } from './loader';
import { NotFound } from '../pages/NotFound';

function useExtension(extension: ExtensionMeta | undefined, load = loadExtension) {
  return useQuery<ExtensionModule>({
    queryKey: ['extension', extension?.url],
    queryFn: () => load(extension!.url),
    enabled: !!extension,
    staleTime: Infinity,
    retry: false,
  });
}

export function slotHasWidgets(ui: UiMetadata, slot: string): boolean {
  return (ui.extensions ?? []).some((e) => e.widgets.some((w) => w.slots.includes(slot)));
}

/** The widgets of every module placed into `slot` (e.g. deals.Deal.detail.sidebar) for this record. */
export function ExtensionSlot({ ui, slot, entity, record }: { ui: UiMetadata; slot: string; entity: string; record: RecordData }) {
  const placed = (ui.extensions ?? []).flatMap((extension) =>
    extension.widgets.filter((w) => w.slots.includes(slot)).map((widget) => ({ extension, widget })));
  return (
    <>
      {placed.map(({ extension, widget }) => {
        const props: Record<string, unknown> = {};
        if (widget.props.includes('recordUrn')) props.recordUrn = record.urn;
        if (widget.props.includes('recordId')) props.recordId = record.id;
        if (widget.props.includes('entity')) props.entity = entity;
        const name = `${extension.module} / ${widget.title}`;
        return (
          <section key={`${extension.module}.${widget.name}`} aria-label={widget.title} data-extension-widget={`${extension.module}.${widget.name}`}>
            <ExtensionBoundary name={name} resetKey={extension.url}>
              <ExtensionWidget extension={extension} name={widget.name} title={widget.title} props={props} />
            </ExtensionBoundary>
          </section>
        );
      })}
    </>
  );
}

export function ExtensionWidget({ extension, name, title, props, load }: {
  extension: ExtensionMeta; name: string; title: string; props: Record<string, unknown>; load?: (url: string) => Promise<ExtensionModule>;
}) {
  const loaded = useExtension(extension, load);
  if (loaded.isPending) {
    return (
      <Paper p="md" aria-label={`Loading ${title}`}>
        <Title order={2} size="h4" mb="xs">{title}</Title>
        <LinesSkeleton />
      </Paper>
    );
  }
  if (loaded.isError) return <ExtensionError name={`${extension.module} / ${title}`} error={loaded.error} />;
  const Widget = loaded.data.widgets[name];
  if (!Widget) return <ExtensionError name={`${extension.module} / ${title}`} error={`the bundle has no widget '${name}'`} />;
  return <Widget {...props} />;
}

/** Route /x/:module/:page — a page a module ships, if the caller may see it. */
export function ExtensionRoute() {
  const ui = useUi();
  const { module, page } = useParams();
  return <ExtensionPage key={`${module}/${page}`} ui={ui} />;
}

export function ExtensionPage({ ui }: { ui: UiMetadata }) {
  const { module, page } = useParams();
  const extension = (ui.extensions ?? []).find((e) => e.module === module);
  const meta = extension?.pages.find((p) => p.name === page);
  const loaded = useExtension(meta ? extension : undefined);
  if (!extension || !meta) return <NotFound />;
  const name = `${extension.module} / ${meta.title}`;
  if (loaded.isPending) {
    return (
      <PageFrame title={meta.title}>
        <TableSkeleton />
      </PageFrame>
    );
  }
  if (loaded.isError) return <PageFrame title={meta.title}><ExtensionError name={name} error={loaded.error} /></PageFrame>;
  const Page = loaded.data.pages[meta.name];
  if (!Page) return <PageFrame title={meta.title}><ExtensionError name={name} error={`the bundle has no page '${meta.name}'`} /></PageFrame>;
  return (
    <ExtensionBoundary name={name} resetKey={extension.url}>
      <Page />
    </ExtensionBoundary>
  );
}
