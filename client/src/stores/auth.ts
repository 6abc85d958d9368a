import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi, type CurrentUser, type Role } from '@/api/auth';
import { STAFF_ROLES } from '@/api/constants';
import { ApiError } from '@/api/http';

export const useAuthStore = defineStore('auth', () => {
  const user = ref<CurrentUser | null>(null);
  /** True once /api/auth/me has answered, so guards know whether "no user" is final. */
  const ready = ref(false);
  let loading: Promise<void> | undefined;

  const role = computed<Role | null>(() => user.value?.role ?? null);
  const isStaff = computed(() => role.value !== null && (STAFF_ROLES as readonly Role[]).includes(role.value));
  const isAdmin = computed(() => role.value === 'admin');
  const mustChangePassword = computed(() => user.value?.mustChangePassword === true);

  function hasRole(roles: readonly Role[] | undefined): boolean {
    if (!roles || roles.length === 0) return true;
    return role.value !== null && roles.includes(role.value);
  }

  async function fetchMe(): Promise<void> {
    try {
      user.value = await authApi.me();
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      user.value = null;
    } finally {
      ready.value = true;
    }
  }

  /** Loads the session once; later calls share the same answer. */
  function ensureLoaded(): Promise<void> {
    loading ??= fetchMe().catch(() => {
      user.value = null;
      loading = undefined;
    });
    return loading;
  }

  async function login(username: string, password: string): Promise<CurrentUser> {
    const res = await authApi.login(username, password);
    user.value = res.user;
    ready.value = true;
    return res.user;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      user.value = null;
    }
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword({ currentPassword, newPassword });
    if (user.value) user.value = { ...user.value, mustChangePassword: false };
  }

  /** Called when any request answers 401: the session ended elsewhere. */
  function forget(): void {
    user.value = null;
  }

  return { user, ready, role, isStaff, isAdmin, mustChangePassword, hasRole, ensureLoaded, fetchMe, login, logout, changePassword, forget };
});
