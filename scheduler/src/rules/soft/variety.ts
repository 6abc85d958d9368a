import type { Problem } from '../../model/problem';
import type { RotaView, SoftOutcome, SoftRule } from '../types';

/** `YYYY-MM` of a month index counted from the problem's first month. */
function monthLabel(p: Problem, index: number): string {
  const m = p.firstMonth + index;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** Duties of one lawyer at one post in one month beyond `samePostPerMonth`. */
export const postVariety: SoftRule = {
  name: 'postVariety',
  level: 'soft',
  defaultWeight: 3,
  description: 'The same lawyer is not at the same post too often in a month.',
  descriptionZh: '同一律师同月在同一岗位值班不宜过多。',
  evaluate(view: RotaView): SoftOutcome {
    const p = view.problem;
    const limit = p.rules.samePostPerMonth;
    let penalty = 0;
    const details: string[] = [];
    view.byLawyer.forEach((slots, l) => {
      if (slots.length <= limit) return;
      const counts = new Map<number, number>();
      for (const s of slots) {
        const key = p.slotPost[s] * p.monthCount + p.slotMonth[s] - p.firstMonth;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const [key, n] of counts) {
        if (n <= limit) continue;
        penalty += n - limit;
        const post = p.posts[Math.floor(key / p.monthCount)].id;
        if (details.length < 20) details.push(`${p.lawyers[l].id} ${n}× at ${post} in ${monthLabel(p, key % p.monthCount)}`);
      }
    });
    return { penalty, target: 0, actual: penalty, details };
  },
};

/** Seats one firm holds at a post in a month beyond `maxFirmShareAtPost` of them. */
export const firmBalance: SoftRule = {
  name: 'firmBalance',
  level: 'soft',
  defaultWeight: 3,
  description: 'No single law firm dominates a post.',
  descriptionZh: '同一律师事务所不宜在某一岗位占比过高。',
  evaluate(view: RotaView): SoftOutcome {
    const p = view.problem;
    // Keys: (post, month) for seats, and (post, month, firm) for a firm's share.
    const nF = p.firmIds.length;
    const seats = new Map<number, number>();
    const byFirm = new Map<number, number>();
    view.bySlot.forEach((lawyers, s) => {
      if (lawyers.length === 0) return;
      const key = p.slotPost[s] * p.monthCount + p.slotMonth[s] - p.firstMonth;
      seats.set(key, (seats.get(key) ?? 0) + lawyers.length);
      for (const l of lawyers) {
        const fk = key * nF + p.lawyerFirm[l];
        byFirm.set(fk, (byFirm.get(fk) ?? 0) + 1);
      }
    });
    let penalty = 0;
    const details: string[] = [];
    for (const [fk, n] of byFirm) {
      const key = Math.floor(fk / nF);
      const total = seats.get(key) ?? 0;
      if (total < 4) continue;
      const excess = n - Math.floor(p.rules.maxFirmShareAtPost * total);
      if (excess <= 0) continue;
      penalty += excess;
      const post = p.posts[Math.floor(key / p.monthCount)].id;
      if (details.length < 20) details.push(`firm ${p.firmIds[fk % nF]} holds ${n}/${total} seats at ${post} in ${monthLabel(p, key % p.monthCount)}`);
    }
    return { penalty, target: 0, actual: penalty, details };
  },
};

/** Pinned assignments missing from the rota. */
export const keepPins: SoftRule = {
  name: 'keepPins',
  level: 'soft',
  defaultWeight: 1000,
  description: 'Pinned assignments are kept unless they break a hard rule.',
  descriptionZh: '保留锁定的安排（除非违反硬性规则）。',
  evaluate(view: RotaView): SoftOutcome {
    const p = view.problem;
    const details: string[] = [];
    for (const pin of p.instance.pins ?? []) {
      const s = p.slotIndex.get(pin.slotId);
      const l = p.lawyerIndex.get(pin.lawyerId);
      if (s !== undefined && l !== undefined && view.bySlot[s].includes(l)) continue;
      details.push(`${pin.lawyerId} at ${pin.slotId}`);
    }
    return { penalty: details.length, target: 0, actual: details.length, details };
  },
};
