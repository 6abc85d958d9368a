import type { Role } from '../../../api/src/contracts/common';
import type { Access, AnyRoute } from '../../../api/src/lib/route';
import { useTestDatabase } from '../../support/db';
import { Client, createAccount, eligibleLawyer, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));

const STAFF = ['admin', 'coordinator'];
/**
 * Who may call what, for every declared route. A route added without a line here fails the
 * first test; a changed access fails the second. Keep in sync with the `Routes` comments in
 * api/src/contracts.
 */
const EXPECTED: Record<string, 'public' | 'authenticated' | string[]> = {
  // accounts and sessions
  'POST /auth/login': 'public',
  'POST /auth/logout': 'authenticated',
  'GET /auth/me': 'authenticated',
  'POST /auth/password': 'authenticated',
  'GET /users': ['admin'],
  'POST /users': ['admin'],
  'PATCH /users/:id': ['admin'],
  'POST /users/:id/reset-password': ['admin'],
  // lawyers, vetting, import and export
  'POST /lawyers/imports': STAFF,
  'GET /lawyers/imports/:id': STAFF,
  'GET /lawyers/imports/template': STAFF,
  'POST /lawyers/imports/:id/confirm': STAFF,
  'GET /lawyers': ['admin', 'coordinator', 'hotline'],
  'GET /lawyers/flagged': STAFF,
  'GET /lawyers/colleagues': ['lawyer', 'admin', 'coordinator'],
  'POST /lawyers/eligibility/re-evaluate': STAFF,
  'GET /lawyers/export': ['admin', 'coordinator', 'hotline'],
  'POST /lawyers': STAFF,
  'GET /lawyers/:id': ['admin', 'coordinator', 'hotline', 'lawyer'],
  'PATCH /lawyers/:id': STAFF,
  'PUT /lawyers/:id/assessments/:year': STAFF,
  'DELETE /lawyers/:id/assessments/:year': STAFF,
  'PUT /lawyers/:id/attestation': STAFF,
  'POST /lawyers/:id/complaints': STAFF,
  'PATCH /lawyers/:id/complaints/:complaintId': STAFF,
  'POST /lawyers/:id/vetting': STAFF,
  'POST /lawyers/:id/status': STAFF,
  // posts
  'GET /posts': 'authenticated',
  'GET /posts/:id': 'authenticated',
  'POST /posts': STAFF,
  'PATCH /posts/:id': STAFF,
  'POST /posts/:id/deactivate': STAFF,
  'POST /posts/:id/activate': STAFF,
  // audit
  'GET /audit': ['admin'],
  // rotas, duties, leave, swaps, notifications, feeds and the public board
  'GET /posts/:id/patterns': STAFF,
  'PUT /posts/:id/patterns': STAFF,
  'POST /shift-patterns/preview': STAFF,
  'GET /calendar': 'authenticated',
  'PUT /calendar/days/:day': STAFF,
  'GET /rotas': STAFF,
  'POST /rotas/drafts': STAFF,
  'GET /rotas/:id': STAFF,
  'POST /rotas/:id/replan': STAFF,
  'POST /rotas/:id/check': STAFF,
  'PATCH /rotas/:id/assignments': STAFF,
  'POST /rotas/:id/publish': STAFF,
  'GET /rotas/:id/versions': STAFF,
  'GET /rotas/:id/export.xlsx': STAFF,
  'GET /rotas/calendar-conflicts': STAFF,
  'POST /rotas/:id/calendar-repair': STAFF,
  'GET /jobs/:id': STAFF,
  'GET /duties/mine': ['lawyer'],
  'GET /duties': ['admin', 'coordinator', 'hotline'],
  'GET /absences': STAFF,
  'GET /absences/mine': ['lawyer'],
  'POST /absences': ['lawyer'],
  'POST /absences/:id/cancel': ['lawyer'],
  'POST /absences/:id/decide': STAFF,
  'GET /swaps': STAFF,
  'GET /swaps/mine': ['lawyer'],
  'POST /swaps': ['lawyer'],
  'POST /swaps/:id/accept': ['lawyer'],
  'POST /swaps/:id/cancel': ['lawyer'],
  'POST /swaps/:id/decide': STAFF,
  'GET /notifications/mine': 'authenticated',
  'POST /notifications/:id/read': 'authenticated',
  'GET /calendar-feeds/mine': ['lawyer'],
  'GET /posts/:id/calendar-feed': STAFF,
  'POST /calendar-feeds/:id/rotate': ['lawyer', 'admin', 'coordinator'],
  'GET /ical/:file': 'public',
  'GET /public/posts/:code/board': 'public',
  // check-in, the post kiosk, the live board and attendance events
  'POST /posts/:id/kiosk-token': STAFF,
  'POST /posts/:id/countersign-pin': STAFF,
  'GET /posts/:id/checkin-settings': STAFF,
  'PUT /posts/:id/checkin-settings': STAFF,
  // Public: the kiosk screen at the post has no account; the post's kiosk token (X-Kiosk-Token) is the key; names only.
  'GET /kiosk/:code': 'public',
  'POST /checkins': ['lawyer'],
  'POST /checkins/undo-checkout': ['lawyer'],
  'GET /swaps/candidates': ['lawyer'],
  'GET /checkins/mine': ['lawyer'],
  'GET /liveboard': ['admin', 'coordinator', 'hotline'],
  'GET /attendance/events': STAFF,
  // discipline
  'GET /violations': STAFF,
  'POST /violations': STAFF,
  'POST /violations/bulk-decision': STAFF,
  'GET /violations/mine': ['lawyer'],
  'GET /violations/:id': ['admin', 'coordinator', 'lawyer'],
  'POST /violations/:id/seen': STAFF,
  'POST /violations/:id/reply': ['lawyer'],
  'POST /violations/:id/decision': STAFF,
  'POST /violations/:id/reversal': ['admin'],
  'GET /discipline/lawyers/:id': STAFF,
  // the public lookup and feedback (no account; per-IP limits), staff feedback, the hotline desk
  'GET /public/posts': 'public',
  'GET /public/duty': 'public',
  'GET /public/feedback/challenge': 'public',
  'POST /public/feedback': 'public',
  'GET /public/feedback/:code': 'public',
  'GET /feedback': ['admin', 'coordinator', 'hotline'],
  'GET /feedback/overdue': STAFF,
  'GET /feedback/:code': ['admin', 'coordinator', 'hotline'],
  'POST /feedback/:code/accept': STAFF,
  'POST /feedback/:code/reject': STAFF,
  'POST /feedback/:code/handle': STAFF,
  'POST /feedback/:code/conclude': STAFF,
  'GET /hotline/search': ['hotline', 'admin', 'coordinator'],
  'GET /hotline/duty': ['hotline', 'admin', 'coordinator'],
  'POST /hotline/calls': ['hotline', 'admin', 'coordinator'],
  'GET /lawyers/:id/attendance-history': ['admin', 'coordinator', 'hotline', 'lawyer'],
  // duty records, fast-track cases, statistics, subsidies, the duty history
  'POST /records': ['lawyer'],
  'GET /records/mine': ['lawyer'],
  'GET /records/mine/history': ['lawyer'],
  'GET /records/mine/duties': ['lawyer'],
  'GET /records/settings': STAFF,
  'PUT /records/settings': STAFF,
  'GET /records': STAFF,
  'GET /records/:id': ['lawyer', 'admin', 'coordinator'],
  'POST /records/:id/forwarded': ['lawyer'],
  'POST /records/:id/document': ['lawyer'],
  'GET /records/:id/document': ['lawyer', 'admin', 'coordinator'],
  'POST /fast-track': ['lawyer', 'admin', 'coordinator'],
  'GET /fast-track/mine': ['lawyer'],
  'GET /fast-track': STAFF,
  'GET /stats/summary': STAFF,
  'GET /stats/breakdown': STAFF,
  'GET /stats/export': STAFF,
  'GET /subsidy/rates': STAFF,
  'PUT /subsidy/rates': STAFF,
  'GET /subsidy/:month': STAFF,
  'POST /subsidy/:month/lock': STAFF,
  'GET /subsidy/:month/export': STAFF,
  // The dossier's duty history: hotline staff answer callers about a lawyer's duties.
  'GET /lawyers/:id/duty-history': [...STAFF, 'hotline'],
  // The API's own contract (OpenAPI): what integrators read before they have an account.
  'GET /openapi.json': 'public',
};

/** Resources of this area that must never have a public route. */
const PRIVATE_PREFIXES = ['/lawyers', '/users', '/audit', '/posts', '/auth/me', '/auth/password'];

const ROLES: Role[] = ['admin', 'coordinator', 'lawyer', 'hotline'];
const keyOf = (r: AnyRoute) => `${r.method.toUpperCase()} ${r.path}`;
const routes = () => app.app().locals.routeRegistry!.routes;
const normalise = (a: Access) => (typeof a === 'string' ? a : [...a].sort());

const ids = { lawyer: '', post: '', user: '', importId: '', complaint: '' };
const sessions = new Map<Role, Client>();

beforeAll(async () => {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  await createAccount('hotline', 'hotline');
  ids.user = (await createAccount('spare', 'hotline')).id;
  const admin = await app.as('admin');
  const lawyer = await admin.post('/lawyers', eligibleLawyer(1));
  ids.lawyer = lawyer.body.lawyer.id;
  const complained = await admin.post(`/lawyers/${ids.lawyer}/complaints`, { date: '2026-01-01', summary: 's', upheld: false });
  ids.complaint = complained.body.lawyer.complaints[0].id;
  await createAccount('lawyer', 'lawyer', { lawyerId: ids.lawyer });
  const post = await admin.post('/posts', { kind: 'court', name: '测试法院', code: 'T-COURT', district: '玄武区', address: '测试路1号' });
  ids.post = post.body.id;
  const csv = '姓名,性别,执业证号,律师事务所,执业时间,联系电话,身份证号\n张三,男,13201200000000099,某所,2010-01-01,13800000099,110101198001010011\n';
  const form2 = new FormData();
  form2.append('file', new Blob([csv]), 'one.csv');
  const imp = await admin.request('POST', '/lawyers/imports', form2);
  ids.importId = imp.body.id;
  for (const role of ROLES) sessions.set(role, await app.as(role === 'coordinator' ? 'coord' : role));
});

const UNKNOWN_ID = '0123456789abcdef01234567';

/** A concrete URL for a route: real fixtures for this area's resources, a well-formed unknown id elsewhere. */
function concretePath(route: AnyRoute): string {
  const p = route.path;
  const idFor = p.startsWith('/lawyers/imports')
    ? ids.importId
    : p.startsWith('/posts')
      ? ids.post
      : p.startsWith('/users')
        ? ids.user
        : p.startsWith('/lawyers')
          ? ids.lawyer
          : UNKNOWN_ID;
  return p
    .replace(':id', idFor)
    .replace(':year', '2025')
    .replace(':complaintId', ids.complaint)
    .replace(':day', '2026-06-01')
    .replace(':code', 'T-COURT')
    .replace(':file', 'unknown.ics')
    .replace(':month', '2026-04');
}

describe('the route registry', () => {
  it('when the app is built, then every declared route has a line in the expected table and vice versa', () => {
    expect(routes().map(keyOf).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('when access is declared, then it matches the expected table', () => {
    for (const route of routes()) {
      const expected = EXPECTED[keyOf(route)]!;
      expect([keyOf(route), normalise(route.access)]).toEqual([keyOf(route), typeof expected === 'string' ? expected : [...expected].sort()]);
    }
  });

  it('when looking for public routes, then none serves lawyers, users, posts, imports or the audit log: only sign-in of these is public', () => {
    const publicRoutes = routes().filter((r) => r.access === 'public');
    expect(publicRoutes.filter((r) => PRIVATE_PREFIXES.some((prefix) => r.path.startsWith(prefix))).map(keyOf)).toEqual([]);
    expect(publicRoutes.filter((r) => r.path.startsWith('/auth')).map(keyOf)).toEqual(['POST /auth/login']);
  });
});

describe('walking every route with every role', () => {
  it('when anonymous, then every non-public route answers 401 and public ones do not', async () => {
    const anon = app.client();
    for (const route of routes()) {
      const res = await anon.request(route.method.toUpperCase(), concretePath(route), route.method === 'get' ? undefined : {});
      if (route.access === 'public') expect([keyOf(route), res.status]).not.toEqual([keyOf(route), 401]);
      else expect([keyOf(route), res.status, res.body.error?.code]).toEqual([keyOf(route), 401, 'unauthenticated']);
    }
  });

  it.each(ROLES)('when signed in as %s, then allowed routes answer neither 401 nor 403 and the others answer 403', async (role) => {
    const username = role === 'coordinator' ? 'coord' : role;
    // Logout goes last so the session lasts the walk.
    const ordered = [...routes()].sort((a, b) => Number(a.path === '/auth/logout') - Number(b.path === '/auth/logout'));
    const wrong: string[] = [];
    for (const route of ordered) {
      if (route.access === 'public') continue;
      const client = sessions.get(role)!;
      const res = await client.request(route.method.toUpperCase(), concretePath(route), route.method === 'get' ? undefined : {});
      const expected = EXPECTED[keyOf(route)]!;
      const allowed = expected === 'authenticated' || (Array.isArray(expected) && expected.includes(role));
      if (allowed && (res.status === 401 || res.status === 403)) wrong.push(`${keyOf(route)} allowed but ${res.status}`);
      if (!allowed && (res.status !== 403 || res.body.error?.code !== 'forbidden')) wrong.push(`${keyOf(route)} denied but ${res.status}`);
    }
    expect(wrong).toEqual([]);
    sessions.set(role, await app.as(username));
  });
});
