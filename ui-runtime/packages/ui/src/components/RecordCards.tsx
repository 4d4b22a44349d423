// Records as a list of cards: the list page on phones and slot widgets in a narrow sidebar, where a
// table would scroll sideways or cut badges. The first column is the card's title (a link to the
// record); the other columns read as label/value pairs.
import { Anchor, Checkbox, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { FieldMeta, RecordData } from '../api/types';
import { formatValue } from '../meta/format';
import { FieldValue } from './FieldValue';

export interface RecordCardsProps {
  route: string;
  columns: FieldMeta[];
  records: RecordData[];
  /** Accessible name of the list. */
  label: string;
  refNames?: Map<string, string>;
  loading?: boolean;
  selectable?: boolean;
  selected?: Record<string, RecordData>;
  onSelect?: (s: Record<string, RecordData>) => void;
  /** Tighter spacing and no border per card, for sidebar widgets. */
  compact?: boolean;
}

export function RecordCards({ route, columns, records, label, refNames, loading = false, selectable = false, selected = {}, onSelect, compact = false }: RecordCardsProps) {
  const [first, ...rest] = columns;
  if (loading) {
    return (
      <Stack gap="xs" aria-busy>
        {[0, 1, 2, 3].map((i) => <Skeleton key={i} h={compact ? 36 : 72} />)}
      </Stack>
    );
  }
  return (
    <Stack component="ul" gap={compact ? 0 : 'xs'} aria-label={label} className="prm-cards" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {records.map((r) => {
        const title = (first && formatValue(first, r[first.name], refNames)) || r.id;
        return (
          <Paper component="li" key={r.id} p={compact ? 6 : 'sm'} withBorder={!compact} className={compact ? 'prm-card-compact' : undefined}
            bg={selected[r.id] ? 'var(--mantine-color-brand-0)' : undefined}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              {selectable && onSelect && (
                <Checkbox
                  mt={2}
                  aria-label={`Select ${title}`}
                  checked={!!selected[r.id]}
                  onChange={(e) => {
                    const next = { ...selected };
                    if (e.currentTarget.checked) next[r.id] = r;
                    else delete next[r.id];
                    onSelect(next);
                  }}
                />
              )}
              <div style={{ minWidth: 0, flex: 1 }}>
                <Anchor component={Link} to={`${route}/${r.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {title}
                </Anchor>
                {rest.length > 0 && (
                  <dl className="prm-card-fields">
                    {rest.map((c) => (
                      <div key={c.name} style={{ display: 'contents' }}>
                        <Text component="dt" size="xs" c="dimmed">{c.label}</Text>
                        <dd>
                          <FieldValue field={c} value={r[c.name]} refNames={refNames} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
