// Saved views per user (server side): name, filter, sort, columns.
import { Button, Checkbox, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import IconChevronDown from '@tabler/icons-react/icons/IconChevronDown';
import IconDeviceFloppy from '@tabler/icons-react/icons/IconDeviceFloppy';
import IconEye from '@tabler/icons-react/icons/IconEye';
import IconTrash from '@tabler/icons-react/icons/IconTrash';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteView, listViews, saveView, type SavedView } from '@prm/ui';

export interface ViewState {
  filter: string;
  sort: string[];
  columns: string[];
}

interface Props {
  entity: string;
  currentId: string | null;
  state: ViewState;
  onSelect: (view: SavedView | null) => void;
}

export function useViews(entity: string) {
  return useQuery({ queryKey: ['views', entity], queryFn: () => listViews(entity), staleTime: 30_000 });
}

export function SavedViews({ entity, currentId, state, onSelect }: Props) {
  const queryClient = useQueryClient();
  const views = useViews(entity);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [isDefault, setDefault] = useState(false);
  const current = views.data?.find((v) => v.id === currentId) ?? null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['views', entity] });
  const save = useMutation({
    mutationFn: (v: Parameters<typeof saveView>[0]) => saveView(v),
    onSuccess: (v) => {
      refresh();
      onSelect(v);
      notifications.show({ message: `View “${v.name}” saved`, color: 'green' });
    },
    onError: (e) => notifications.show({ message: `Could not save the view: ${(e as Error).message}`, color: 'red' }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteView(id),
    onSuccess: () => {
      refresh();
      onSelect(null);
    },
  });

  return (
    <>
      <Menu position="bottom-start" width={260} shadow="md">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} leftSection={<IconEye size={16} aria-hidden />} aria-label={`View: ${current?.name ?? 'All records'}`}>
            {current?.name ?? 'All records'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Views</Menu.Label>
          <Menu.Item onClick={() => onSelect(null)}>All records</Menu.Item>
          {(views.data ?? []).map((v) => (
            <Menu.Item key={v.id} onClick={() => onSelect(v)} fw={v.id === currentId ? 700 : undefined}>
              {v.name}
              {v.isDefault ? ' (default)' : ''}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => { setName(''); setDefault(false); setNaming(true); }}>
            Save as new view…
          </Menu.Item>
          {current && (
            <Menu.Item leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => save.mutate({ ...current, ...state })}>
              Update “{current.name}”
            </Menu.Item>
          )}
          {current && (
            <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => remove.mutate(current.id)}>
              Delete “{current.name}”
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title="Save view">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            save.mutate({ entity, name: name.trim(), isDefault, ...state });
            setNaming(false);
          }}
        >
          <Stack>
            <TextInput label="View name" value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
            <Checkbox label="Open this view by default" checked={isDefault} onChange={(e) => setDefault(e.currentTarget.checked)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>Cancel</Button>
              <Button type="submit" loading={save.isPending}>Save</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
