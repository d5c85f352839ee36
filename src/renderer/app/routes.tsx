import type { Icon } from '@tabler/icons-react';
import { IconChecklist, IconInbox, IconSettings, IconTable, IconTruckDelivery } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { DatasetsScreen } from '../features/datasets/DatasetsScreen';
import { DeliveriesScreen } from '../features/deliveries/DeliveriesScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';

export interface Screen {
  id: string;
  label: string;
  description: string;
  icon: Icon;
  component: ComponentType;
}

export const SCREENS = [
  {
    id: 'inbox',
    label: 'Inbox',
    description: 'Tasks you were sent or are writing',
    icon: IconInbox,
    component: InboxScreen,
  },
  {
    id: 'datasets',
    label: 'Datasets',
    description: 'CSV data stored on this computer',
    icon: IconTable,
    component: DatasetsScreen,
  },
  {
    id: 'review',
    label: 'Review',
    description: 'Submissions waiting for your decision',
    icon: IconChecklist,
    component: ReviewScreen,
  },
  {
    id: 'deliveries',
    label: 'Deliveries',
    description: 'Signed deliverables and their acceptance',
    icon: IconTruckDelivery,
    component: DeliveriesScreen,
  },
  {
    id: 'settings',
    label: 'Settings',
    description: 'Profile, signing key, trusted keys, storage, appearance',
    icon: IconSettings,
    component: SettingsScreen,
  },
] as const satisfies readonly Screen[];

export type ScreenId = (typeof SCREENS)[number]['id'];

export const DEFAULT_SCREEN: ScreenId = 'inbox';

export function isScreenId(value: string): value is ScreenId {
  return SCREENS.some((screen) => screen.id === value);
}
