// Starts a run of an agent, about a record or not, with an optional request to the agent (the run's
// `input`, which the model receives with its instructions), then opens the run's page.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, RecordLink, type AgentMeta } from '@prm/ui';
import { agentStates, startRun } from './api';

export interface RunAgentModalProps {
  agent: AgentMeta | null;
  /** The record the run is about (its URN). */
  record?: string;
  onClose: () => void;
}

export function useAgentStates() {
  return useQuery({ queryKey: ['agent-states'], queryFn: agentStates, staleTime: 60_000 });
}

export default function RunAgentModal({ agent, record, onClose }: RunAgentModalProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const states = useAgentStates();
  const configured = states.data?.find((s) => s.name === agent?.name)?.configured;

  const start = async () => {
    if (!agent) return;
    setBusy(true);
    setError(null);
    try {
      const run = await startRun(agent.name, { ...(record ? { record } : {}), ...(input.trim() ? { input: input.trim() } : {}) });
      onClose();
      navigate(`/agents/runs/${run.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.errors?.[0]?.message ?? e.message : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={agent !== null} onClose={onClose} title={agent ? `Run ${agent.label}` : ''} size="lg">
      {agent && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{agent.description}</Text>
          {record && (
            <Text size="sm">About: <RecordLink urn={record} /></Text>
          )}
          {agent.approval.length > 0 && (
            <Text size="xs" c="dimmed">Calls of {agent.approval.join(', ')} wait for your approval before they change anything.</Text>
          )}
          {configured === false && (
            <Alert color="orange" role="alert" title="No model configured">
              This agent's model profile is not configured on the server: starting a run will be refused.
            </Alert>
          )}
          <Textarea label="Request (optional)" description="What you want the agent to look at or do" autosize minRows={3} maxRows={8}
            value={input} onChange={(e) => setInput(e.currentTarget.value)} data-autofocus />
          {error && <Alert color="red" role="alert" title="The run could not start">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={start} loading={busy}>Start run</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
