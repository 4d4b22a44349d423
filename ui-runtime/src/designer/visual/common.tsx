// Small pieces the designer's panels share: problems shown at the input they concern, reorderable
// lists (drag and drop, plus buttons for keyboard users), and expression inputs checked by the server.
import { ActionIcon, Box, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import IconArrowDown from '@tabler/icons-react/icons/IconArrowDown';
import IconArrowUp from '@tabler/icons-react/icons/IconArrowUp';
import IconGripVertical from '@tabler/icons-react/icons/IconGripVertical';
import IconTrash from '@tabler/icons-react/icons/IconTrash';
import { useEffect, useState, type ReactNode } from 'react';
import { designerApi, type ExpressionProblem, type ManifestProblem } from '../api';

/** The messages of problems at a pointer, for an input's `error` prop. */
export function errorText(problems: ManifestProblem[]): string | undefined {
  return problems.length ? problems.map((p) => p.message).join('; ') : undefined;
}

export function ProblemList({ problems, label }: { problems: ManifestProblem[]; label?: string }) {
  if (problems.length === 0) return null;
  return (
    <Stack gap={2} role="alert" aria-label={label ?? 'Problems'}>
      {problems.map((p, i) => (
        <Text key={i} size="xs" c="red.8">
          {p.message}
        </Text>
      ))}
    </Stack>
  );
}

interface ReorderProps<T> {
  items: T[];
  label: (item: T) => string;
  render: (item: T, index: number) => ReactNode;
  onMove: (from: number, to: number) => void;
  onRemove?: (index: number) => void;
  name: string;
}

/** A list whose rows can be dragged to a new place, or moved with the arrow buttons. */
export function ReorderList<T>({ items, label, render, onMove, onRemove, name }: ReorderProps<T>) {
  const [dragging, setDragging] = useState<number | null>(null);
  return (
    <Stack gap={4} role="list" aria-label={name}>
      {items.map((item, i) => (
        <Paper
          key={label(item) + i}
          role="listitem"
          p={6}
          draggable
          data-testid={`row-${label(item)}`}
          onDragStart={(e) => {
            setDragging(i);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', String(i));
          }}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const from = dragging ?? Number(e.dataTransfer.getData('text/plain'));
            if (!Number.isNaN(from) && from !== i) onMove(from, i);
            setDragging(null);
          }}
          style={{ opacity: dragging === i ? 0.5 : 1 }}
        >
          <Group gap="xs" wrap="nowrap">
            <IconGripVertical size={16} aria-hidden style={{ cursor: 'grab', flexShrink: 0 }} color="var(--mantine-color-gray-6)" />
            <Box style={{ flex: 1, minWidth: 0 }}>{render(item, i)}</Box>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${label(item)} up`} disabled={i === 0} onClick={() => onMove(i, i - 1)}>
              <IconArrowUp size={14} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${label(item)} down`} disabled={i === items.length - 1} onClick={() => onMove(i, i + 1)}>
              <IconArrowDown size={14} />
            </ActionIcon>
            {onRemove && (
              <Tooltip label="Remove">
                <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${label(item)}`} onClick={() => onRemove(i)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export type ExpressionKind = { cel: true; field?: string } | { rule: true };

interface ExpressionProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  source: string;
  entity: string;
  kind: ExpressionKind;
  description?: string;
  placeholder?: string;
}

/**
 * An expression typed by the author and checked by the server as they type: CEL (validation rules,
 * guards, formulas) type-checked against the entity, or a record rule in the filter language. The
 * problem is shown below, with the expression and a marker at the position it points at.
 */
export function ExpressionInput({ label, value, onChange, source, entity, kind, description, placeholder }: ExpressionProps) {
  const [local, setLocal] = useState(value);
  const [checked] = useDebouncedValue(local, 350);
  const [problems, setProblems] = useState<ExpressionProblem[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => setLocal(value), [value]);
  useEffect(() => {
    if (!checked.trim()) {
      setProblems([]);
      return;
    }
    let live = true;
    setBusy(true);
    const call = 'rule' in kind ? designerApi.rule(source, entity, checked) : designerApi.expression(source, entity, checked, kind.field);
    call
      .then((r) => live && setProblems(r.problems))
      .catch(() => live && setProblems([]))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
    // the draft text changes with every edit; the expression is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checked, entity]);
  const first = problems[0];
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        description={description}
        placeholder={placeholder}
        value={local}
        autosize
        minRows={1}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onChange={(e) => setLocal(e.currentTarget.value)}
        onBlur={() => local !== value && onChange(local)}
        error={first ? first.message : undefined}
        rightSection={busy ? <Text size="xs" c="dimmed">…</Text> : undefined}
        data-checked={busy ? 'pending' : problems.length ? 'error' : 'ok'}
      />
      {first && first.position >= 0 && <PositionMarker text={checked} position={first.position} />}
    </Stack>
  );
}

/** The expression with the character at `position` marked, as a compiler would underline it. */
export function PositionMarker({ text, position }: { text: string; position: number }) {
  const at = Math.min(position, text.length);
  return (
    <Text size="xs" ff="monospace" data-testid="error-position" aria-label={`Error at position ${at}`} style={{ whiteSpace: 'pre-wrap' }}>
      {text.slice(0, at)}
      <mark style={{ background: 'var(--mantine-color-red-2)', color: 'var(--mantine-color-red-9)', outline: '1px solid var(--mantine-color-red-7)' }}>
        {text.slice(at, at + 1) || ' '}
      </mark>
      {text.slice(at + 1)}
    </Text>
  );
}

/** A text input that writes to the manifest when the author leaves it (or presses Enter), not on every key. */
export function CommitText({ value, onCommit, ...props }: { value: string; onCommit: (v: string) => void } & Omit<React.ComponentProps<typeof TextInput>, 'value' | 'onChange'>) {
  const [local, setLocal] = useState(value);
  useEffect(() => setLocal(value), [value]);
  const commit = () => local !== value && onCommit(local);
  return (
    <TextInput
      {...props}
      value={local}
      onChange={(e) => setLocal(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** A number input that writes when the author leaves it. */
export function CommitNumber({ value, onCommit, ...props }: { value: number | undefined; onCommit: (v: number | undefined) => void } & Omit<React.ComponentProps<typeof NumberInput>, 'value' | 'onChange'>) {
  const [local, setLocal] = useState<number | string>(value ?? '');
  useEffect(() => setLocal(value ?? ''), [value]);
  const commit = () => {
    const next = local === '' ? undefined : Number(local);
    if (next !== value) onCommit(next);
  };
  return <NumberInput {...props} value={local} onChange={setLocal} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />;
}
