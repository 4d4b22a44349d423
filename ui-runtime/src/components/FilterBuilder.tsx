// The filter builder: conditions over filterable fields, operators by type; writes the filter
// language of docs/query.md.
import { ActionIcon, Badge, Button, Group, Popover, Select, Stack, Text, TextInput, MultiSelect } from '@mantine/core';
import IconFilter from '@tabler/icons-react/icons/IconFilter';
import IconPlus from '@tabler/icons-react/icons/IconPlus';
import IconTrash from '@tabler/icons-react/icons/IconTrash';
import { useState } from 'react';
import { FieldInput, OPERATOR_LABELS, operatorsFor, type Condition, type FieldMeta, type Operator } from '@prm/ui';

interface Props {
  fields: FieldMeta[];
  conditions: Condition[];
  onApply: (conditions: Condition[]) => void;
}

function ValueInput({ field, condition, onChange }: { field: FieldMeta; condition: Condition; onChange: (v: string | string[]) => void }) {
  const label = `Value for ${field.label}`;
  if (condition.op === 'isNull' || condition.op === 'isNotNull') return null;
  if ((condition.op === 'in' || condition.op === 'nin') && field.options) {
    return (
      <MultiSelect aria-label={label} data={field.options} value={(condition.value as string[]) ?? []} onChange={onChange} w={220} comboboxProps={{ withinPortal: false }} />
    );
  }
  if (field.type === 'dictionary' && field.options) {
    return <Select aria-label={label} data={field.options} value={(condition.value as string) ?? null} onChange={(v) => onChange(v ?? '')} w={220} comboboxProps={{ withinPortal: false }} />;
  }
  if (field.type === 'boolean') {
    return <Select aria-label={label} data={[{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }]} value={(condition.value as string) ?? null} onChange={(v) => onChange(v ?? '')} w={220} comboboxProps={{ withinPortal: false }} />;
  }
  if (field.type === 'date') {
    return <FieldInput field={{ ...field, required: false, readOnly: false }} value={condition.value ?? null} onChange={(v) => onChange((v as string) ?? '')} label="" ariaLabel={label} withAsterisk={false} />;
  }
  if (field.type === 'reference') {
    return <FieldInput field={{ ...field, required: false, readOnly: false }} value={condition.value ?? null} onChange={(v) => onChange((v as string) ?? '')} label="" ariaLabel={label} withAsterisk={false} />;
  }
  return <TextInput aria-label={label} value={(condition.value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value)} w={220} />;
}

export function FilterBuilder({ fields, conditions, onApply }: Props) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<Condition[]>(conditions);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const open = () => {
    setDraft(conditions.length > 0 ? conditions : fields[0] ? [{ field: fields[0].name, op: operatorsFor(fields[0])[0] }] : []);
    setOpened(true);
  };
  const update = (i: number, c: Partial<Condition>) => setDraft((d) => d.map((x, j) => (j === i ? { ...x, ...c } : x)));

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={680} shadow="md" trapFocus withArrow>
      <Popover.Target>
        <Button
          variant={conditions.length > 0 ? 'light' : 'default'}
          leftSection={<IconFilter size={16} aria-hidden />}
          rightSection={conditions.length > 0 ? <Badge size="xs" circle>{conditions.length}</Badge> : null}
          onClick={() => (opened ? setOpened(false) : open())}
          disabled={fields.length === 0}
        >
          Filter
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label="Filter conditions">
          {draft.length === 0 && <Text size="sm" c="dimmed">No conditions: every record is shown.</Text>}
          {draft.map((c, i) => {
            const field = byName.get(c.field) ?? fields[0];
            return (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                <Select
                  aria-label={`Field of condition ${i + 1}`}
                  data={fields.map((f) => ({ value: f.name, label: f.label }))}
                  value={c.field}
                  onChange={(v) => {
                    const f = byName.get(v ?? '');
                    if (f) update(i, { field: f.name, op: operatorsFor(f)[0], value: undefined });
                  }}
                  w={180}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: false }}
                />
                <Select
                  aria-label={`Operator of condition ${i + 1}`}
                  data={operatorsFor(field).map((o) => ({ value: o, label: OPERATOR_LABELS[o] }))}
                  value={c.op}
                  onChange={(v) => update(i, { op: (v ?? 'eq') as Operator, value: v === 'in' || v === 'nin' ? [] : undefined })}
                  w={140}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: false }}
                />
                <ValueInput field={field} condition={c} onChange={(v) => update(i, { value: v })} />
                <ActionIcon variant="subtle" color="gray" aria-label={`Remove condition ${i + 1}`} onClick={() => setDraft((d) => d.filter((_, j) => j !== i))} mt={4}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            );
          })}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDraft((d) => [...d, { field: fields[0].name, op: operatorsFor(fields[0])[0] }])}>
              Add condition
            </Button>
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => { onApply([]); setOpened(false); }}>
                Clear
              </Button>
              <Button size="xs" onClick={() => { onApply(draft); setOpened(false); }}>
                Apply filter
              </Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
