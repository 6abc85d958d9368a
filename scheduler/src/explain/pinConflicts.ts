import type { RefusedPin } from '../solver/solve';
import { renderMessage } from './messages';

export interface PinConflict {
  slotId: string;
  lawyerId: string;
  rule: string;
  message: string;
  messageZh: string;
}

/** The pins the solver could not keep, each with the reason in both languages. */
export function explainPinConflicts(refused: readonly RefusedPin[]): PinConflict[] {
  return refused.map(({ pin, rule, unknown }) => {
    if (unknown) {
      const what = unknown === 'slot' ? `slot ${pin.slotId}` : `lawyer ${pin.lawyerId}`;
      return { ...pin, rule, message: `pin names an unknown ${what}`, messageZh: `锁定安排引用了不存在的${unknown === 'slot' ? '班次' : '律师'}` };
    }
    const reason = { code: 'PIN_NOT_KEPT', params: { lawyer: pin.lawyerId, slot: pin.slotId, rule } };
    return { ...pin, rule, message: renderMessage(reason, 'en'), messageZh: renderMessage(reason, 'zh-CN') };
  });
}
