import { describe, expect, it } from '@jest/globals';
import { mount } from '@vue/test-utils';
import type { Notification, Swap } from '@/api/selfservice';
import { testI18n } from '@/testing/i18n';
import NotificationList from './NotificationList.vue';
import SwapCard from './SwapCard.vue';

const note = (id: string, over: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'swap.requested',
  key: 'notifications.swapRequested',
  params: {},
  text: '中文原文',
  read: false,
  createdAt: '2026-03-02T01:00:00.000Z',
  ...over,
});
// Element Plus is not loaded in unit tests: its tags render as plain elements with their slot.
const stubs = { 'el-empty': { props: ['description'], template: '<p class="empty">{{ description }}</p>' }, 'el-tag': { template: '<span class="tag"><slot /></span>' } };

describe('NotificationList', () => {
  it('When a notification has a known key, then it is shown in the reader\'s language with Beijing time', () => {
    const wrapper = mount(NotificationList, { props: { items: [note('n1')] }, global: { plugins: [testI18n('en')], stubs } });
    const text = wrapper.find('.item').text();
    expect(text).not.toContain('中文原文');
    expect(text).toContain('02/03/2026, 09:00');
  });

  it('When the key is unknown to this client, then the server\'s Chinese text is shown instead', () => {
    const wrapper = mount(NotificationList, { props: { items: [note('n1', { key: 'notifications.fromTheFuture' })] }, global: { plugins: [testI18n()], stubs } });
    expect(wrapper.find('.item').text()).toContain('中文原文');
  });

  it('When an unread notification is clicked, then it asks to be marked read; a read one does not', async () => {
    const wrapper = mount(NotificationList, { props: { items: [note('n1'), note('n2', { read: true })] }, global: { plugins: [testI18n()], stubs } });
    const items = wrapper.findAll('.item');
    expect(items.map((i) => i.classes('unread'))).toEqual([true, false]);
    await items[0]!.trigger('click');
    await items[1]!.trigger('click');
    expect(wrapper.emitted('read')).toEqual([['n1']]);
  });

  it('When there are none, then the empty message is translated', () => {
    const wrapper = mount(NotificationList, { props: { items: [] }, global: { plugins: [testI18n()], stubs } });
    expect(wrapper.find('.empty').text()).toBe(testI18n().global.t('me.noNotifications'));
  });
});

describe('SwapCard', () => {
  const swap: Swap = {
    id: 's1',
    rotaId: 'r1',
    slotId: 'x',
    day: '2026-03-02',
    postName: '玄武区看守所',
    localStart: '09:00',
    localEnd: '11:30',
    requesterId: 'a',
    requesterName: '张律师',
    partnerLawyerId: null,
    partnerName: null,
    partnerSlotId: null,
    status: 'open',
    note: null,
    decisionNote: '人手不足',
    createdAt: '2026-03-01T00:00:00.000Z',
  };

  it('When nobody is named as partner, then the card says anyone may take it, with status and the decision note', () => {
    const i18n = testI18n();
    const wrapper = mount(SwapCard, { props: { swap }, slots: { default: '<button>接受</button>' }, global: { plugins: [i18n], stubs } });
    const text = wrapper.text();
    expect(text).toContain(`张律师 → ${i18n.global.t('me.anyone')}`);
    expect(wrapper.find('[data-test="request-status-open"]').text()).toBe(i18n.global.t('me.requestStatus.open'));
    expect(text).toContain('人手不足');
    expect(wrapper.find('.actions button').text()).toBe('接受');
  });
});
