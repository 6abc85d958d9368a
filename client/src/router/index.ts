import { createRouter, createWebHistory } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { useRotasStore } from '@/stores/rotas';
import { routes } from './routes';

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/** The landing page for a role right after signing in. */
export function homeFor(role: string | null): string {
  if (role === 'admin' || role === 'coordinator') return '/staff/lawyers';
  if (role === 'lawyer') return '/me';
  if (role === 'hotline') return '/hotline';
  return '/';
}

router.beforeEach(async (to) => {
  const auth = useAuthStore();
  await auth.ensureLoaded();
  const needsSession = to.meta.auth === true || (to.meta.roles?.length ?? 0) > 0;
  if (!auth.user) {
    return needsSession ? { name: 'login', query: { redirect: to.fullPath } } : true;
  }
  if (auth.mustChangePassword && to.name !== 'password') {
    return { name: 'password', query: { redirect: to.fullPath } };
  }
  if (to.name === 'login') return homeFor(auth.role);
  if (!auth.hasRole(to.meta.roles)) return { name: 'forbidden' };
  return true;
});

// The review grid's month (~650 KB) is requested while its page's code is still loading
// (this guard runs once access is granted, before the page's component is fetched).
router.beforeEach((to) => {
  if (to.name === 'rota' && typeof to.params.id === 'string') useRotasStore().prefetch(to.params.id);
});
