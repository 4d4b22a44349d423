// Deleting records (soft delete) with an "Undo" that restores them.
import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { deleteRecord, restoreRecord, type EntityMeta, type RecordData } from '@prm/ui';

export function useBulkDelete(entity: EntityMeta, onChanged: () => void) {
  const [busy, setBusy] = useState(false);

  const restore = async (ids: string[]) => {
    const results = await Promise.allSettled(ids.map((id) => restoreRecord(entity.api, id)));
    const failed = results.filter((r) => r.status === 'rejected').length;
    notifications.show({
      color: failed ? 'red' : 'green',
      message: failed ? `${failed} of ${ids.length} could not be restored` : `${ids.length} ${ids.length === 1 ? entity.label : entity.pluralLabel} restored`,
    });
    onChanged();
  };

  const remove = async (records: RecordData[]) => {
    setBusy(true);
    const results = await Promise.allSettled(records.map((r) => deleteRecord(entity.api, r.id)));
    setBusy(false);
    const deleted = records.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
    const failed = records.length - deleted.length;
    const id = `deleted-${Date.now()}`;
    notifications.show({
      id,
      color: failed ? 'orange' : 'gray',
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            {deleted.length} {deleted.length === 1 ? entity.label : entity.pluralLabel} deleted{failed ? `, ${failed} refused` : ''}
          </Text>
          {entity.actions.restore && deleted.length > 0 && (
            <Button size="xs" variant="light" onClick={() => { notifications.hide(id); restore(deleted); }}>
              Undo
            </Button>
          )}
        </Group>
      ),
    });
    onChanged();
  };

  const run = (records: RecordData[]) =>
    modals.openConfirmModal({
      title: `Delete ${records.length} ${records.length === 1 ? entity.label : entity.pluralLabel}?`,
      children: <Text size="sm">{entity.actions.restore ? 'Deleted records can be restored.' : 'This cannot be undone by you.'}</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove(records),
    });

  return { run, busy, restore };
}
