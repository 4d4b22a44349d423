// The dialog of a save answered 412: which fields the newer version changed and which the user
// changed, side by side, who saved it (names from the record's history), then Reload or Overwrite.
import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { recordHistory, useReferenceNames, type EntityMeta, type RecordData } from '@prm/ui';
import { conflictAuthors, conflictRows } from '../meta/conflict';
import { toApi, type FormValues } from '../meta/formValues';

export function ConflictDialog({ entity, base, latest, initial, current, onClose, onReload, onOverwrite }: {
  entity: EntityMeta; base: RecordData | undefined; latest: RecordData | null; initial: FormValues; current: FormValues;
  onClose: () => void; onReload: () => void; onOverwrite: () => void;
}) {
  const fields = entity.fields;
  const history = useQuery({
    queryKey: ['history', entity.api, latest?.id, 'conflict', latest?.version],
    queryFn: () => recordHistory(entity.api, latest!.id, { limit: 20 }),
    enabled: !!latest && !!entity.features?.audit,
  });
  const yours = Object.fromEntries(fields.map((f) => [f.name, toApi(f, current[f.name])]));
  const names = useReferenceNames(fields, latest ? [latest, { ...yours, id: 'form' } as RecordData] : []);
  const rows = latest && base ? conflictRows(fields, base, latest, initial, current, names) : [];
  const authors = latest && base ? conflictAuthors(Number(base.version ?? 0), history.data?.items ?? null, latest) : null;
  const who = history.isPending && entity.features?.audit ? '…' : authors ? authors.join(', ') : 'Someone';

  return (
    <Modal opened={latest !== null} onClose={onClose} title="This record was changed meanwhile" centered size="lg">
      <Stack>
        <Text size="sm" data-testid="conflict-authors">
          {who} saved a newer version (version {latest?.version}) while you were editing.
        </Text>
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={360}>
            <Table aria-label="Changed fields" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Field</Table.Th>
                  <Table.Th scope="col">Saved now</Table.Th>
                  <Table.Th scope="col">Yours</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.field}>
                    <Table.Th scope="row" fw={500}>
                      {r.label}
                      {r.changedByThem && r.changedByMe && <Badge ml={6} size="xs" color="red" variant="light" c="red.9" tt="none">both changed</Badge>}
                    </Table.Th>
                    <Table.Td fw={r.changedByThem ? 600 : undefined}>{r.theirs}</Table.Td>
                    <Table.Td fw={r.changedByMe ? 600 : undefined} c={r.changedByMe ? undefined : 'dimmed'}>{r.yours}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="sm">
          Reload to start again from the saved version, or overwrite: your changes are saved on top of it and the
          fields you did not change keep their saved values.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onReload}>Reload</Button>
          <Button color="red" onClick={onOverwrite}>Overwrite</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
