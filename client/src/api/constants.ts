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
export const AUDIT_ENTITY_TYPES = ['lawyer', 'post', 'user', 'import'] as const satisfies readonly AuditEntityType[];
