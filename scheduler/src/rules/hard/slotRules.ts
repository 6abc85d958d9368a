import type { HardRule, RotaView, SeatCheck, Violation } from '../types';
import { dayKey, ids, slotLabel, slotsOf } from '../types';

/**
 * Every slot gets the lawyers it needs whenever that is possible. A validator cannot
 * prove that a different rota would fill a slot, so it reports an understaffed slot as a
 * violation when some lawyer could be added to it right now without breaking any other
 * hard rule; slots nobody can take are reported as unfilled, with reasons, instead.
 */
export const slotFilled: HardRule = {
  name: 'slotFilled',
  level: 'hard',
  description: 'Every slot gets the lawyers it needs when that is possible at all.',
  descriptionZh: '只要可能，每个班次都要配足所需律师。',
  check(view: RotaView): Violation[] {
    const p = view.problem;
    const out: Violation[] = [];
    for (const s of slotsOf(view)) {
      const missing = p.slotNeeded[s] - view.bySlot[s].length;
      if (missing <= 0) continue;
      const members = p.groupMembers[p.slotGroup[s]];
      const free = members.find((l) => view.couldAdd(l, s));
      if (free === undefined) continue;
      out.push({
        rule: 'slotFilled',
        ...ids(view, s, free),
        message: `${p.slots[s].id} lacks ${missing} lawyer(s) although ${p.lawyers[free].name} could take it`,
        messageZh: `${slotLabel(p, s)}缺${missing}名律师，但${p.lawyers[free].name}可以值班`,
      });
    }
    return out;
  },
};

export const noOverstaffing: HardRule & { seat: SeatCheck<'alreadyInSlot'> } = {
  name: 'noOverstaffing',
  level: 'hard',
  description: 'A slot has no more lawyers than it needs, and no lawyer twice.',
  descriptionZh: '班次人数不超过所需人数，同一律师不重复安排。',
  // The solver only seats a lawyer in a free seat, so the one refusal left to tell is the lawyer already there.
  seat: {
    code: 'alreadyInSlot',
    phrase: { en: 'already in this slot', zh: '已在本班次' },
    refuses(state, l, s, without) {
      const same = state.dayDuty[dayKey(state.p, l, s)];
      return same === s && same !== without;
    },
  },
  check(view: RotaView): Violation[] {
    const p = view.problem;
    const out: Violation[] = [];
    for (const s of slotsOf(view)) {
      const lawyers = view.bySlot[s];
      if (lawyers.length > p.slotNeeded[s]) {
        out.push({
          rule: 'noOverstaffing',
          ...ids(view, s),
          message: `${p.slots[s].id} has ${lawyers.length} lawyers but needs ${p.slotNeeded[s]}`,
          messageZh: `${slotLabel(p, s)}安排了${lawyers.length}名律师，只需${p.slotNeeded[s]}名`,
        });
      }
      if (new Set(lawyers).size !== lawyers.length) {
        out.push({
          rule: 'noOverstaffing',
          ...ids(view, s),
          message: `${p.slots[s].id} lists the same lawyer twice`,
          messageZh: `${slotLabel(p, s)}重复安排了同一名律师`,
        });
      }
    }
    return out;
  },
};
