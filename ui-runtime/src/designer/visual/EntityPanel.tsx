// An entity: its properties and features, its fields (ordered by drag and drop), the field being
// edited, and its screens: list columns, filters and sort, form and detail sections.
import { Badge, Button, Checkbox, Divider, Grid, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { Designer } from '../useDesigner';
import { pointer, problemsAt } from '../useDesigner';
import * as op from '../model/operations';
import { moveItem, setList, setValue } from '../model/edits';
import { FIELD_TYPES, type EntityDef } from '../model/types';
import { CommitNumber, CommitText, errorText, ProblemList, ReorderList } from './common';
import { FieldEditor } from './FieldEditor';

const FEATURES: Array<[string, string, boolean]> = [
  ['audit', 'Audit history', false], ['activity', 'Activity log', false], ['softDelete', 'Recycle bin (soft delete)', true], ['optimisticLock', 'Optimistic locking', true],
];

function featureOn(entity: EntityDef, feature: string, dflt: boolean): boolean {
  const f = entity.features;
  if (Array.isArray(f)) return f.includes(feature) || dflt;
  if (f && typeof f === 'object' && feature in f) return f[feature] !== false;
  return dflt;
}

export function EntityPanel({ d, entity, targets }: { d: Designer; entity: string; targets: string[] }) {
  const def: EntityDef = d.manifest.entities?.[entity] ?? {};
  const fields = Object.keys(def.fields ?? {});
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected && fields.includes(selected) ? selected : null;
  const e = (key: string) => pointer('entities', entity, key);
  const err = (key: string) => errorText(problemsAt(d.problems, e(key)));
  const set = (key: string, value: unknown) => d.edit((doc) => setValue(doc, ['entities', entity, key], value));
  const [newField, setNewField] = useState('');
  const [newType, setNewType] = useState<string>('text');

  const setFeature = (feature: string, on: boolean, dflt: boolean) =>
    d.edit((doc) => {
      const f = def.features;
      // keep the list form while it can say it (it can only switch features on)
      if ((Array.isArray(f) || f === undefined) && (on || !dflt)) {
        const list = new Set(Array.isArray(f) ? f : []);
        if (on && !dflt) list.add(feature);
        else list.delete(feature);
        setList(doc, ['entities', entity, 'features'], [...list]);
        return;
      }
      const object: Record<string, boolean> = Array.isArray(f) ? Object.fromEntries(f.map((x) => [x, true])) : { ...((f as Record<string, boolean>) ?? {}) };
      if (on === dflt) delete object[feature];
      else object[feature] = on;
      setValue(doc, ['entities', entity, 'features'], Object.keys(object).length ? object : undefined);
    });

  return (
    <Stack gap="md">
      <Paper p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3">{entity}</Title>
          <Button size="xs" variant="subtle" color="red" onClick={() => d.edit((doc) => op.removeEntity(doc, entity))}>Remove entity</Button>
        </Group>
        <ProblemList problems={problemsAt(d.problems, pointer('entities', entity), true)} />
        <SimpleGrid cols={2} spacing="sm">
          <CommitText label="Label" value={def.label ?? ''} onCommit={(v) => set('label', v)} error={err('label')} />
          <CommitText label="Plural label" value={def.pluralLabel ?? ''} onCommit={(v) => set('pluralLabel', v)} error={err('pluralLabel')} />
          <CommitText label="Description" value={def.description ?? ''} onCommit={(v) => set('description', v)} />
          <CommitText label="Display template" description="e.g. $name ($tier)" value={def.display ?? ''} onCommit={(v) => set('display', v)} error={err('display')} />
          <CommitText label="Public id prefix" description="e.g. TKT gives TKT-000123" value={def.publicId?.prefix ?? ''} onCommit={(v) => set('publicId', v ? { prefix: v, digits: def.publicId?.digits ?? 6 } : undefined)} error={err('publicId')} />
          <CommitNumber label="Public id digits" value={def.publicId?.digits} onCommit={(v) => def.publicId?.prefix && set('publicId', { prefix: def.publicId.prefix, digits: v ?? 6 })} />
        </SimpleGrid>
        <Group gap="md" mt="sm">
          {FEATURES.map(([feature, label, dflt]) => (
            <Checkbox key={feature} label={label} checked={featureOn(def, feature, dflt)} onChange={(ev) => setFeature(feature, ev.currentTarget.checked, dflt)} />
          ))}
        </Group>
        <ProblemList problems={problemsAt(d.problems, e('features'))} />
      </Paper>

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper p="md">
            <Title order={3} size="h4" mb="xs">Fields</Title>
            <ReorderList
              name={`Fields of ${entity}`}
              items={fields}
              label={(f) => f}
              onMove={(from, to) => d.edit((doc) => op.moveField(doc, entity, fields[from], to))}
              render={(f) => {
                const field = def.fields?.[f] ?? {};
                const bad = problemsAt(d.problems, pointer('entities', entity, 'fields', f)).length > 0;
                return (
                  <UnstyledButton onClick={() => setSelected(f)} aria-pressed={current === f} style={{ width: '100%' }}>
                    <Group gap={6}>
                      <VisuallyHidden>Edit field</VisuallyHidden>
                      <Text size="sm" fw={current === f ? 700 : 500} c={bad ? 'red.8' : undefined}>{f}</Text>
                      <Badge size="xs" variant="light" color="gray">{field.type ?? '?'}</Badge>
                      {field.required && <Badge size="xs" variant="outline">required</Badge>}
                      {field.formula && <Badge size="xs" variant="outline" color="grape">formula</Badge>}
                    </Group>
                  </UnstyledButton>
                );
              }}
            />
            <Divider my="sm" />
            <TextInput label="New field" placeholder="due_date" value={newField} onChange={(ev) => setNewField(ev.currentTarget.value)} mb="xs" />
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Select label="New field type" data={[...FIELD_TYPES]} value={newType} onChange={(v) => setNewType(v ?? 'text')} style={{ flex: 1 }} allowDeselect={false} />
              <Button
                disabled={!/^[a-z][a-z0-9_]{0,62}$/.test(newField) || fields.includes(newField)}
                onClick={() => {
                  const dict = Object.keys(d.manifest.dictionaries ?? {})[0];
                  const def2: Record<string, string> = { type: newType, label: op.humanize(newField) };
                  if ((newType === 'dictionary' || newType === 'multidictionary') && dict) def2.dictionary = dict;
                  if (newType === 'reference') def2.to = entity;
                  d.edit((doc) => op.addField(doc, entity, newField, def2));
                  setSelected(newField);
                  setNewField('');
                }}
              >
                Add
              </Button>
            </Group>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper p="md">
            {current ? <FieldEditor d={d} entity={entity} name={current} targets={targets} /> : <Text size="sm" c="dimmed">Choose a field to edit it.</Text>}
          </Paper>
        </Grid.Col>
      </Grid>
      <LayoutEditor d={d} entity={entity} def={def} fields={fields} />
    </Stack>
  );
}

const SYSTEM = ['created_at', 'updated_at', 'created_by', 'updated_by'];

function LayoutEditor({ d, entity, def, fields }: { d: Designer; entity: string; def: EntityDef; fields: string[] }) {
  const list = def.ui?.list ?? {};
  const sections = def.ui?.form?.sections ?? [];
  const setListHint = (key: string, values: string[]) => d.edit((doc) => setList(doc, ['entities', entity, 'ui', 'list', key], values));
  const err = (...path: string[]) => errorText(problemsAt(d.problems, pointer('entities', entity, 'ui', ...path)));
  const filterable = fields.filter((f) => def.fields?.[f]?.filterable);
  return (
    <Paper p="md">
      <Title order={3} size="h4" mb="xs">Screens</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <MultiSelect label="List columns (in order)" data={[...fields, ...SYSTEM]} value={list.columns ?? []} onChange={(v) => setListHint('columns', v)} error={err('list', 'columns')} searchable />
        <MultiSelect label="Default sort" description="-name sorts descending" data={[...fields, ...SYSTEM].flatMap((f) => [f, `-${f}`])} value={list.sort ?? []} onChange={(v) => setListHint('sort', v)} error={err('list', 'sort')} searchable />
        <MultiSelect label="Filters offered" data={filterable} value={list.filters ?? []} onChange={(v) => setListHint('filters', v)} error={err('list', 'filters')} />
        <MultiSelect label="Quick search fields" data={filterable} value={list.searchFields ?? []} onChange={(v) => setListHint('searchFields', v)} error={err('list', 'searchFields')} />
      </SimpleGrid>
      <Text fw={600} size="sm" mt="md" mb={4}>Form sections (drag to order)</Text>
      <ReorderList
        name={`Form sections of ${entity}`}
        items={sections}
        label={(s) => s.label ?? 'Section'}
        onMove={(from, to) => d.edit((doc) => moveItem(doc, ['entities', entity, 'ui', 'form', 'sections'], from, to))}
        onRemove={(i) => d.edit((doc) => setList(doc, ['entities', entity, 'ui', 'form', 'sections'], sections.filter((_, j) => j !== i)))}
        render={(s, i) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <CommitText aria-label="Section label" size="xs" value={s.label ?? ''} onCommit={(v) => d.edit((doc) => setValue(doc, ['entities', entity, 'ui', 'form', 'sections', i, 'label'], v))} w={140} />
            <MultiSelect aria-label={`Fields of section ${s.label ?? i + 1}`} size="xs" data={fields} value={s.fields ?? []} style={{ flex: 1 }}
              onChange={(v) => d.edit((doc) => setList(doc, ['entities', entity, 'ui', 'form', 'sections', i, 'fields'], v))} error={err('form', 'sections', String(i))} />
          </Group>
        )}
      />
      <Button mt="xs" size="xs" variant="light" onClick={() => d.edit((doc) => {
        const placed = new Set(sections.flatMap((s) => s.fields ?? []));
        const rest = fields.filter((f) => !placed.has(f));
        setList(doc, ['entities', entity, 'ui', 'form', 'sections'], [...sections, { label: sections.length ? 'More' : def.label ?? entity, fields: rest.length ? rest : fields.slice(0, 1) }]);
      })}>
        Add section
      </Button>
    </Paper>
  );
}
