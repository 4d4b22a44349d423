// The list page's header actions. "New" always stays a visible button; the others (recycle bin,
// import, export) fold into a "More" menu when the page is narrower than a small laptop, so the
// header never pushes the page wider than a phone or tablet screen.
import { Button, Menu } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import IconDots from '@tabler/icons-react/icons/IconDots';
import IconDownload from '@tabler/icons-react/icons/IconDownload';
import IconPlus from '@tabler/icons-react/icons/IconPlus';
import IconTrash from '@tabler/icons-react/icons/IconTrash';
import IconUpload from '@tabler/icons-react/icons/IconUpload';
import { Link } from 'react-router-dom';
import type { EntityMeta } from '@prm/ui';

export const NARROW_HEADER_QUERY = '(max-width: 62em)';

export function ListActions({ entity, bin, exporting, onBin, onImport, onExport }: {
  entity: EntityMeta; bin: boolean; exporting: boolean; onBin: () => void; onImport: () => void; onExport: () => void;
}) {
  const narrow = useMediaQuery(NARROW_HEADER_QUERY) ?? false;
  const binLabel = bin ? 'Back to the list' : 'Recycle bin';
  const canImport = !bin && entity.actions.import && entity.actions.create;
  const newButton = !bin && entity.actions.create && (
    <Button component={Link} to={`${entity.route}/new`} leftSection={<IconPlus size={16} aria-hidden />}>
      New {entity.label}
    </Button>
  );
  if (narrow) {
    const any = entity.actions.restore || canImport || entity.actions.export;
    return (
      <>
        {any && (
          <Menu position="bottom-end" withArrow>
            <Menu.Target>
              <Button variant="default" leftSection={<IconDots size={16} aria-hidden />} loading={exporting}>More</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {entity.actions.restore && <Menu.Item leftSection={<IconTrash size={16} aria-hidden />} onClick={onBin}>{binLabel}</Menu.Item>}
              {canImport && <Menu.Item leftSection={<IconUpload size={16} aria-hidden />} onClick={onImport}>Import</Menu.Item>}
              {entity.actions.export && <Menu.Item leftSection={<IconDownload size={16} aria-hidden />} onClick={onExport}>Export CSV</Menu.Item>}
            </Menu.Dropdown>
          </Menu>
        )}
        {newButton}
      </>
    );
  }
  return (
    <>
      {entity.actions.restore && (
        <Button variant="subtle" leftSection={<IconTrash size={16} aria-hidden />} onClick={onBin}>{binLabel}</Button>
      )}
      {canImport && (
        <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={onImport}>Import</Button>
      )}
      {entity.actions.export && (
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={onExport} loading={exporting}>Export CSV</Button>
      )}
      {newButton}
    </>
  );
}
