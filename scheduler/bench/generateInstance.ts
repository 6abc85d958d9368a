import { chinaHolidayCalendar } from '../src/calendar/chinaHolidays';
import type { Lawyer, Post, PostKind, RotaInstance, ShiftPattern } from '../src/model/types';
import { mulberry32 } from '../src/solver/random';
import { addDays, daysBetween } from '../src/time/localDay';

/**
 * Realistic synthetic instances, generated deterministically from a seed: posts at
 * detention centres, procuratorates and courts per district plus city-level posts;
 * lawyers qualified by kind and district (some narrowly); some leave and preferences.
 */
export interface RegionSpec {
  city: string;
  districts: string[];
  /** City-level posts, e.g. the intermediate court. */
  cityPosts: { name: string; kind: PostKind; lawyersNeeded?: number; opensOnHolidays?: boolean }[];
}

export interface GeneratorOptions {
  seed: number;
  regions: RegionSpec[];
  lawyers: number;
  period: { from: string; to: string };
  /** Cap the number of posts (the last district posts are dropped). */
  posts?: number;
  leaveShare?: number;
}

export const NANJING: RegionSpec = {
  city: '南京',
  districts: ['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区'],
  cityPosts: [
    { name: '南京市看守所', kind: 'detention_centre', lawyersNeeded: 2, opensOnHolidays: true },
    { name: '南京市人民检察院', kind: 'procuratorate' },
    { name: '南京市人民检察院刑事案件快速办理中心', kind: 'procuratorate', lawyersNeeded: 2, opensOnHolidays: true },
    { name: '南京市中级人民法院', kind: 'court' },
    { name: '南京铁路运输法院', kind: 'court' },
  ],
};

const JIANGSU_CITIES = ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'];

export function jiangsuRegions(): RegionSpec[] {
  return JIANGSU_CITIES.map((city) =>
    city === '南京'
      ? NANJING
      : {
          city,
          districts: Array.from({ length: 11 }, (_, i) => `${city}第${i + 1}区`),
          cityPosts: [
            { name: `${city}市看守所`, kind: 'detention_centre', lawyersNeeded: 1, opensOnHolidays: true },
            { name: `${city}市人民检察院`, kind: 'procuratorate' },
            { name: `${city}市中级人民法院`, kind: 'court' },
            { name: `${city}市人民检察院快速办理中心`, kind: 'procuratorate' },
          ],
        },
  );
}

const KIND_NAMES: Record<PostKind, string> = {
  detention_centre: '看守所',
  procuratorate: '人民检察院',
  court: '人民法院',
  fast_track: '刑事案件快速办理中心',
  hotline: '法律援助热线',
  online: '网络值班',
};
const WEEKDAYS = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

function shifts(kind: PostKind, weekday: boolean, everyOtherSaturday: boolean): ShiftPattern[] {
  const out: ShiftPattern[] = [
    { id: 'am', rrule: WEEKDAYS, dtstart: '2024-01-01', start: '09:00', end: '11:30' },
    { id: 'pm', rrule: WEEKDAYS, dtstart: '2024-01-01', start: '14:30', end: '17:30' },
  ];
  if (!weekday) for (const p of out) p.rrule = 'FREQ=DAILY';
  if (everyOtherSaturday && kind === 'detention_centre') {
    out.push({ id: 'sat', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', dtstart: '2024-01-06', start: '09:00', end: '12:00' });
  }
  return out;
}

export function generateInstance(options: GeneratorOptions): RotaInstance {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const posts: Post[] = [];
  const cityOfDistrict = new Map<string, string>();
  for (const region of options.regions) {
    const cityDistrict = `${region.city}市级`;
    cityOfDistrict.set(cityDistrict, region.city);
    region.cityPosts.forEach((cp, i) => {
      posts.push({
        id: `${region.city}-c${i + 1}`,
        name: cp.name,
        kind: cp.kind,
        district: cityDistrict,
        timeZone: 'Asia/Shanghai',
        lawyersNeeded: cp.lawyersNeeded ?? 1,
        patterns: shifts(cp.kind, !cp.opensOnHolidays, false),
        opensOnHolidays: cp.opensOnHolidays ?? false,
        opensOnMakeUpDays: true,
      });
    });
    region.districts.forEach((district, d) => {
      cityOfDistrict.set(district, region.city);
      (['detention_centre', 'procuratorate', 'court'] as PostKind[]).forEach((kind) => {
        posts.push({
          id: `${region.city}-d${d + 1}-${kind}`,
          name: `${district}${KIND_NAMES[kind]}`,
          kind,
          district,
          timeZone: 'Asia/Shanghai',
          lawyersNeeded: 1,
          patterns: shifts(kind, true, d % 3 === 0),
          opensOnHolidays: false,
          opensOnMakeUpDays: true,
        });
      });
    });
  }
  const kept = options.posts === undefined ? posts : keepPosts(posts, options.posts);

  // Lawyers live where the demand is: districts weighted by their posts' seats.
  const demand = new Map<string, number>();
  for (const p of kept) demand.set(p.district, (demand.get(p.district) ?? 0) + p.lawyersNeeded * (p.opensOnHolidays ? 1.4 : 1));
  const districts = [...demand.keys()];
  const total = [...demand.values()].reduce((a, b) => a + b, 0);
  // Each city recruits for its own posts: lawyers are dealt to districts in proportion to
  // demand (largest remainder), then shuffled.
  const homes: string[] = [];
  const quotas = districts.map((d) => (demand.get(d)! / total) * options.lawyers);
  districts.forEach((d, i) => {
    for (let k = 0; k < Math.floor(quotas[i]); k++) homes.push(d);
  });
  const byRemainder = districts.map((d, i) => [d, quotas[i] - Math.floor(quotas[i])] as const).sort((a, b) => b[1] - a[1]);
  for (let k = 0; homes.length < options.lawyers; k++) homes.push(byRemainder[k % byRemainder.length][0]);
  for (let i = homes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [homes[i], homes[j]] = [homes[j], homes[i]];
  }
  const sameCity = (d: string) => districts.filter((o) => cityOfDistrict.get(o) === cityOfDistrict.get(d));
  const kinds: PostKind[] = ['detention_centre', 'procuratorate', 'court'];
  const firmsPerCity = 12;
  const days = daysBetween(options.period.from, options.period.to);
  const leaveShare = options.leaveShare ?? 0.1;

  const lawyers: Lawyer[] = Array.from({ length: options.lawyers }, (_, i) => {
    const home = homes[i];
    const city = cityOfDistrict.get(home)!;
    const limited = random() < 0.1;
    const qualifiedDistricts = new Set([home]);
    if (!limited) {
      const local = sameCity(home);
      qualifiedDistricts.add(`${city}市级`);
      for (let k = 0; k < 2; k++) qualifiedDistricts.add(pick(local));
    }
    const r = random();
    const qualifiedKinds = limited ? [pick(kinds)] : r < 0.75 ? kinds : kinds.filter((k) => k !== pick(kinds));
    const lawyer: Lawyer = {
      id: `L${String(i + 1).padStart(4, '0')}`,
      name: `律师${i + 1}`,
      firmId: `${city}-firm-${Math.floor(random() * firmsPerCity) + 1}`,
      status: 'active',
      eligible: true,
      qualifications: { kinds: qualifiedKinds.filter((k) => kept.some((p) => p.kind === k && qualifiedDistricts.has(p.district))), districts: [...qualifiedDistricts].filter((d) => demand.has(d)) },
    };
    if (lawyer.qualifications.kinds.length === 0) lawyer.qualifications.kinds = [...kinds];
    if (random() < leaveShare) {
      const start = pick(days);
      lawyer.leave = [{ from: start, to: addDays(start, 1 + Math.floor(random() * 4)), reason: '事假' }];
    }
    if (random() < 0.05) lawyer.preferences = { undesiredWeekdays: [1 + Math.floor(random() * 5)] };
    return lawyer;
  });

  return {
    period: options.period,
    posts: kept,
    lawyers,
    calendar: chinaHolidayCalendar(),
    seed: options.seed,
  };
}

function keepPosts(posts: Post[], count: number): Post[] {
  if (posts.length <= count) return posts;
  // Drop district posts evenly so that every city keeps its city-level posts.
  const district = posts.filter((p) => !p.district.endsWith('市级'));
  const drop = new Set<Post>();
  const step = district.length / (posts.length - count);
  for (let k = 0; drop.size < posts.length - count; k++) drop.add(district[Math.floor(k * step)]);
  return posts.filter((p) => !drop.has(p));
}

export function nanjingMonth(seed = 2026): RotaInstance {
  return generateInstance({ seed, regions: [NANJING], lawyers: 340, period: { from: '2026-10-01', to: '2026-10-31' } });
}

export function jiangsuYear(seed = 2026): RotaInstance {
  return generateInstance({ seed, regions: jiangsuRegions(), lawyers: 4000, posts: 450, period: { from: '2026-01-01', to: '2026-12-31' } });
}
