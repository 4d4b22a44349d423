// The list's applied filters as chips under the toolbar: one per condition (removable on its own),
// the quick-search term, or the raw filter text when it is not one the builder can read back.
import { Button, CloseButton, Group, Pill, Text } from '@mantine/core';
import { buildFilter, conditionLabel, type Condition, type EntityMeta } from '@prm/ui';

export function FilterChips({ entity, conditions, rawFilter, term, onFilter, onClearTerm, onClearAll }: {
  entity: EntityMeta; conditions: Condition[] | null; rawFilter: string; term: string;
  onFilter: (filter: string | null) => void; onClearTerm: () => void; onClearAll: () => void;
}) {
  const chips: { key: string; label: string; remove: () => void }[] = [];
  if (conditions === null) {
    if (rawFilter) chips.push({ key: 'raw', label: `Filter: ${rawFilter}`, remove: () => onFilter(null) });
  } else {
    conditions.forEach((c, i) => chips.push({
      key: `c${i}`,
      label: conditionLabel(entity.fields, c),
      remove: () => onFilter(buildFilter(entity.fields, conditions.filter((_, j) => j !== i)) || null),
    }));
  }
  if (term) chips.push({ key: 'q', label: `Search: ${term}`, remove: onClearTerm });
  if (chips.length === 0) return null;
  return (
    <Group gap={6} mt="xs" role="group" aria-label="Applied filters">
      {chips.map((chip) => (
        <Pill key={chip.key} size="md" className="prm-chip">
          <Group gap={2} wrap="nowrap">
            <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>{chip.label}</Text>
            <CloseButton size="xs" aria-label={`Remove ${chip.label}`} onClick={chip.remove} />
          </Group>
        </Pill>
      ))}
      {chips.length > 1 && (
        <Button size="compact-xs" variant="subtle" onClick={onClearAll}>Clear all</Button>
      )}
    </Group>
  );
}
