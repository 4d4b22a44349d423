// Metadata names icons by word (navigation.icon); this maps the words to a fixed icon set.
import IconBriefcase from '@tabler/icons-react/icons/IconBriefcase';
import IconBuilding from '@tabler/icons-react/icons/IconBuilding';
import IconHandStop from '@tabler/icons-react/icons/IconHandStop';
import IconUsers from '@tabler/icons-react/icons/IconUsers';
import IconUser from '@tabler/icons-react/icons/IconUser';
import IconFolder from '@tabler/icons-react/icons/IconFolder';
import IconCalendar from '@tabler/icons-react/icons/IconCalendar';
import IconFileText from '@tabler/icons-react/icons/IconFileText';
import IconChartBar from '@tabler/icons-react/icons/IconChartBar';
import IconBox from '@tabler/icons-react/icons/IconBox';
import IconHeartHandshake from '@tabler/icons-react/icons/IconHeartHandshake';
import IconTicket from '@tabler/icons-react/icons/IconTicket';
import IconMail from '@tabler/icons-react/icons/IconMail';
import IconBuildingStore from '@tabler/icons-react/icons/IconBuildingStore';
import IconTable from '@tabler/icons-react/icons/IconTable';
import type { ComponentType } from 'react';

type Icon = ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;

const ICONS: Record<string, Icon> = {
  briefcase: IconBriefcase,
  building: IconBuilding,
  handshake: IconHeartHandshake,
  hand: IconHandStop,
  users: IconUsers,
  people: IconUsers,
  user: IconUser,
  person: IconUser,
  folder: IconFolder,
  calendar: IconCalendar,
  file: IconFileText,
  document: IconFileText,
  chart: IconChartBar,
  box: IconBox,
  ticket: IconTicket,
  mail: IconMail,
  store: IconBuildingStore,
};

export function EntityIcon({ name, size = 18 }: { name?: string | null; size?: number }) {
  const C = (name && ICONS[name]) || IconTable;
  return <C size={size} stroke={1.6} aria-hidden />;
}
