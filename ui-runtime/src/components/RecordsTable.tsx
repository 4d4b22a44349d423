// A read-only table of records (related lists and slot widgets): columns from metadata, rows link to detail.
import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import { FieldValue, RecordCards, formatValue, isNumeric, useReferenceNames, type FieldMeta, type RecordData } from '@prm/ui';

/** `compact`: a list of compact cards instead of a table, for the detail page's narrow sidebar. */
export function RecordsTable({ columns, records, route, label, compact = false }: { columns: FieldMeta[]; records: RecordData[]; route: string; label: string; compact?: boolean }) {
  const navigate = useNavigate();
  const names = useReferenceNames(columns, records);
  if (records.length === 0) {
    return <Text size="sm" c="dimmed" py="xs">No {label.toLowerCase()} yet.</Text>;
  }
  if (compact) return <RecordCards route={route} columns={columns} records={records} label={label} refNames={names} compact />;
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table className="prm-table" aria-label={label} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => <Table.Th key={c.name} scope="col" className={isNumeric(c) ? 'prm-num' : undefined}>{c.label}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id} onClick={() => navigate(`${route}/${r.id}`)} style={{ cursor: 'pointer' }}>
              {columns.map((c, i) => (
                <Table.Td key={c.name} className={isNumeric(c) ? 'prm-num' : undefined}>
                  {i === 0 ? (
                    <Anchor component={Link} to={`${route}/${r.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                      {formatValue(c, r[c.name], names) || r.id}
                    </Anchor>
                  ) : (
                    <FieldValue field={c} value={r[c.name]} refNames={names} />
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
