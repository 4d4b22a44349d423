// Dictionaries (picklists): label, extensible by tenants, values with labels in order.
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Designer } from '../useDesigner';
import { pointer, problemsAt } from '../useDesigner';
import * as op from '../model/operations';
import { moveItem, removeKey, setValue } from '../model/edits';
import type { DictionaryValue } from '../model/types';
import { CommitText, ProblemList, ReorderList } from './common';

const CODE = /^[a-z][a-z0-9_]{0,62}$/;

export function DictionariesPanel({ d }: { d: Designer }) {
  const names = Object.keys(d.manifest.dictionaries ?? {});
  const [name, setName] = useState('');
  return (
    <Stack gap="md">
      {names.map((dict) => <DictionaryEditor key={dict} d={d} name={dict} />)}
      {names.length === 0 && <Text size="sm" c="dimmed">No dictionaries yet: a dictionary is the list of values a dictionary field offers.</Text>}
      <Paper p="md">
        <Group align="flex-end" gap="xs">
          <TextInput label="New dictionary" placeholder="ticket_status" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Button disabled={!CODE.test(name) || names.includes(name)} onClick={() => { d.edit((doc) => op.addDictionary(doc, name, op.humanize(name), ['new'])); setName(''); }}>
            Add dictionary
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

function DictionaryEditor({ d, name }: { d: Designer; name: string }) {
  const raw = d.manifest.dictionaries?.[name];
  const full = Array.isArray(raw) ? { values: raw } : raw ?? {};
  const values: DictionaryValue[] = (full.values ?? []).map((v) => (typeof v === 'string' ? { code: v } : v));
  const [code, setCode] = useState('');
  const path = ['dictionaries', name];
  return (
    <Paper p="md" data-testid={`dictionary-${name}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">{name}</Title>
        <Button size="xs" variant="subtle" color="red" onClick={() => d.edit((doc) => removeKey(doc, path))}>Remove dictionary</Button>
      </Group>
      <ProblemList problems={problemsAt(d.problems, pointer(...path))} />
      <Group gap="md" align="flex-end" mb="sm">
        {!Array.isArray(raw) && (
          <CommitText label="Label" value={full.label ?? ''} onCommit={(v) => d.edit((doc) => setValue(doc, [...path, 'label'], v))} />
        )}
        <Checkbox label="Tenants may add values (extensible)" checked={!Array.isArray(raw) && !!full.extensible}
          onChange={(e) => d.edit((doc) => { if (Array.isArray(raw)) op.setDictionaryValue(doc, name, 0, 'code', values[0]?.code); setValue(doc, [...path, 'extensible'], e.currentTarget.checked || undefined); })} />
      </Group>
      <ReorderList
        name={`Values of ${name}`}
        items={values}
        label={(v) => v.code}
        onMove={(from, to) => d.edit((doc) => moveItem(doc, [...path, 'values'], from, to))}
        onRemove={(i) => d.edit((doc) => op.removeDictionaryValue(doc, name, i))}
        render={(v, i) => (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" w={140} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{v.code}</Text>
            <CommitText aria-label={`Label of ${v.code}`} size="xs" placeholder={op.humanize(v.code)} value={v.label ?? ''} style={{ flex: 1 }}
              onCommit={(label) => d.edit((doc) => op.setDictionaryValue(doc, name, i, 'label', label))} />
          </Group>
        )}
      />
      <Group align="flex-end" gap="xs" mt="xs">
        <TextInput size="xs" aria-label={`New value of ${name}`} placeholder="code" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <Button size="xs" variant="light" disabled={!CODE.test(code) || values.some((v) => v.code === code)}
          onClick={() => { d.edit((doc) => op.addDictionaryValue(doc, name, code, op.humanize(code))); setCode(''); }}>
          Add value
        </Button>
      </Group>
    </Paper>
  );
}
