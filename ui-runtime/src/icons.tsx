// Metadata names icons by word (navigation.icon); this maps the words to a fixed icon set.
import {
  IconBriefcase, IconBuilding, IconHandStop, IconUsers, IconUser, IconFolder, IconCalendar, IconFileText,
  IconChartBar, IconBox, IconHeartHandshake, IconTicket, IconMail, IconBuildingStore, IconTable,
} from '@tabler/icons-react';
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
