// Review and publish: the server's dry run of the draft — classification of every change, the
// version step it needs, the SQL plan, the modules a breaking change affects. Consequences of a
// breaking change are listed in words; only after the author confirms each one does the designer
// write what the pipeline demands (drop directives, the version), then review again, then publish.
import { Alert, Badge, Button, Checkbox, Code, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiError } from '@prm/ui';
import { designerApi, type Review } from '../api';
import * as op from '../model/operations';
import type { Designer } from '../useDesigner';

const CLASS_COLOR: Record<string, string> = { ADDITIVE: 'green', BREAKING: 'red', COSMETIC: 'gray', breaking: 'red', additive: 'green', cosmetic: 'gray', none: 'gray' };

export function ReviewModal({ d, opened, onClose, onPublished }: { d: Designer; opened: boolean; onClose: () => void; onPublished: () => void }) {
  const [review, setReview] = useState<Review | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirmed, setConfirmed] = useState<Record<number, boolean>>({});
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (text = d.text) => {
    setLoading(true);
    setError(null);
    setConfirmed({});
    try {
      setReview(await designerApi.review(text, d.module));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (opened) void run();
    // reviewing is what opening means
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const toConfirm = review?.consequences.filter((c) => !c.acknowledged && !c.blocking) ?? [];
  const blocking = review?.consequences.filter((c) => c.blocking) ?? [];
  const allConfirmed = toConfirm.every((c) => confirmed[review!.consequences.indexOf(c)]);

  const applyConfirmed = async () => {
    if (!review) return;
    const next = op.editConfirmed(d.text, toConfirm);
    d.setText(next);
    // saved at once, not after the typing delay: what is reviewed next is what the server holds
    await d.saveNow();
    await run(next);
  };

  const publish = async () => {
    setPublishing(true);
    setError(null);
    try {
      const revision = await d.saveNow();
      if (revision === undefined) throw new Error('the draft is not saved');
      await designerApi.publish(d.module, revision);
      notifications.show({ color: 'green', message: `${d.module} ${review?.to} published` });
      onPublished();
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message}${e.problem.errors?.length ? ': ' + e.problem.errors.map((x: { message: string }) => x.message).join('; ') : ''}` : (e as Error).message);
    } finally {
      setPublishing(false);
    }
  };

  return (
    <Modal className="prm-designer" opened={opened} onClose={onClose} size="xl" closeButtonProps={{ 'aria-label': 'Close the review' }} title={<Title order={2} size="h3">Review {d.module}</Title>}>
      {loading && <Group><Loader size="sm" /><Text size="sm">Asking the server for a dry run…</Text></Group>}
      {error && <Alert color="red" role="alert" mb="sm">{error}</Alert>}
      {review && !loading && (
        <Stack gap="md" data-testid="review">
          <Group gap="sm">
            <Text size="sm">{review.from ? `${review.from} → ${review.to}` : `new module, version ${review.to}`}</Text>
            <Badge color={CLASS_COLOR[review.classification] ?? 'gray'} variant="light">{review.classification}</Badge>
            {review.publishable ? <Badge color="green" variant="light">ready to publish</Badge> : <Badge color="orange" variant="light">not publishable yet</Badge>}
          </Group>
          {review.problems.length > 0 && (
            <Alert color="red" title="Problems" role="alert">
              {review.problems.map((p, i) => <Text key={i} size="sm">{p.file}:{p.line}:{p.column} {p.pointer}: {p.message}</Text>)}
            </Alert>
          )}
          {review.changes.length > 0 && (
            <Table aria-label="Changes" withTableBorder>
              <Table.Thead><Table.Tr><Table.Th scope="col">Change</Table.Th><Table.Th scope="col">Target</Table.Th><Table.Th scope="col">Class</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {review.changes.map((c, i) => (
                  <Table.Tr key={i}>
                    <Table.Td><Text size="sm">{c.kind}</Text></Table.Td>
                    <Table.Td><Text size="sm">{c.target}</Text></Table.Td>
                    <Table.Td><Badge size="sm" variant="light" color={CLASS_COLOR[c.classification]}>{c.classification.toLowerCase()}{c.acknowledged ? ' · acknowledged' : ''}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {blocking.length > 0 && (
            <Alert color="red" title="Cannot be published this way" role="alert">
              {blocking.map((c, i) => <Text key={i} size="sm">{c.sentence}</Text>)}
            </Alert>
          )}
          {toConfirm.length > 0 && (
            <Stack gap="xs" data-testid="consequences">
              <Text fw={600} size="sm">Confirm each consequence; the designer then writes what the manifest must say:</Text>
              {review.consequences.map((c, i) =>
                c.acknowledged || c.blocking ? null : (
                  <Checkbox key={i} label={c.sentence} checked={!!confirmed[i]} onChange={(e) => setConfirmed({ ...confirmed, [i]: e.currentTarget.checked })}
                    description={c.drop ? `writes migrations: - drop: ${JSON.stringify(c.drop)}` : c.version ? `writes version: ${c.version}` : undefined} />
                ),
              )}
              <Group><Button disabled={!allConfirmed} onClick={applyConfirmed}>Write the confirmed changes and review again</Button></Group>
            </Stack>
          )}
          {review.consequences.filter((c) => c.acknowledged).map((c, i) => <Text key={i} size="sm" c="dimmed">Acknowledged in the manifest: {c.sentence}</Text>)}
          {review.refusals.length > 0 && toConfirm.length === 0 && (
            <Alert color="orange" title="The pipeline refuses the draft as it stands">{review.refusals.map((r, i) => <Text key={i} size="sm">{r}</Text>)}</Alert>
          )}
          {review.warnings.length > 0 && (
            <Alert color="yellow" title="Dependent modules">{review.warnings.map((w, i) => <Text key={i} size="sm">{w}</Text>)}</Alert>
          )}
          {review.sql.length > 0 && (
            <div>
              <Text fw={600} size="sm" mb={4}>SQL plan ({review.sql.length} statements, one transaction)</Text>
              <Code block tabIndex={0} role="region" aria-label="SQL plan" style={{ maxHeight: 220, overflow: 'auto' }}>{review.sql.join(';\n') + ';'}</Code>
            </div>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Close</Button>
            <Button onClick={publish} loading={publishing} disabled={!review.publishable}>Publish {review.to}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
