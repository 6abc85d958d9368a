import type { Schedule } from '../solver/schedule';
import { spreadLowerBound } from '../solver/fairnessBound';
import { servableLawyers, spreadAmong } from '../rules/servable';

export interface LawyerFairness {
  lawyerId: string;
  duties: number;
  weekendOrHoliday: number;
  early: number;
  late: number;
  /** Differences from the mean over lawyers who could serve. */
  dutiesVsMean: number;
  weekendOrHolidayVsMean: number;
  earlyVsMean: number;
  lateVsMean: number;
}

export interface FairnessSummary {
  lawyersWhoCouldServe: number;
  mean: { duties: number; weekendOrHoliday: number; early: number; late: number };
  spread: { duties: number; weekendOrHoliday: number; early: number; late: number };
  lawyers: LawyerFairness[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Per-lawyer duty counts against the mean, over lawyers who could serve at least one slot. */
export function fairnessSummary(state: Schedule): FairnessSummary {
  const p = state.p;
  const servable = servableLawyers(p);
  const weekend = servableLawyers(p, 'weekendOrHoliday');
  const early = servableLawyers(p, 'early');
  const late = servableLawyers(p, 'late');
  const mean = (counts: Int32Array, mask: Uint8Array) => {
    let sum = 0;
    let n = 0;
    for (let l = 0; l < mask.length; l++) {
      if (!mask[l]) continue;
      sum += counts[l];
      n++;
    }
    return n ? sum / n : 0;
  };
  const m = {
    duties: mean(state.duties, servable),
    weekendOrHoliday: mean(state.weekendDuties, weekend),
    early: mean(state.earlyDuties, early),
    late: mean(state.lateDuties, late),
  };
  const lawyers: LawyerFairness[] = [];
  for (let l = 0; l < p.lawyers.length; l++) {
    if (!servable[l] && state.duties[l] === 0) continue;
    lawyers.push({
      lawyerId: p.lawyers[l].id,
      duties: state.duties[l],
      weekendOrHoliday: state.weekendDuties[l],
      early: state.earlyDuties[l],
      late: state.lateDuties[l],
      dutiesVsMean: round2(state.duties[l] - m.duties),
      weekendOrHolidayVsMean: round2(state.weekendDuties[l] - m.weekendOrHoliday),
      earlyVsMean: round2(state.earlyDuties[l] - m.early),
      lateVsMean: round2(state.lateDuties[l] - m.late),
    });
  }
  return {
    lawyersWhoCouldServe: servable.reduce((a, b) => a + b, 0),
    mean: { duties: round2(m.duties), weekendOrHoliday: round2(m.weekendOrHoliday), early: round2(m.early), late: round2(m.late) },
    spread: {
      duties: spreadAmong(state.duties, servable).spread,
      weekendOrHoliday: spreadAmong(state.weekendDuties, weekend).spread,
      early: spreadAmong(state.earlyDuties, early).spread,
      late: spreadAmong(state.lateDuties, late).spread,
    },
    lawyers,
  };
}

const sumOver = (counts: Int32Array, mask: Uint8Array) => counts.reduce((sum, c, l) => sum + (mask[l] ? c : 0), 0);

/** Lower bounds for the duty and weekend/holiday spreads of any rota filling as many seats. */
export function fairnessBounds(state: Schedule, summary: FairnessSummary): { spread: number; weekendSpread: number } {
  const p = state.p;
  const all = servableLawyers(p);
  const weekend = servableLawyers(p, 'weekendOrHoliday');
  return {
    spread: spreadLowerBound(p, () => true, all, sumOver(state.duties, all), summary.spread.duties),
    weekendSpread: spreadLowerBound(p, (s) => p.slotWeekend[s] === 1, weekend, sumOver(state.weekendDuties, weekend), summary.spread.weekendOrHoliday),
  };
}
