/** How each hard rule that can keep a lawyer out of a slot is told in a sentence. */
export const BLOCK_PHRASES: Record<string, { en: string; zh: string }> = {
  lawyerActive: { en: 'not active', zh: '非在册状态' },
  lawyerEligible: { en: 'not eligible after vetting', zh: '不符合遴选条件' },
  lawyerQualified: { en: 'not qualified for this post', zh: '不具备该岗位资格' },
  noLeave: { en: 'on leave', zh: '请假' },
  noUnavailability: { en: 'declared unavailable', zh: '声明不能值班' },
  alreadyInSlot: { en: 'already in this slot', zh: '已在本班次' },
  oneDutyPerDay: { en: 'already on duty that day', zh: '当天已有值班' },
  noOverlap: { en: 'on an overlapping duty', zh: '有时间重叠的值班' },
  minimumRest: { en: 'without enough rest', zh: '休息时间不足' },
  weeklyCap: { en: 'at their weekly cap', zh: '已达每周上限' },
  monthlyCap: { en: 'at their monthly cap', zh: '已达每月上限' },
};
