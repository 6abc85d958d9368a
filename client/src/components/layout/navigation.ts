import type { Role } from '@/api/auth';

export interface NavItem {
  to: string;
  key: string;
  /** Absent: shown to everyone, signed in or not. */
  roles?: Role[];
}

const staff: Role[] = ['admin', 'coordinator'];

export const NAV_ITEMS: NavItem[] = [
  { to: '/lookup', key: 'nav.lookup' },
  { to: '/me', key: 'nav.lawyer', roles: ['lawyer'] },
  { to: '/checkin', key: 'nav.checkin', roles: ['lawyer'] },
  { to: '/lawyer/dossier', key: 'nav.myDossier', roles: ['lawyer'] },
  { to: '/me/record', key: 'nav.myRecord', roles: ['lawyer'] },
  { to: '/hotline', key: 'nav.hotline', roles: ['hotline'] },
  { to: '/staff/live', key: 'nav.live', roles: [...staff, 'hotline'] },
  { to: '/staff/lawyers', key: 'nav.lawyers', roles: [...staff, 'hotline'] },
  { to: '/staff/vetting', key: 'nav.vetting', roles: staff },
  { to: '/staff/posts', key: 'nav.posts', roles: staff },
  { to: '/staff/rotas', key: 'nav.rotas', roles: staff },
  { to: '/staff/requests', key: 'nav.requests', roles: staff },
  { to: '/staff/feedback', key: 'nav.feedback', roles: staff },
  { to: '/staff/calendar', key: 'nav.calendar', roles: staff },
  { to: '/staff/violations', key: 'nav.violations', roles: staff },
  { to: '/me/records', key: 'nav.records', roles: ['lawyer'] },
  { to: '/staff/stats', key: 'nav.stats', roles: staff },
  { to: '/staff/fast-track', key: 'nav.fastTrack', roles: staff },
  { to: '/staff/subsidy', key: 'nav.subsidy', roles: staff },
  { to: '/admin/users', key: 'nav.users', roles: ['admin'] },
  { to: '/admin/audit', key: 'nav.audit', roles: ['admin'] },
];

export function navFor(role: Role | null): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || (role !== null && item.roles.includes(role)));
}

/** The menu entry a path belongs to: the longest item path that prefixes it. */
export function activeItem(path: string, items: NavItem[]): string {
  const match = items.filter((i) => path === i.to || path.startsWith(i.to + '/')).sort((a, b) => b.to.length - a.to.length)[0];
  return match?.to ?? path;
}
