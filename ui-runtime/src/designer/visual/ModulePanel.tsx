// Module properties: title, description, version, requires, navigation; and events and UI slots.
import { Button, Group, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Designer } from '../useDesigner';
import { pointer, problemsAt } from '../useDesigner';
import { addKey, removeItem, removeKey, setList, setValue } from '../model/edits';
import { CommitNumber, CommitText, errorText, ProblemList } from './common';

export function ModulePanel({ d }: { d: Designer }) {
  const m = d.manifest;
  const err = (...p: string[]) => errorText(problemsAt(d.problems, pointer(...p)));
  const set = (path: string[], value: unknown) => d.edit((doc) => setValue(doc, path, value));
  const [req, setReq] = useState('');
  return (
    <Stack gap="md">
      <Paper p="md">
        <Title order={3} size="h4" mb="xs">Module {m.module}</Title>
        <SimpleGrid cols={2} spacing="sm">
          <CommitText label="Title" value={m.title ?? ''} onCommit={(v) => set(['title'], v)} error={err('title')} />
          <CommitText label="Version" description="major.minor.patch; the review says which step the changes need" value={m.version ?? ''} onCommit={(v) => set(['version'], v)} error={err('version')} />
          <CommitText label="Description" value={m.description ?? ''} onCommit={(v) => set(['description'], v)} />
          <CommitText label="Navigation section" value={m.navigation?.section ?? ''} onCommit={(v) => set(['navigation', 'section'], v)} error={err('navigation')} />
          <CommitText label="Navigation label" value={m.navigation?.label ?? ''} onCommit={(v) => set(['navigation', 'label'], v)} />
          <CommitText label="Navigation icon" value={m.navigation?.icon ?? ''} onCommit={(v) => set(['navigation', 'icon'], v)} />
          <CommitNumber label="Navigation order" value={m.navigation?.order} onCommit={(v) => set(['navigation', 'order'], v)} />
        </SimpleGrid>
      </Paper>
      <Paper p="md">
        <Title order={3} size="h4" mb="xs">Requires</Title>
        <ProblemList problems={problemsAt(d.problems, pointer('requires'))} />
        {Object.entries(m.requires ?? {}).map(([module, range]) => (
          <Group key={module} gap="xs" mb={4}>
            <Text size="sm" w={160}>{module}</Text>
            <CommitText aria-label={`Version range of ${module}`} size="xs" value={String(range)} onCommit={(v) => set(['requires', module], v)} />
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => d.edit((doc) => removeKey(doc, ['requires', module]))}>Remove</Button>
          </Group>
        ))}
        <Group gap="xs" align="flex-end">
          <TextInput size="xs" label="Require module" placeholder="organizations" value={req} onChange={(e) => setReq(e.currentTarget.value)} />
          <Button size="xs" variant="light" disabled={!/^[a-z][a-z0-9_]*$/.test(req)} onClick={() => { d.edit((doc) => addKey(doc, ['requires'], req, '^1.0')); setReq(''); }}>Add</Button>
        </Group>
      </Paper>
      <EventsEditor d={d} />
    </Stack>
  );
}

function EventsEditor({ d }: { d: Designer }) {
  const events = d.manifest.events ?? {};
  const slots = d.manifest.ui?.slots ?? [];
  const [name, setName] = useState('');
  return (
    <Paper p="md">
      <Title order={3} size="h4" mb="xs">Events and UI slots</Title>
      <ProblemList problems={problemsAt(d.problems, pointer('events'))} />
      <Text size="sm" fw={600}>Published events</Text>
      {Object.entries(events.publishes ?? {}).map(([event, def]) => (
        <Group key={event} gap="xs" mb={4}>
          <Text size="sm" w={200}>{event}</Text>
          <CommitText size="xs" aria-label={`Description of ${event}`} placeholder="description" value={def?.description ?? ''} style={{ flex: 1 }}
            onCommit={(v) => d.edit((doc) => setValue(doc, ['events', 'publishes', event, 'description'], v))} />
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => d.edit((doc) => removeKey(doc, ['events', 'publishes', event]))}>Remove</Button>
        </Group>
      ))}
      <Group gap="xs" align="flex-end" mb="sm">
        <TextInput size="xs" label="New event" placeholder="TicketEscalated" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button size="xs" variant="light" disabled={!/^[A-Z][A-Za-z0-9]*$/.test(name)}
          onClick={() => { d.edit((doc) => addKey(doc, ['events', 'publishes'], name, { schema: { type: 'object' } })); setName(''); }}>Add event</Button>
      </Group>
      <TagsInput label="Subscribed events" description="module.Event, e.g. partners.PartnerUpdated" value={events.subscribes ?? []}
        onChange={(v) => d.edit((doc) => setList(doc, ['events', 'subscribes'], v))} error={errorText(problemsAt(d.problems, pointer('events', 'subscribes')))} />
      <Text size="sm" fw={600} mt="sm">UI slots</Text>
      {slots.map((slot, i) => (
        <Group key={i} gap="xs" mb={4}>
          <Text size="sm" style={{ flex: 1 }}>{String(slot.widget)} of {String(slot.entity)} on {String(slot.target)}</Text>
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => d.edit((doc) => removeItem(doc, ['ui', 'slots'], i))}>Remove</Button>
        </Group>
      ))}
      {slots.length === 0 && <Text size="xs" c="dimmed">No slots. A slot places a related list or a summary card on another entity's page (edit it in the YAML view).</Text>}
    </Paper>
  );
}
