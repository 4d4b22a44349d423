// deals' pipeline board: one column per stage, a card per deal with its amount and partner. Dragging
// a card to another column requests the workflow transition between the two stages; the server
// decides (roles, guards) and a refused move snaps back with its reason. Filters by partner and by
// owner; the board follows the deal events of the live stream. Each card's "Move to" menu offers the
// same moves from the keyboard (the transitions the caller's roles allow from its stage). Deals are read
// and moved through the typed client `prm types` generated from the manifest (../generated/deals.ts).
import { useState, type DragEvent } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Menu, Paper, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import {
  ApiError, EmptyState, EntityPicker, PageFrame, TableSkeleton, formatMoney, quote, useCaller, useEntityMeta, useEventStream, useRecords,
  useReferenceNames, useTransition,
} from '@prm/ui';
import { Deals, type Deal, type DealTransition } from '../generated/deals';
import { boardFilter, stageLabel, transitionFor } from './pipeline';

const CARD_TYPE = 'application/x-prm-deal';

export default function PipelineBoard() {
  const deals = useEntityMeta('deals.Deal');
  if (!deals?.workflow) {
    return <PageFrame title="Pipeline"><EmptyState title="No pipeline" description="You cannot see the stages of deals." /></PageFrame>;
  }
  return <Board route={deals.route} />;
}

function Board({ route }: { route: string }) {
  const deals = useEntityMeta('deals.Deal')!;
  const workflow = deals.workflow!;
  const stage = deals.fields.find((f) => f.name === workflow.field)!;
  const partnerField = deals.fields.find((f) => f.name === 'partner');
  const options = stage.options ?? [];
  const [partner, setPartner] = useState<string | null>(null);
  const [mine, setMine] = useState(false);
  const caller = useCaller();
  const [moved, setMoved] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const list = useRecords(Deals, { filter: boardFilter({ partner, owner: mine ? caller.id ?? caller.username : null }, quote), sort: '-updated_at', limit: 200 });
  const transition = useTransition(Deals);
  const names = useReferenceNames(partnerField ? [partnerField] : [], list.data?.items ?? []);
  useEventStream(['deals.Deal*'], () => void list.refetch());

  const items: Deal[] = (list.data?.items ?? []).map((d) => ({ ...d, stage: (moved[d.id] ?? d.stage) as Deal['stage'] }));

  async function drop(id: string, to: string) {
    const deal = items.find((d) => d.id === id);
    const from = deal?.stage ?? null;
    setOver(null);
    if (!deal || !from || from === to) return;
    const t = transitionFor(workflow, from, to);
    if (!t) {
      setRefusal(`${deal.name}: no transition leads from ${stageLabel(options, from)} to ${stageLabel(options, to)}`);
      return;
    }
    setMoved((m) => ({ ...m, [id]: to }));
    try {
      await transition.mutateAsync({ id, transition: t.name as DealTransition });
      setRefusal(null);
      await list.refetch();
    } catch (e) {
      const reason = e instanceof ApiError ? e.problem.detail ?? e.message : (e as Error).message;
      setRefusal(`${deal.name} cannot move to ${stageLabel(options, to)}: ${reason}`);
    } finally {
      setMoved(({ [id]: _, ...rest }) => rest);
    }
  }

  const onDrop = (to: string) => (e: DragEvent) => {
    e.preventDefault();
    const id = e.dataTransfer.getData(CARD_TYPE) || e.dataTransfer.getData('text/plain');
    if (id) void drop(id, to);
  };

  return (
    <PageFrame crumbs={[{ label: deals.pluralLabel, to: route }, { label: 'Pipeline' }]} title="Pipeline"
      subtitle="Drag a deal to another stage to move it through the workflow.">
      <Group gap="md" align="flex-end" wrap="wrap">
        {partnerField?.reference && (
          <EntityPicker key={partner ?? 'any'} target={partnerField.reference} label="Partner" value={partner} onChange={(v) => setPartner((v as string) || null)}
            placeholder="Any partner" />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="owner-filter">Owner</Text>
          <SegmentedControl aria-labelledby="owner-filter" value={mine ? 'mine' : 'all'} onChange={(v) => setMine(v === 'mine')}
            data={[{ value: 'all', label: 'Everyone' }, { value: 'mine', label: 'Mine' }]} />
        </Stack>
        {(partner || mine) && (
          <Button variant="subtle" onClick={() => { setPartner(null); setMine(false); }}>Clear filters</Button>
        )}
      </Group>
      {refusal && (
        <Alert color="red" role="alert" title="Move refused" withCloseButton onClose={() => setRefusal(null)} closeButtonLabel="Dismiss">
          {refusal}
        </Alert>
      )}
      {list.isPending ? <TableSkeleton columns={options.length} /> : list.isError ? (
        <Alert color="red" role="alert">{list.error.message}</Alert>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" gap="sm" wrap="nowrap" pb="sm">
            {options.map((o) => {
              const cards = items.filter((d) => d.stage === o.value);
              return (
                <Paper key={o.value} component="section" aria-label={`${o.label} column`} data-stage={o.value} p="xs" miw={170} style={{ flex: '1 1 0' }}
                  bg={over === o.value ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-0)'}
                  onDragOver={(e) => { e.preventDefault(); setOver(o.value); }} onDragLeave={() => setOver(null)} onDrop={onDrop(o.value)}>
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Title order={2} size="h5"><Badge color={o.color ?? 'gray'} variant="light">{o.label}</Badge></Title>
                    <Text size="xs" c="dimmed" aria-label={`${cards.length} deals`}>{cards.length}</Text>
                  </Group>
                  <Stack gap="xs" mih={80}>
                    {cards.map((d) => (
                      <DealCard key={d.id} deal={d} route={route} partner={names.get(d.partner) ?? ''}
                        moves={workflow.transitions.filter((t) => t.from.includes(o.value) && t.allowed)
                          .map((t) => ({ label: stageLabel(options, t.to), to: t.to }))}
                        onMove={(to) => void drop(d.id, to)} />
                    ))}
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        </ScrollArea>
      )}
    </PageFrame>
  );
}

/** A deal on the board: draggable, and movable from the keyboard through its "Move to" menu. */
function DealCard({ deal, route, partner, moves, onMove }: {
  deal: Deal; route: string; partner: string; moves: Array<{ label: string; to: string }>; onMove: (to: string) => void;
}) {
  return (
    <Paper component="article" aria-label={deal.name} data-deal={deal.id} withBorder p="xs" draggable style={{ cursor: 'grab' }}
      onDragStart={(e) => {
        e.dataTransfer.setData(CARD_TYPE, deal.id);
        e.dataTransfer.setData('text/plain', deal.id);
        e.dataTransfer.effectAllowed = 'move';
      }}>
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`${route}/${deal.id}`} size="sm" fw={600} draggable={false}>{deal.name}</Anchor>
        {moves.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" size="sm" aria-label={`Move ${deal.name} to…`}>⋯</ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Move to</Menu.Label>
              {moves.map((m) => <Menu.Item key={m.to} onClick={() => onMove(m.to)}>{m.label}</Menu.Item>)}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm">{formatMoney(deal.amount)}</Text>
        <Text size="xs" c="dimmed" truncate>{partner}</Text>
      </Group>
    </Paper>
  );
}
