import { Button, Checkbox, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import IconColumns from '@tabler/icons-react/icons/IconColumns';
import type { FieldMeta } from '@prm/ui';

/** Which fields are columns; at least one stays. */
export function ColumnChooser({ all, chosen, onChange }: { all: FieldMeta[]; chosen: string[]; onChange: (cols: string[]) => void }) {
  const set = new Set(chosen);
  return (
    <Popover position="bottom-end" width={260} shadow="md" withArrow>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" c="dimmed" mb="xs">Shown columns</Text>
        <ScrollArea.Autosize mah={320}>
          <Stack gap={6} role="group" aria-label="Columns">
            {all.map((f) => (
              <Checkbox
                key={f.name}
                label={f.label}
                checked={set.has(f.name)}
                disabled={set.has(f.name) && set.size === 1}
                onChange={(e) => {
                  const next = e.currentTarget.checked
                    ? [...chosen, f.name]
                    : chosen.filter((n) => n !== f.name);
                  onChange(next);
                }}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
