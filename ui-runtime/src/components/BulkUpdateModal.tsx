// Set one field to one value on every selected record, in one bulk request
// (POST {api}/bulk, each update guarded by the record's version).
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, FieldInput, bulk, type EntityMeta, type RecordData } from '@prm/ui';
import { emptyValue, toApi } from '../meta/formValues';
import { validateValue } from '../meta/validation';

interface Props {
  entity: EntityMeta;
  records: RecordData[];
  opened: boolean;
  onClose: () => void;
  onDone: (count: number) => void;
}

export function BulkUpdateModal({ entity, records, opened, onClose, onDone }: Props) {
  const writable = entity.fields.filter((f) => !f.readOnly && f.type !== 'json');
  const [fieldName, setFieldName] = useState<string | null>(null);
  const [value, setValue] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = writable.find((f) => f.name === fieldName) ?? null;

  const submit = async () => {
    if (!field) return;
    const problem = validateValue(field, value);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await bulk(
        entity.api,
        records.map((r) => ({ op: 'update', id: r.id, ifMatch: r.version, data: { [field.name]: toApi(field, value) } })),
      );
      onDone(records.length);
      onClose();
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : null;
      setError(p?.errors?.length ? p.errors.map((x) => `${x.pointer ?? ''} ${x.message}`).join('; ') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Update ${records.length} ${records.length === 1 ? entity.label : entity.pluralLabel}`}>
      <Stack>
        <Select
          label="Field"
          data={writable.map((f) => ({ value: f.name, label: f.label }))}
          value={fieldName}
          onChange={(v) => {
            setFieldName(v);
            const f = writable.find((x) => x.name === v);
            setValue(f ? emptyValue(f) : null);
            setError(null);
          }}
          searchable
          data-autofocus
        />
        {field && <FieldInput field={field} value={value} onChange={setValue} label="New value" />}
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Text size="xs" c="dimmed">Records changed by someone else since they were listed are refused, not overwritten.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={submit} loading={busy} disabled={!field}>
            Update {records.length}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
