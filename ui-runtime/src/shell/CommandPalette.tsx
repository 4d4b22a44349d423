// Ctrl/Cmd+K: jump to any entity's list or start creating any record.
import { Button, Kbd } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import IconCommand from '@tabler/icons-react/icons/IconCommand';
import IconPlus from '@tabler/icons-react/icons/IconPlus';
import IconSearch from '@tabler/icons-react/icons/IconSearch';
import { useNavigate } from 'react-router-dom';
import type { UiMetadata } from '@prm/ui';
import { EntityIcon } from '../icons';
import { orderedNavigation } from '../meta/navigation';

export function paletteActions(ui: UiMetadata, go: (route: string) => void): SpotlightActionGroupData[] {
  const nav = orderedNavigation(ui.navigation).flatMap((s) => s.items);
  const open: SpotlightActionData[] = nav.map((item) => ({
    id: `open:${item.entity}`,
    label: `Go to ${item.label}`,
    keywords: [item.entity, item.label],
    leftSection: <EntityIcon name={item.icon} />,
    onClick: () => go(item.route),
  }));
  const create: SpotlightActionData[] = Object.entries(ui.entities)
    .filter(([, e]) => e.actions.create)
    .map(([key, e]) => ({
      id: `new:${key}`,
      label: `New ${e.label}`,
      keywords: [key, e.label, 'create', 'add'],
      leftSection: <IconPlus size={18} aria-hidden />,
      onClick: () => go(`${e.route}/new`),
    }));
  return [
    { group: 'Open', actions: open },
    { group: 'Create', actions: create },
  ];
}

export function CommandPalette({ ui }: { ui: UiMetadata }) {
  const navigate = useNavigate();
  return (
    <Spotlight
      actions={paletteActions(ui, navigate)}
      shortcut={['mod + K']}
      // Ctrl/Cmd+K works from inside inputs too (e.g. the search box)
      tagsToIgnore={[]}
      nothingFound="No command matches"
      highlightQuery
      searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: 'Go to or create…', 'aria-label': 'Command' }}
    />
  );
}

export function PaletteButton() {
  return (
    <Button
      variant="default"
      size="xs"
      onClick={() => spotlight.open()}
      leftSection={<IconCommand size={14} aria-hidden />}
      aria-label="Ctrl K: open the command palette"
      visibleFrom="md"
    >
      <Kbd size="xs">Ctrl K</Kbd>
    </Button>
  );
}
