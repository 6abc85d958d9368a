import { planRota, repairRota, type RotaChange } from '../src';
import { jiangsuYear, nanjingMonth } from './generateInstance';

export interface BenchLine {
  case: string;
  lawyers: number;
  posts: number;
  slots: number;
  seats: number;
  ms: number;
  rssMB: number;
  hardViolations: number;
  unfilled: number;
  spread: number;
  weekendSpread: number;
  [extra: string]: string | number | boolean;
}

type Figures = Omit<BenchLine, 'case' | 'rssMB'>;

/** Wall time, and the CPU time this process spent (what the figure is on a machine to itself). */
function timed<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, ms: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) };
}

/** Median of further runs, once the code is warm (as in a long-running server). */
function warmMedian(work: () => unknown, runs = 5): number {
  const times = Array.from({ length: runs }, () => timed(work).ms).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

function planCase(instance: ReturnType<typeof nanjingMonth>): Figures {
  const { value: result, ms, cpuMs } = timed(() => planRota(instance));
  const f = result.figures;
  return {
    lawyers: instance.lawyers.length,
    posts: instance.posts.length,
    slots: f.slots,
    seats: f.seats,
    ms,
    cpuMs,
    hardViolations: f.hardViolations,
    unfilled: f.unfilled,
    spread: f.spread,
    weekendSpread: f.weekendSpread,
    earlySpread: f.earlySpread,
    lateSpread: f.lateSpread,
    spreadLowerBound: f.spreadLowerBound,
    weekendSpreadLowerBound: f.weekendSpreadLowerBound,
    optimal: f.optimal,
  };
}

/** Removes five lawyers from the published Nanjing month; only their duties should move. */
function repairCase(): Figures {
  const instance = nanjingMonth();
  const published = planRota(instance);
  const gone = instance.lawyers.filter((_, i) => i % 68 === 7).slice(0, 5).map((l) => l.id);
  const changes: RotaChange[] = gone.map((lawyerId) => ({ type: 'lawyerRemoved', lawyerId, from: '2026-10-01T00:00:00+08:00' }));
  const repair = () => repairRota(instance, published.rota, changes);
  const { value: result, ms } = timed(repair);
  const f = result.figures!;
  const othersTouched = result.diff.removed.filter((a) => !gone.includes(a.lawyerId)).length + result.diff.moved.length;
  return {
    lawyers: instance.lawyers.length,
    posts: instance.posts.length,
    slots: f.slots,
    seats: f.seats,
    ms,
    msWarm: warmMedian(repair),
    hardViolations: f.hardViolations,
    unfilled: f.unfilled,
    spread: f.spread,
    weekendSpread: f.weekendSpread,
    dutiesRemoved: result.diff.removed.length,
    dutiesReassigned: result.diff.added.length,
    otherDutiesMoved: othersTouched,
  };
}

export const BENCH_CASES: Record<string, () => Figures> = {
  'nanjing-month': () => planCase(nanjingMonth()),
  'jiangsu-year': () => planCase(jiangsuYear()),
  repair: repairCase,
};
