import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi, type CurrentUser, type Role } from '@/api/auth';
import { STAFF_ROLES } from '@/api/constants';
import { ApiError } from '@/api/http';

/**
 * Set while this browser has a session. Without it there is nothing to ask the server, so a
 * visitor of the public pages causes no 401 from /api/auth/me.
 */
const SIGNED_IN = 'zhiban.signedIn';
function remember(signedIn: boolean): void {
  if (signedIn) localStorage.setItem(SIGNED_IN, '1');
  else localStorage.removeItem(SIGNED_IN);
}

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
      if (!localStorage.getItem(SIGNED_IN)) {
        user.value = null;
        return;
      }
      user.value = await authApi.me();
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      user.value = null;
      remember(false);
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
    remember(true);
    ready.value = true;
    return res.user;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      user.value = null;
      remember(false);
    }
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword({ currentPassword, newPassword });
    if (user.value) user.value = { ...user.value, mustChangePassword: false };
  }

  /** Called when any request answers 401: the session ended elsewhere. */
  function forget(): void {
    user.value = null;
    remember(false);
  }

  return { user, ready, role, isStaff, isAdmin, mustChangePassword, hasRole, ensureLoaded, fetchMe, login, logout, changePassword, forget };
});
