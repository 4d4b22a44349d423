// CSV import: parse in the browser, map columns to fields, check (dry run), import, and report
// the rows that failed with their errors.
import { Alert, Badge, Button, FileInput, Group, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import IconUpload from '@tabler/icons-react/icons/IconUpload';
import Papa from 'papaparse';
import { useState } from 'react';
import { importRows, type EntityMeta, type ImportResult } from '@prm/ui';
import { guessMapping, importTargets, mapRows, mappingProblems, type Target } from '../meta/csvImport';

interface Props {
  entity: EntityMeta;
  opened: boolean;
  onClose: () => void;
  onImported: (created: number) => void;
}

export function ImportModal({ entity, opened, onClose, onImported }: Props) {
  const [headers, setHeaders] = useState<string[]>([]);
  const [rows, setRows] = useState<Record<string, string>[]>([]);
  const [mapping, setMapping] = useState<Record<string, Target | null>>({});
  const [result, setResult] = useState<{ dryRun: boolean; body: ImportResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const targets = importTargets(entity.fields);

  const reset = () => {
    setHeaders([]);
    setRows([]);
    setMapping({});
    setResult(null);
    setError(null);
  };

  const load = (file: File | null) => {
    reset();
    if (!file) return;
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: 'greedy',
      complete: (parsed) => {
        const h = parsed.meta.fields ?? [];
        setHeaders(h);
        setRows(parsed.data);
        setMapping(guessMapping(h, entity.fields));
        if (parsed.errors.length > 0) setError(`Line ${parsed.errors[0].row}: ${parsed.errors[0].message}`);
      },
      error: (e) => setError(e.message),
    });
  };

  const problems = headers.length > 0 ? mappingProblems(mapping, entity.fields, rows.length) : [];

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const body = await importRows(entity.api, mapRows(rows, mapping, entity.fields), dryRun);
      setResult({ dryRun, body });
      if (!dryRun) onImported(body.created);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={() => { reset(); onClose(); }} title={`Import ${entity.pluralLabel} from CSV`} size="xl">
      <Stack>
        <FileInput label="CSV file" accept=".csv,text/csv" placeholder="Choose a file" leftSection={<IconUpload size={16} aria-hidden />} onChange={load} clearable />
        {headers.length > 0 && (
          <>
            <Text size="sm">{rows.length} rows. Map each column to a field (unmapped columns are ignored):</Text>
            <ScrollArea.Autosize mah={260}>
              <Table aria-label="Column mapping">
                <Table.Thead>
                  <Table.Tr><Table.Th>CSV column</Table.Th><Table.Th>Example</Table.Th><Table.Th>Field</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {headers.map((h) => (
                    <Table.Tr key={h}>
                      <Table.Td>{h}</Table.Td>
                      <Table.Td><Text size="xs" c="dimmed" truncate maw={200}>{rows[0]?.[h]}</Text></Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Field for column ${h}`}
                          data={targets}
                          value={mapping[h] ?? null}
                          onChange={(v) => setMapping((m) => ({ ...m, [h]: v }))}
                          placeholder="Ignore"
                          clearable
                          size="xs"
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        {problems.map((p) => <Alert key={p} color="yellow">{p}</Alert>)}
        {error && <Alert color="red" role="alert">{error}</Alert>}
        {result && (
          <Stack gap="xs" role="status">
            <Group gap="xs">
              <Badge color={result.dryRun ? 'gray' : 'green'}>{result.dryRun ? 'Check' : 'Imported'}</Badge>
              <Text size="sm">
                {result.body.total} rows: {result.dryRun ? `${result.body.total - result.body.failed.length} valid` : `${result.body.created} created`}, {result.body.failed.length} with errors
              </Text>
            </Group>
            {result.body.failed.length > 0 && (
              <ScrollArea.Autosize mah={200}>
                <Table aria-label="Rows with errors">
                  <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Errors</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {result.body.failed.map((f) => (
                      <Table.Tr key={f.row}>
                        <Table.Td>{f.row}</Table.Td>
                        <Table.Td>{f.errors.map((e) => `${e.field ?? e.pointer ?? ''}: ${e.message}`).join('; ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => { reset(); onClose(); }}>Close</Button>
          <Button variant="light" onClick={() => run(true)} disabled={headers.length === 0 || problems.length > 0} loading={busy}>Check</Button>
          <Button onClick={() => run(false)} disabled={headers.length === 0 || problems.length > 0 || (result !== null && !result.dryRun)} loading={busy}>Import</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
