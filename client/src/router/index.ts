import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/pages/HomePage.vue'), meta: { title: 'nav.home' } },
  {
    path: '/lookup',
    name: 'lookup',
    component: () => import('@/pages/SectionPage.vue'),
    props: { section: 'lookup' },
    meta: { title: 'nav.lookup' },
  },
  {
    path: '/lawyer',
    name: 'lawyer',
    component: () => import('@/pages/SectionPage.vue'),
    props: { section: 'lawyer' },
    meta: { title: 'nav.lawyer' },
  },
  {
    path: '/staff',
    name: 'staff',
    component: () => import('@/pages/SectionPage.vue'),
    props: { section: 'staff' },
    meta: { title: 'nav.staff' },
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue') },
];

export const router = createRouter({ history: createWebHistory(), routes });
