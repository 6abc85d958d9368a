import type { RotaView, SoftOutcome, SoftRule } from '../types';

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
      const counts = new Map<string, number>();
      for (const s of slots) {
        const key = `${p.slots[s].postId} ${p.slots[s].day.slice(0, 7)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const [key, n] of counts) {
        if (n <= limit) continue;
        penalty += n - limit;
        if (details.length < 20) details.push(`${p.lawyers[l].id} ${n}× at ${key}`);
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
    const seats = new Map<string, number>();
    const byFirm = new Map<string, number>();
    view.bySlot.forEach((lawyers, s) => {
      const key = `${p.slots[s].postId} ${p.slots[s].day.slice(0, 7)}`;
      seats.set(key, (seats.get(key) ?? 0) + lawyers.length);
      for (const l of lawyers) {
        const fk = `${key}|${p.lawyers[l].firmId}`;
        byFirm.set(fk, (byFirm.get(fk) ?? 0) + 1);
      }
    });
    let penalty = 0;
    const details: string[] = [];
    for (const [fk, n] of byFirm) {
      const key = fk.slice(0, fk.lastIndexOf('|'));
      const total = seats.get(key) ?? 0;
      if (total < 4) continue;
      const excess = n - Math.floor(p.rules.maxFirmShareAtPost * total);
      if (excess <= 0) continue;
      penalty += excess;
      if (details.length < 20) details.push(`firm ${fk.slice(fk.lastIndexOf('|') + 1)} holds ${n}/${total} at ${key}`);
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
