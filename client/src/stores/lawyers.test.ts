import { beforeEach, describe, expect, it } from '@jest/globals';
import { createPinia, setActivePinia } from 'pinia';
import type { LawyerDossier, LawyerListItem } from '@/api/lawyers';
import { fakeFetch } from '@/testing/fakeFetch';
import { useLawyersStore } from './lawyers';

const item = (id: string, over: Partial<LawyerListItem> = {}): LawyerListItem => ({
  id,
  name: `律师${id}`,
  gender: 'female',
  licenceNumber: `1320120${id}`,
  firm: '金陵律师事务所',
  yearsInPractice: 5,
  districts: ['玄武区'],
  postKinds: ['court'],
  status: 'applicant',
  eligible: true,
  eligibilityFlag: null,
  ineligibleReasons: [],
  latestAssessment: null,
  ...over,
});

function dossier(id: string, over: Partial<LawyerDossier['lawyer']> = {}): LawyerDossier {
  const base = item(id);
  return {
    lawyer: {
      ...base,
      licensedSince: '2020-01-01',
      criminalCases: 12,
      criminalExperienceNote: null,
      photo: null,
      assessments: [
        { year: 2024, grade: '称职' },
        { year: 2025, grade: '优秀' },
      ],
      attestation: null,
      complaints: [],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      ...over,
    },
    eligibility: {},
    vetting: { latest: null, history: [] },
    statusHistory: [],
    allowedTransitions: [],
  } as unknown as LawyerDossier;
}

describe('the lawyers store', () => {
  let server: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    setActivePinia(createPinia());
    server = fakeFetch();
    server.answer('GET', '/api/lawyers?status=applicant&pageSize=200&sort=name', { items: [item('1'), item('2')], total: 2, page: 1, pageSize: 200 });
    server.answer('GET', '/api/lawyers/flagged', [item('3', { status: 'active', eligibilityFlag: { reasons: [] } as unknown as LawyerListItem['eligibilityFlag'] })]);
  });

  it('When the vetting queue loads, then applicants and flagged lawyers are listed apart', async () => {
    const store = useLawyersStore();
    await store.fetchQueue();
    expect(store.applicants.map((l) => l.id)).toEqual(['1', '2']);
    expect(store.flagged.map((l) => l.id)).toEqual(['3']);
  });

  it('When an applicant is approved from the dossier, then they leave the queue at once with the list row updated', async () => {
    server.answer('POST', '/api/lawyers/1/vetting', dossier('1', { status: 'active' }));
    const store = useLawyersStore();
    await store.fetchQueue();
    await store.vet('1', { decision: 'approve', note: '材料齐全' } as Parameters<typeof store.vet>[1]);
    expect(store.applicants.map((l) => l.id)).toEqual(['2']);
    expect(store.byId['1']).toMatchObject({ status: 'active', latestAssessment: { year: 2025, grade: '优秀' } });
    expect(store.dossiers['1']?.lawyer.status).toBe('active');
  });

  it('When a complaint is marked upheld, then the request names the complaint and the flag is shown', async () => {
    const flag = { reasons: ['no_upheld_complaint'] } as unknown as LawyerListItem['eligibilityFlag'];
    server.answer('PATCH', '/api/lawyers/2/complaints/c9', dossier('2', { status: 'active', eligibilityFlag: flag }));
    const store = useLawyersStore();
    await store.setComplaintUpheld('2', 'c9', true);
    expect(server.sent.at(-1)).toMatchObject({ method: 'PATCH', body: { upheld: true } });
    expect(store.byId['2']?.eligibilityFlag).toEqual(flag);
  });
});
