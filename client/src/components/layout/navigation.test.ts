import { describe, expect, it } from '@jest/globals';
import { navEntries, navFor } from './navigation';

describe('the menu', () => {
  it('When a coordinator signs in, then the bar shows a few entries with the pages grouped under them', () => {
    const entries = navEntries(navFor('coordinator'));
    expect(entries.length).toBeLessThanOrEqual(7);
    const groups = entries.filter((e) => e.kind === 'group').map((e) => (e.kind === 'group' ? e.group : ''));
    expect(groups).toEqual(['duty', 'people', 'figures']);
    const pages = entries.flatMap((e) => (e.kind === 'group' ? e.items : [e.item])).map((i) => i.to);
    expect(pages).toEqual(expect.arrayContaining(['/staff/live', '/staff/rotas', '/staff/violations', '/staff/stats']));
    expect(pages).not.toContain('/admin/audit');
  });

  it('When a group holds one page for a role, then that page is a plain entry', () => {
    const entries = navEntries(navFor('hotline'));
    expect(entries.every((e) => e.kind === 'item')).toBe(true);
    expect(entries.map((e) => (e.kind === 'item' ? e.item.to : ''))).toEqual(['/lookup', '/hotline', '/staff/live', '/staff/lawyers']);
  });

  it('When a lawyer signs in, then their own pages are top-level entries', () => {
    const entries = navEntries(navFor('lawyer'));
    expect(entries.every((e) => e.kind === 'item')).toBe(true);
    expect(entries.map((e) => (e.kind === 'item' ? e.item.to : ''))).toContain('/me/records');
  });
});
