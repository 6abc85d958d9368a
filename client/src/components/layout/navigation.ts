import type { Role } from '@/api/auth';

/** Staff menus group related pages so the bar fits a desktop screen. */
export type NavGroup = 'duty' | 'people' | 'figures' | 'admin';

export interface NavItem {
  to: string;
  key: string;
  /** Absent: shown to everyone, signed in or not. */
  roles?: Role[];
  /** Absent: a top-level entry. */
  group?: NavGroup;
}

/** A top-level entry of the menu: one page, or a group of pages under a title. */
export type NavEntry = { kind: 'item'; item: NavItem } | { kind: 'group'; group: NavGroup; key: string; items: NavItem[] };

const staff: Role[] = ['admin', 'coordinator'];

export const NAV_ITEMS: NavItem[] = [
  { to: '/lookup', key: 'nav.lookup' },
  { to: '/me', key: 'nav.lawyer', roles: ['lawyer'] },
  { to: '/checkin', key: 'nav.checkin', roles: ['lawyer'] },
  { to: '/lawyer/dossier', key: 'nav.myDossier', roles: ['lawyer'] },
  { to: '/me/record', key: 'nav.myRecord', roles: ['lawyer'] },
  { to: '/hotline', key: 'nav.hotline', roles: ['hotline'] },
  { to: '/staff/live', key: 'nav.live', roles: [...staff, 'hotline'] },
  { to: '/me/records', key: 'nav.records', roles: ['lawyer'] },
  { to: '/staff/rotas', key: 'nav.rotas', roles: staff, group: 'duty' },
  { to: '/staff/requests', key: 'nav.requests', roles: staff, group: 'duty' },
  { to: '/staff/posts', key: 'nav.posts', roles: staff, group: 'duty' },
  { to: '/staff/calendar', key: 'nav.calendar', roles: staff, group: 'duty' },
  { to: '/staff/lawyers', key: 'nav.lawyers', roles: [...staff, 'hotline'], group: 'people' },
  { to: '/staff/vetting', key: 'nav.vetting', roles: staff, group: 'people' },
  { to: '/staff/violations', key: 'nav.violations', roles: staff, group: 'people' },
  { to: '/staff/feedback', key: 'nav.feedback', roles: staff, group: 'people' },
  { to: '/staff/stats', key: 'nav.stats', roles: staff, group: 'figures' },
  { to: '/staff/fast-track', key: 'nav.fastTrack', roles: staff, group: 'figures' },
  { to: '/staff/subsidy', key: 'nav.subsidy', roles: staff, group: 'figures' },
  { to: '/admin/users', key: 'nav.users', roles: ['admin'], group: 'admin' },
  { to: '/admin/audit', key: 'nav.audit', roles: ['admin'], group: 'admin' },
];

export function navFor(role: Role | null): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || (role !== null && item.roles.includes(role)));
}

/** The menu's top-level entries: a group with a single page for this role is shown as that page. */
export function navEntries(items: NavItem[]): NavEntry[] {
  const out: NavEntry[] = [];
  for (const item of items) {
    if (!item.group) {
      out.push({ kind: 'item', item });
      continue;
    }
    const existing = out.find((e) => e.kind === 'group' && e.group === item.group);
    if (existing && existing.kind === 'group') existing.items.push(item);
    else out.push({ kind: 'group', group: item.group, key: `nav.groups.${item.group}`, items: [item] });
  }
  return out.map((e) => (e.kind === 'group' && e.items.length === 1 ? { kind: 'item', item: e.items[0]! } : e));
}

/** The menu entry a path belongs to: the longest item path that prefixes it. */
export function activeItem(path: string, items: NavItem[]): string {
  const match = items.filter((i) => path === i.to || path.startsWith(i.to + '/')).sort((a, b) => b.to.length - a.to.length)[0];
  return match?.to ?? path;
}
