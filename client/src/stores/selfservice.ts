import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { rotasApi, type Duty } from '@/api/rotas';
import {
  absencesApi,
  notificationsApi,
  swapsApi,
  type Absence,
  type CreateAbsenceBody,
  type CreateSwapBody,
  type Notification,
  type Swap,
} from '@/api/selfservice';
import { useAuthStore } from './auth';

/** A lawyer's own duties, leave, swaps and notifications. */
export const useSelfServiceStore = defineStore('selfservice', () => {
  const duties = ref<Duty[]>([]);
  const absences = ref<Absence[]>([]);
  const swapsById = ref<Record<string, Swap>>({});
  const notifications = ref<Notification[]>([]);

  const me = computed(() => useAuthStore().user?.lawyerId ?? '');
  const swaps = computed(() => Object.values(swapsById.value).sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  const mySwaps = computed(() => swaps.value.filter((s) => s.requesterId === me.value));
  const swapsToMe = computed(() => swaps.value.filter((s) => s.requesterId !== me.value && s.partnerLawyerId === me.value));
  const openOffers = computed(() => swaps.value.filter((s) => s.requesterId !== me.value && !s.partnerLawyerId && s.status === 'open'));
  const unread = computed(() => notifications.value.filter((n) => !n.read).length);

  async function fetchDuties(from: string, to: string): Promise<void> {
    duties.value = (await rotasApi.myDuties({ from, to })).sort((a, b) => a.start.localeCompare(b.start));
  }

  async function fetchAbsences(): Promise<void> {
    absences.value = (await absencesApi.mine()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  function keepAbsence(a: Absence): void {
    absences.value = [a, ...absences.value.filter((x) => x.id !== a.id)].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  }
  const requestAbsence = async (body: CreateAbsenceBody) => keepAbsence(await absencesApi.create(body));
  const cancelAbsence = async (id: string) => keepAbsence(await absencesApi.cancel(id));

  async function fetchSwaps(): Promise<void> {
    const list = await swapsApi.mine();
    swapsById.value = Object.fromEntries(list.map((s) => [s.id, s]));
  }
  function keepSwap(s: Swap): void {
    swapsById.value = { ...swapsById.value, [s.id]: s };
  }
  const requestSwap = async (body: CreateSwapBody) => keepSwap(await swapsApi.create(body));
  const acceptSwap = async (id: string) => keepSwap(await swapsApi.accept(id));
  const cancelSwap = async (id: string) => keepSwap(await swapsApi.cancel(id));

  async function fetchNotifications(): Promise<void> {
    notifications.value = await notificationsApi.mine();
  }
  function receive(n: Notification): void {
    notifications.value = [n, ...notifications.value.filter((x) => x.id !== n.id)];
  }
  async function markRead(id: string): Promise<void> {
    receive(await notificationsApi.read(id));
    notifications.value.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  return {
    duties,
    absences,
    swaps,
    mySwaps,
    swapsToMe,
    openOffers,
    notifications,
    unread,
    fetchDuties,
    fetchAbsences,
    requestAbsence,
    cancelAbsence,
    fetchSwaps,
    requestSwap,
    acceptSwap,
    cancelSwap,
    fetchNotifications,
    receive,
    markRead,
  };
});
