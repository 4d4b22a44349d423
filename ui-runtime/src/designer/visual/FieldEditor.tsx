// One field of an entity: name (a rename writes renamedFrom when the field is installed), type and
// every option the manifest allows for that type, each showing the server's problems at its pointer.
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Designer } from '../useDesigner';
import { pointer, problemsAt } from '../useDesigner';
import * as op from '../model/operations';
import { FIELD_TYPES, FORMULA_TYPES, optionsOf, type FieldDef } from '../model/types';
import { CommitNumber, CommitText, errorText, ExpressionInput, ProblemList } from './common';

const LABELS: Record<string, string> = { min: 'Minimum', max: 'Maximum', minLength: 'Minimum length', maxLength: 'Maximum length', precision: 'Precision (digits)', scale: 'Scale (digits after the point)' };

const FLAGS: Array<[string, string]> = [
  ['required', 'Required'], ['unique', 'Unique'], ['readOnly', 'Read-only'], ['filterable', 'Filterable'],
  ['sortable', 'Sortable'], ['searchable', 'Searchable'], ['hierarchy', 'Parent link (hierarchy)'],
];

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

export function FieldEditor({ d, entity, name, targets }: { d: Designer; entity: string; name: string; targets: string[] }) {
  const field: FieldDef = d.manifest.entities?.[entity]?.fields?.[name] ?? {};
  const at = (option: string) => pointer('entities', entity, 'fields', name, option);
  const err = (option: string) => errorText(problemsAt(d.problems, at(option), true));
  const set = (option: string, value: unknown) => d.edit((doc) => op.setFieldOption(doc, entity, name, option, value));
  const options = optionsOf(field.type);
  const installed = !!d.installed?.entities?.[entity]?.fields?.[field.renamedFrom ?? name];
  const [newName, setNewName] = useState(name);
  useEffect(() => setNewName(name), [name]);
  const dictionaries = Object.keys(d.manifest.dictionaries ?? {});
  const own = problemsAt(d.problems, pointer('entities', entity, 'fields', name), true);

  return (
    <Stack gap="sm" data-testid={`field-editor-${name}`}>
      <Group justify="space-between">
        <Title order={3} size="h4">Field {name}</Title>
        <Button size="xs" variant="light" color="red" onClick={() => d.edit((doc) => op.removeField(doc, entity, name))}>
          Remove field
        </Button>
      </Group>
      <ProblemList problems={own} />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label="Name"
          description={installed ? 'Renaming keeps the stored values (renamedFrom)' : 'lowercase letters, digits and _'}
          value={newName}
          onChange={(e) => setNewName(e.currentTarget.value)}
          onBlur={() => newName !== name && NAME.test(newName) && d.edit((doc) => op.renameField(doc, entity, name, newName, installed))}
          error={newName && !NAME.test(newName) ? 'lowercase letters, digits and _, starting with a letter' : undefined}
        />
        <Select label="Type" data={[...FIELD_TYPES]} value={field.type ?? null} onChange={(v) => v && set('type', v)} error={err('type')} allowDeselect={false} />
        <CommitText label="Label" value={field.label ?? ''} onCommit={(v) => set('label', v)} error={err('label')} />
        <CommitText label="Description" value={field.description ?? ''} onCommit={(v) => set('description', v)} />
      </SimpleGrid>
      <Group gap="md">
        {FLAGS.filter(([key]) => options.includes(key)).map(([key, label]) => (
          <Checkbox key={key} label={label} checked={!!field[key]} onChange={(e) => set(key, e.currentTarget.checked || undefined)} error={err(key)} />
        ))}
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        {options.includes('dictionary') && (
          <Select label="Dictionary" data={dictionaries} value={field.dictionary ?? null} onChange={(v) => set('dictionary', v ?? undefined)} error={err('dictionary')} />
        )}
        {options.includes('to') && (
          <Select label="Refers to" searchable data={targets} value={field.to ?? null} onChange={(v) => set('to', v ?? undefined)} error={err('to')} />
        )}
        {options.includes('onDelete') && (
          <Select label="When the target is deleted" clearable data={[{ value: 'restrict', label: 'refuse (restrict)' }, { value: 'setNull', label: 'clear this field (setNull)' }, { value: 'cascade', label: 'delete this record (cascade)' }]}
            value={field.onDelete ?? null} onChange={(v) => set('onDelete', v ?? undefined)} error={err('onDelete')} />
        )}
        {(['min', 'max', 'minLength', 'maxLength', 'precision', 'scale'] as const).filter((k) => options.includes(k)).map((k) => (
          <CommitNumber key={k} label={LABELS[k]} value={field[k]} onCommit={(v) => set(k, v)} error={err(k)} />
        ))}
        {options.includes('pattern') && (
          <CommitText label="Pattern (regular expression)" value={field.pattern ?? ''} onCommit={(v) => set('pattern', v)} error={err('pattern')} />
        )}
        {options.includes('currencies') && (
          <TagsInput label="Currencies" description="ISO codes; empty = any" value={field.currencies ?? []} onChange={(v) => set('currencies', v)} error={err('currencies')} />
        )}
        {options.includes('default') && !field.formula && (
          <DefaultInput field={field} onChange={(v) => set('default', v)} error={err('default')} options={dictionaryCodes(d, field.dictionary)} />
        )}
      </SimpleGrid>
      {FORMULA_TYPES.includes(field.type ?? '') && (
        <ExpressionInput
          label="Formula (CEL)"
          description="Computed on every write from the record's other fields; the field becomes read-only"
          value={field.formula ?? ''}
          onChange={(v) => set('formula', v)}
          source={d.text}
          entity={entity}
          kind={{ cel: true, field: name }}
          placeholder="e.g. amount * 0.2"
        />
      )}
    </Stack>
  );
}

function dictionaryCodes(d: Designer, dictionary: string | undefined): string[] {
  const dict = dictionary ? d.manifest.dictionaries?.[dictionary] : undefined;
  if (!dict) return [];
  const values = Array.isArray(dict) ? dict : dict.values ?? [];
  return values.map((v) => (typeof v === 'string' ? v : v.code));
}

function DefaultInput({ field, onChange, error, options }: { field: FieldDef; onChange: (v: unknown) => void; error?: string; options: string[] }) {
  const value = field.default;
  if (field.type === 'boolean') {
    return <Select label="Default" clearable data={['true', 'false']} value={value === undefined || value === null ? null : String(value)} onChange={(v) => onChange(v === null ? undefined : v === 'true')} error={error} />;
  }
  if (field.type === 'dictionary') {
    return <Select label="Default" clearable data={options} value={(value as string) ?? null} onChange={(v) => onChange(v ?? undefined)} error={error} />;
  }
  if (['integer', 'bigint', 'decimal'].includes(field.type ?? '')) {
    return <CommitNumber label="Default" value={value as number | undefined} onCommit={onChange} error={error} />;
  }
  return <CommitText label="Default" value={value === undefined || value === null ? '' : String(value)} onCommit={onChange} error={error} />;
}
