// A value for reading: references as links with the target's display name, dictionaries as labels.
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { FieldMeta } from '../api/types';
import { formatValue, optionLabel } from '../meta/format';

/** A dictionary value as a badge in the manifest's colour (a light tint; the text stays dark for contrast). */
function OptionBadge({ field, code }: { field: FieldMeta; code: unknown }) {
  const color = field.options?.find((o) => o.value === code)?.color ?? 'gray';
  return (
    <Badge variant="light" color={color} radius="sm" tt="none" size="md" fw={500} c="dark.7" data-color={color}
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
      {optionLabel(field, code)}
    </Badge>
  );
}
import { routeOfApi } from '../meta/references';

export function FieldValue({ field, value, refNames }: { field: FieldMeta; value: unknown; refNames?: Map<string, string> }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Text span c="dimmed" size="sm" aria-label="empty">—</Text>;
  }
  if (field.type === 'reference' && field.reference) {
    const id = String(value);
    const route = field.reference.route ?? routeOfApi(field.reference.api);
    return (
      <Anchor component={Link} to={`${route}/${id}`} size="sm" onClick={(e) => e.stopPropagation()}>
        {refNames?.get(id) ?? id}
      </Anchor>
    );
  }
  if (field.type === 'dictionary') {
    return <OptionBadge field={field} code={value} />;
  }
  if (field.type === 'multidictionary' && Array.isArray(value)) {
    return (
      <Group gap={4}>
        {value.map((v) => <OptionBadge key={String(v)} field={field} code={v} />)}
      </Group>
    );
  }
  if (field.type === 'url') {
    return <Anchor href={String(value)} target="_blank" rel="noreferrer" size="sm" onClick={(e) => e.stopPropagation()}>{String(value)}</Anchor>;
  }
  if (field.type === 'email') {
    return <Anchor href={`mailto:${String(value)}`} size="sm" onClick={(e) => e.stopPropagation()}>{String(value)}</Anchor>;
  }
  if (field.type === 'json' || field.type === 'longtext' || field.type === 'longText') {
    return <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} ff={field.type === 'json' ? 'monospace' : undefined}>{field.type === 'json' ? JSON.stringify(value, null, 2) : String(value)}</Text>;
  }
  return <Text span size="sm">{formatValue(field, value, refNames)}</Text>;
}
