// One record as a card body: its title linking to the record, then a few fields as a definition list.
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { EntityMeta, FieldMeta, RecordData } from '../api/types';
import { useReferenceNames } from '../hooks/useReferenceNames';
import { recordTitle } from '../meta/format';
import { FieldValue } from './FieldValue';

export function EntityCard({ entity, record, fields }: { entity: EntityMeta; record: RecordData; /** Defaults to the list columns. */ fields?: FieldMeta[] }) {
  const shown = (fields ?? entity.list.columns.map((c) => entity.fields.find((f) => f.name === c)).filter((f): f is FieldMeta => !!f))
    .filter((c) => c.name !== entity.displayField);
  const names = useReferenceNames(shown, [record]);
  return (
    <Stack gap={6}>
      <Anchor component={Link} to={`${entity.route}/${record.id}`} fw={600}>
        {recordTitle(entity, record)}
      </Anchor>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}>
        {shown.map((c) => (
          <div key={c.name} style={{ display: 'contents' }}>
            <Text component="dt" size="xs" c="dimmed">{c.label}</Text>
            <dd style={{ margin: 0 }}><FieldValue field={c} value={record[c.name]} refNames={names} /></dd>
          </div>
        ))}
      </dl>
    </Stack>
  );
}
