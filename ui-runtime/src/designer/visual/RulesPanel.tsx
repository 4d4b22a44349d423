// Validation rules of an entity (CEL that must hold on every write, with the message users see)
// and its formula fields; every expression is type-checked by the server as it is typed.
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { Designer } from '../useDesigner';
import { pointer, problemsAt } from '../useDesigner';
import * as op from '../model/operations';
import { setValue } from '../model/edits';
import { CommitText, ExpressionInput, ProblemList } from './common';

export function RulesPanel({ d, entity }: { d: Designer; entity: string }) {
  const def = d.manifest.entities?.[entity] ?? {};
  const validations = def.validations ?? [];
  const fields = Object.keys(def.fields ?? {});
  const formulas = Object.entries(def.fields ?? {}).filter(([, f]) => f?.formula);
  return (
    <Stack gap="md">
      <Paper p="md">
        <Title order={3} size="h4" mb="xs">Validation rules of {entity}</Title>
        <Text size="sm" c="dimmed" mb="sm">Each rule is a CEL expression over the record's fields that must be true for a create or update to pass.</Text>
        <Stack gap="md">
          {validations.map((v, i) => {
            const path = ['entities', entity, 'validations', i];
            return (
              <Paper p="sm" key={i} data-testid={`validation-${i}`}>
                <ProblemList problems={problemsAt(d.problems, pointer('entities', entity, 'validations', String(i)))} />
                <ExpressionInput label={`Rule ${i + 1}`} value={v.rule ?? ''} onChange={(rule) => d.edit((doc) => setValue(doc, [...path, 'rule'], rule))}
                  source={d.text} entity={entity} kind={{ cel: true }} placeholder="amount > 0 || stage == 'lost'" />
                <Group gap="sm" mt={4} align="flex-end">
                  <CommitText label="Message" value={v.message ?? ''} onCommit={(m) => d.edit((doc) => setValue(doc, [...path, 'message'], m))} style={{ flex: 1 }} />
                  <Select label="Shown at field" clearable data={fields} value={v.field ?? null} onChange={(f) => d.edit((doc) => setValue(doc, [...path, 'field'], f ?? undefined))} w={180} />
                  <Button variant="subtle" color="red" onClick={() => d.edit((doc) => op.removeValidation(doc, entity, i))}>Remove</Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
        <Button mt="sm" variant="light" onClick={() => d.edit((doc) => op.addValidation(doc, entity, 'true', 'Describe what must hold'))}>Add rule</Button>
      </Paper>
      <Paper p="md">
        <Title order={3} size="h4" mb="xs">Formula fields</Title>
        {formulas.length === 0 && <Text size="sm" c="dimmed">No formula fields. A field's editor (Entities) sets its formula.</Text>}
        {formulas.map(([name, f]) => (
          <ExpressionInput key={name} label={`${name} =`} value={f!.formula ?? ''} onChange={(v) => d.edit((doc) => op.setFieldOption(doc, entity, name, 'formula', v))}
            source={d.text} entity={entity} kind={{ cel: true, field: name }} />
        ))}
      </Paper>
    </Stack>
  );
}
