import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Paginated } from '../../../api/src/contracts/common';
import type { Query } from '@/api/http';
import {
  lawyersApi,
  type AssessmentGrade,
  type AttestationBody,
  type ComplaintBody,
  type CreateLawyerBody,
  type LawyerDossier,
  type LawyerListItem,
  type StatusChangeBody,
  type UpdateLawyerBody,
  type VettingBody,
} from '@/api/lawyers';

/** The list row a dossier implies, so lists stay right after an action on the dossier. */
function toListItem(d: LawyerDossier): LawyerListItem {
  const l = d.lawyer;
  const latest = [...l.assessments].sort((a, b) => b.year - a.year)[0] ?? null;
  return {
    id: l.id,
    name: l.name,
    gender: l.gender,
    licenceNumber: l.licenceNumber,
    firm: l.firm,
    yearsInPractice: l.yearsInPractice,
    phone: l.phone,
    districts: l.districts,
    postKinds: l.postKinds,
    status: l.status,
    eligible: l.eligible,
    eligibilityFlag: l.eligibilityFlag,
    ineligibleReasons: l.eligible ? [] : d.eligibility.reasons,
    latestAssessment: latest,
  };
}

export const useLawyersStore = defineStore('lawyers', () => {
  const byId = ref<Record<string, LawyerListItem>>({});
  const dossiers = ref<Record<string, LawyerDossier>>({});
  const flaggedIds = ref<string[]>([]);
  const applicantIds = ref<string[]>([]);

  const pick = (ids: string[]) => ids.map((id) => byId.value[id]).filter((x): x is LawyerListItem => !!x);
  /** Applicants still waiting (an approved one drops out at once). */
  const applicants = computed(() => pick(applicantIds.value).filter((l) => l.status === 'applicant'));
  const flagged = computed(() => pick(flaggedIds.value).filter((l) => l.eligibilityFlag !== null));

  function remember(items: LawyerListItem[]): void {
    for (const item of items) byId.value[item.id] = item;
  }

  function keep(d: LawyerDossier): LawyerDossier {
    dossiers.value[d.lawyer.id] = d;
    byId.value[d.lawyer.id] = toListItem(d);
    return d;
  }

  async function fetchPage(query: Query): Promise<Paginated<LawyerListItem>> {
    const page = await lawyersApi.list(query);
    remember(page.items);
    return page;
  }

  async function fetchQueue(): Promise<void> {
    const [apps, flags] = await Promise.all([lawyersApi.list({ status: 'applicant', pageSize: 200, sort: 'name' }), lawyersApi.flagged()]);
    remember(apps.items);
    remember(flags);
    applicantIds.value = apps.items.map((l) => l.id);
    flaggedIds.value = flags.map((l) => l.id);
  }

  const fetchDossier = async (id: string) => keep(await lawyersApi.get(id));
  const create = async (body: CreateLawyerBody) => keep(await lawyersApi.create(body));
  const update = async (id: string, body: UpdateLawyerBody) => keep(await lawyersApi.update(id, body));
  const vet = async (id: string, body: VettingBody) => keep(await lawyersApi.vet(id, body));
  const changeStatus = async (id: string, body: StatusChangeBody) => keep(await lawyersApi.changeStatus(id, body));
  const setAssessment = async (id: string, year: number, grade: AssessmentGrade) => keep(await lawyersApi.setAssessment(id, year, grade));
  const removeAssessment = async (id: string, year: number) => keep(await lawyersApi.removeAssessment(id, year));
  const setAttestation = async (id: string, body: AttestationBody) => keep(await lawyersApi.setAttestation(id, body));
  const addComplaint = async (id: string, body: ComplaintBody) => keep(await lawyersApi.addComplaint(id, body));
  const setComplaintUpheld = async (id: string, complaintId: string, upheld: boolean) =>
    keep(await lawyersApi.updateComplaint(id, complaintId, { upheld }));

  return {
    byId,
    dossiers,
    applicants,
    flagged,
    fetchPage,
    fetchQueue,
    fetchDossier,
    create,
    update,
    vet,
    changeStatus,
    setAssessment,
    removeAssessment,
    setAttestation,
    addComplaint,
    setComplaintUpheld,
  };
});
