// A workflow: a state machine on a dictionary field, as a diagram and as a table of transitions
// (from, to, roles, guard, set, emit). Guards are CEL, type-checked as they are typed.
import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Designer } from '../useDesigner';
import { pointer, problemsAt } from '../useDesigner';
import * as op from '../model/operations';
import { removeKey } from '../model/edits';
import type { TransitionDef } from '../model/types';
import { CommitText, errorText, ExpressionInput, ProblemList } from './common';

function codesOf(d: Designer, dictionary: string | undefined): string[] {
  const dict = dictionary ? d.manifest.dictionaries?.[dictionary] : undefined;
  if (!dict) return [];
  const values = Array.isArray(dict) ? dict : dict.values ?? [];
  return values.map((v) => (typeof v === 'string' ? v : v.code));
}

const fromList = (t: TransitionDef) => (Array.isArray(t.from) ? t.from : t.from ? [t.from] : []);

export function WorkflowPanel({ d, entity, roles }: { d: Designer; entity: string; roles: string[] }) {
  const def = d.manifest.entities?.[entity] ?? {};
  const workflow = def.workflow;
  const dictFields = Object.entries(def.fields ?? {}).filter(([, f]) => f?.type === 'dictionary').map(([n]) => n);
  const [name, setName] = useState('');
  if (!workflow) {
    return (
      <Paper p="md">
        <Text size="sm" mb="sm">{entity} has no workflow. A workflow moves records between the codes of a dictionary field through named transitions.</Text>
        {dictFields.length === 0 ? (
          <Text size="sm" c="dimmed">Add a dictionary field first (e.g. status).</Text>
        ) : (
          <Button onClick={() => d.edit((doc) => {
            const field = dictFields[0];
            const codes = codesOf(d, def.fields?.[field]?.dictionary);
            op.setWorkflow(doc, entity, field, codes[0] ?? '');
          })}>Add a workflow on {dictFields[0]}</Button>
        )}
      </Paper>
    );
  }
  const states = codesOf(d, def.fields?.[workflow.field ?? '']?.dictionary);
  const transitions = Object.entries(workflow.transitions ?? {}) as Array<[string, TransitionDef]>;
  const at = (...p: string[]) => pointer('entities', entity, 'workflow', ...p);
  return (
    <Stack gap="md">
      <Paper p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4">Workflow of {entity}</Title>
          <Button size="xs" variant="subtle" color="red" onClick={() => d.edit((doc) => removeKey(doc, ['entities', entity, 'workflow']))}>Remove workflow</Button>
        </Group>
        <ProblemList problems={problemsAt(d.problems, at(), true)} />
        <Group gap="sm">
          <Select label="State field" data={dictFields} value={workflow.field ?? null} onChange={(v) => v && d.edit((doc) => op.setWorkflow(doc, entity, v, workflow.initial ?? ''))} error={errorText(problemsAt(d.problems, at('field')))} />
          <Select label="Initial state" data={states} value={workflow.initial ?? null} onChange={(v) => v && d.edit((doc) => op.setWorkflow(doc, entity, workflow.field ?? '', v))} error={errorText(problemsAt(d.problems, at('initial')))} />
        </Group>
        <WorkflowDiagram states={states} initial={workflow.initial} transitions={transitions} />
      </Paper>
      <Paper p="md">
        <Table aria-label={`Transitions of ${entity}`} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {['Transition', 'From', 'To', 'Roles'].map((h) => <Table.Th scope="col" key={h}>{h}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          {transitions.map(([tName, t]) => {
            const set = (key: string, value: unknown) => d.edit((doc) => op.setTransition(doc, entity, tName, key, value));
            const err = (key: string) => errorText(problemsAt(d.problems, at('transitions', tName, key)));
            // one body per transition: the lists on the first row, the expressions below at full width
            return (
              <Table.Tbody key={tName} data-testid={`transition-${tName}`}>
                <Table.Tr>
                  <Table.Td style={{ verticalAlign: 'top' }}><Text fw={600} size="sm">{tName}</Text></Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}><MultiSelect size="xs" aria-label={`${tName} from`} searchable data={states} value={fromList(t)} onChange={(v) => set('from', v)} error={err('from')} /></Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}><Select size="xs" aria-label={`${tName} to`} data={states} value={t.to ?? null} onChange={(v) => set('to', v ?? undefined)} error={err('to')} /></Table.Td>
                  <Table.Td style={{ verticalAlign: 'top', minWidth: 170 }}><MultiSelect size="xs" aria-label={`${tName} roles`} searchable data={roles} value={t.roles ?? []} onChange={(v) => set('roles', v)} error={err('roles')} /></Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
                      <ExpressionInput label="Guard (CEL)" value={t.guard ?? ''} onChange={(v) => set('guard', v)} source={d.text} entity={entity} kind={{ cel: true }} placeholder="amount > 0" />
                      <CommitText size="xs" label="Emit event" placeholder="module.EventName" value={t.emit ?? ''} onCommit={(v) => set('emit', v)} error={err('emit')} />
                      {t.guard && <CommitText size="xs" label="Message when the guard fails" value={t.guardMessage ?? ''} onCommit={(v) => set('guardMessage', v)} />}
                    </SimpleGrid>
                    <Button mt={4} size="compact-xs" variant="subtle" color="red" onClick={() => d.edit((doc) => op.removeTransition(doc, entity, tName))}>Remove {tName}</Button>
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            );
          })}
        </Table>
        <Group align="flex-end" gap="xs" mt="sm">
          <TextInput label="New transition" placeholder="approve" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Button disabled={!/^[a-z][a-z0-9_]{0,62}$/.test(name) || transitions.some(([n]) => n === name) || states.length < 2}
            onClick={() => { d.edit((doc) => op.addTransition(doc, entity, name, { from: [workflow.initial ?? states[0]], to: states.find((s) => s !== workflow.initial) ?? states[0] })); setName(''); }}>
            Add transition
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

/** States in a row, transitions as arcs: forward ones above, backward ones below. */
export function WorkflowDiagram({ states, initial, transitions }: { states: string[]; initial?: string; transitions: Array<[string, TransitionDef]> }) {
  const w = 130;
  const x = (s: string) => 70 + states.indexOf(s) * w;
  const width = Math.max(states.length * w + 20, 200);
  const arcs = transitions.flatMap(([name, t]) => fromList(t).filter((f) => states.includes(f) && t.to && states.includes(t.to)).map((f) => ({ name, from: f, to: t.to! })));
  return (
    <svg role="img" aria-label={`Workflow diagram: ${arcs.map((a) => `${a.name} from ${a.from} to ${a.to}`).join('; ') || 'no transitions'}`} width="100%" viewBox={`0 0 ${width} 200`} style={{ maxHeight: 220, marginTop: 8 }}>
      <defs>
        <marker id="prm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-gray-7)" />
        </marker>
      </defs>
      {arcs.map((a, i) => {
        const x1 = x(a.from);
        const x2 = x(a.to);
        const forward = x2 >= x1;
        const lift = forward ? -(30 + Math.abs(x2 - x1) / 6) : 30 + Math.abs(x2 - x1) / 6;
        const y = forward ? 82 : 118;
        const mid = (x1 + x2) / 2;
        return (
          <g key={i}>
            <path d={`M ${x1} ${y} Q ${mid} ${y + lift * 1.6} ${x2} ${y}`} fill="none" stroke="var(--mantine-color-gray-6)" strokeWidth="1.4" markerEnd="url(#prm-arrow)" />
            <text x={mid} y={y + lift * 0.8 + (forward ? -2 : 10)} fontSize="11" textAnchor="middle" fill="#343a40">{a.name}</text>
          </g>
        );
      })}
      {states.map((s) => (
        <g key={s}>
          <rect x={x(s) - 52} y={82} width={104} height={36} rx={18} fill={s === initial ? 'var(--mantine-color-brand-0)' : 'white'} stroke={s === initial ? 'var(--mantine-color-brand-7)' : 'var(--mantine-color-gray-5)'} strokeWidth={s === initial ? 2 : 1} />
          <text x={x(s)} y={104} fontSize="12" textAnchor="middle" fill="#212529">{s}</text>
        </g>
      ))}
    </svg>
  );
}
