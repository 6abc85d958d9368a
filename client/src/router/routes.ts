import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@/api/auth';
import { useAuthStore } from '@/stores/auth';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    title?: string;
    /** Who may open the page; absent means everyone, signed in or not. */
    roles?: Role[];
    /** Pages that need a session but no particular role. */
    auth?: boolean;
  }
}

const staff: Role[] = ['admin', 'coordinator'];
const admin: Role[] = ['admin'];

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/pages/HomePage.vue'), meta: { title: 'nav.home' } },
  { path: '/login', name: 'login', component: () => import('@/pages/auth/LoginPage.vue'), meta: { title: 'auth.title' } },
  {
    path: '/account/password',
    name: 'password',
    component: () => import('@/pages/auth/ChangePasswordPage.vue'),
    meta: { title: 'password.title', auth: true },
  },
  {
    path: '/lookup',
    name: 'lookup',
    component: () => import('@/pages/public/LookupPage.vue'),
    meta: { title: 'nav.lookup' },
  },
  {
    path: '/feedback/:code?',
    name: 'feedback-status',
    component: () => import('@/pages/public/FeedbackStatusPage.vue'),
    props: true,
    meta: { title: 'feedbackStatus.title' },
  },
  {
    path: '/staff/feedback',
    name: 'staff-feedback',
    component: () => import('@/pages/feedback/FeedbackPage.vue'),
    meta: { title: 'staffFeedback.title', roles: ['admin', 'coordinator'] },
  },
  { path: '/lawyer', name: 'lawyer', redirect: '/me' },
  {
    path: '/me',
    name: 'me',
    component: () => import('@/pages/me/MyDutiesPage.vue'),
    meta: { title: 'nav.lawyer', roles: ['lawyer'] },
  },
  {
    path: '/checkin',
    name: 'checkin',
    component: () => import('@/pages/checkin/CheckinPage.vue'),
    meta: { title: 'checkin.title', roles: ['lawyer'] },
  },
  { path: '/me/checkin', redirect: (to) => ({ path: '/checkin', query: to.query }) },
  {
    path: '/kiosk/:code',
    name: 'kiosk',
    component: () => import('@/pages/kiosk/KioskPage.vue'),
    props: true,
    meta: { title: 'kiosk.title' },
  },
  {
    path: '/staff/live',
    name: 'live',
    component: () => import('@/pages/live/LiveBoardPage.vue'),
    meta: { title: 'live.title', roles: [...staff, 'hotline'] },
  },
  {
    path: '/board/:code',
    name: 'board',
    component: () => import('@/pages/board/DutyBoardPage.vue'),
    props: true,
    meta: { title: 'board.title' },
  },
  {
    path: '/hotline',
    name: 'hotline',
    component: () => import('@/pages/hotline/HotlineDeskPage.vue'),
    meta: { title: 'nav.hotline', roles: ['hotline', ...staff] },
  },
  { path: '/staff', redirect: { name: 'lawyers' } },
  {
    path: '/staff/lawyers',
    name: 'lawyers',
    component: () => import('@/pages/lawyers/LawyerListPage.vue'),
    meta: { title: 'nav.lawyers', roles: [...staff, 'hotline'] },
  },
  {
    path: '/staff/lawyers/import',
    name: 'lawyer-import',
    component: () => import('@/pages/lawyers/LawyerImportPage.vue'),
    meta: { title: 'nav.import', roles: staff },
  },
  {
    path: '/staff/lawyers/:id',
    name: 'dossier',
    component: () => import('@/pages/lawyers/LawyerDossierPage.vue'),
    props: true,
    meta: { title: 'dossier.title', roles: [...staff, 'hotline'] },
  },
  {
    path: '/lawyer/dossier',
    name: 'my-dossier',
    component: () => import('@/pages/lawyers/LawyerDossierPage.vue'),
    props: () => ({ id: useAuthStore().user?.lawyerId ?? '' }),
    meta: { title: 'dossier.title', roles: ['lawyer'] },
  },
  {
    path: '/staff/vetting',
    name: 'vetting',
    component: () => import('@/pages/lawyers/VettingQueuePage.vue'),
    meta: { title: 'nav.vetting', roles: staff },
  },
  {
    path: '/staff/posts',
    name: 'posts',
    component: () => import('@/pages/posts/PostListPage.vue'),
    meta: { title: 'nav.posts', roles: staff },
  },
  {
    path: '/staff/posts/new',
    name: 'post-new',
    component: () => import('@/pages/posts/PostEditorPage.vue'),
    meta: { title: 'posts.new', roles: staff },
  },
  {
    path: '/staff/posts/:id',
    name: 'post-edit',
    component: () => import('@/pages/posts/PostEditorPage.vue'),
    props: true,
    meta: { title: 'posts.edit', roles: staff },
  },
  {
    path: '/staff/posts/:id/patterns',
    name: 'post-patterns',
    component: () => import('@/pages/rotas/PostPatternsPage.vue'),
    props: true,
    meta: { title: 'patterns.title', roles: staff },
  },
  {
    path: '/staff/rotas',
    name: 'rotas',
    component: () => import('@/pages/rotas/RotaListPage.vue'),
    meta: { title: 'nav.rotas', roles: staff },
  },
  {
    path: '/staff/rotas/:id',
    name: 'rota',
    component: () => import('@/pages/rotas/RotaReviewPage.vue'),
    props: true,
    meta: { title: 'nav.rotas', roles: staff },
  },
  {
    path: '/staff/requests',
    name: 'requests',
    component: () => import('@/pages/rotas/RequestsPage.vue'),
    meta: { title: 'nav.requests', roles: staff },
  },
  {
    path: '/staff/calendar',
    name: 'calendar',
    component: () => import('@/pages/rotas/HolidayCalendarPage.vue'),
    meta: { title: 'nav.calendar', roles: staff },
  },
  {
    path: '/admin/users',
    name: 'users',
    component: () => import('@/pages/admin/UserAdminPage.vue'),
    meta: { title: 'nav.users', roles: admin },
  },
  {
    path: '/admin/audit',
    name: 'audit',
    component: () => import('@/pages/admin/AuditPage.vue'),
    meta: { title: 'nav.audit', roles: admin },
  },
  {
    path: '/staff/violations',
    name: 'violations',
    component: () => import('@/pages/discipline/ViolationQueuePage.vue'),
    meta: { title: 'nav.violations', roles: staff },
  },
  {
    path: '/staff/violations/:id',
    name: 'violation',
    component: () => import('@/pages/discipline/ViolationPage.vue'),
    props: true,
    meta: { title: 'nav.violations', roles: staff },
  },
  {
    path: '/me/record',
    name: 'my-record',
    component: () => import('@/pages/discipline/MyRecordPage.vue'),
    meta: { title: 'nav.myRecord', roles: ['lawyer'] },
  },
  {
    path: '/me/records',
    name: 'my-records',
    component: () => import('@/pages/me/MyRecordsPage.vue'),
    meta: { title: 'records.title', roles: ['lawyer'] },
  },
  {
    path: '/staff/stats',
    name: 'stats',
    component: () => import('@/pages/stats/StatsPage.vue'),
    meta: { title: 'records.stats.title', roles: staff },
  },
  {
    path: '/staff/subsidy',
    name: 'subsidy',
    component: () => import('@/pages/stats/SubsidyPage.vue'),
    meta: { title: 'records.subsidy.title', roles: staff },
  },
  {
    path: '/staff/fast-track',
    name: 'fast-track',
    component: () => import('@/pages/stats/FastTrackPage.vue'),
    meta: { title: 'records.fastTrackTitle', roles: staff },
  },
  { path: '/forbidden', name: 'forbidden', component: () => import('@/pages/ForbiddenPage.vue'), meta: { title: 'forbidden.title' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue') },
];
