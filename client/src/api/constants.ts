/**
 * Values mirrored from the server's contracts. The client may only `import type` from
 * api/src/contracts, so the few runtime constants it needs are repeated here; the
 * `satisfies` checks keep them in step with the contract types.
 */
import type { AuditEntityType } from '../../../api/src/contracts/audit';
import type { Channel, PostKind, Role } from '../../../api/src/contracts/common';
import type { AssessmentGrade, EligibilityRule, LawyerStatus } from '../../../api/src/contracts/lawyers';

export const PASSWORD_MIN_LENGTH = 10;
export const ROLES = ['admin', 'coordinator', 'lawyer', 'hotline'] as const satisfies readonly Role[];
export const STAFF_ROLES = ['admin', 'coordinator'] as const satisfies readonly Role[];
export const DISTRICTS = [
  '玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区', '市级',
] as const;
export const POST_KINDS = ['detention_centre', 'procuratorate', 'court', 'fast_track', 'hotline', 'online'] as const satisfies readonly PostKind[];
export const CHANNELS = ['on_site', 'phone', 'video'] as const satisfies readonly Channel[];

export const LAWYER_STATUSES = ['applicant', 'active', 'warned', 'suspended', 'removed', 'retired'] as const satisfies readonly LawyerStatus[];
export const ASSESSMENT_GRADES = ['优秀', '称职', '合格', '基本称职', '不称职'] as const satisfies readonly AssessmentGrade[];
export const ELIGIBILITY_RULES = [
  'political_attestation',
  'years_in_practice',
  'criminal_experience',
  'no_upheld_complaint',
  'annual_assessment',
] as const satisfies readonly EligibilityRule[];
export const AUDIT_ENTITY_TYPES = ['lawyer', 'post', 'user', 'import', 'rota', 'calendar', 'absence', 'swap', 'checkin'] as const satisfies readonly AuditEntityType[];
/** Mirrored from the contract's AUDIT_ACTIONS (a test keeps both and the labels in step). */
export const AUDIT_ACTIONS = [
  'lawyer.create', 'lawyer.update', 'lawyer.assessment_set', 'lawyer.assessment_remove',
  'lawyer.attestation_set', 'lawyer.complaint_add', 'lawyer.complaint_update',
  'lawyer.vetting', 'lawyer.status_change', 'lawyer.import', 'lawyer.eligibility_reevaluated',
  'post.create', 'post.update', 'post.deactivate', 'post.activate', 'post.patterns',
  'user.create', 'user.update', 'user.password_reset', 'user.password_change',
  'import.preview', 'import.confirm',
  'rota.draft', 'rota.replan', 'rota.edit', 'rota.amend', 'rota.publish',
  'calendar.day',
  'absence.approve', 'absence.reject',
  'swap.approve', 'swap.reject',
  'checkin.settings', 'checkin.kiosk_token', 'checkin.countersign_pin', 'checkin.undo_checkout',
] as const;
