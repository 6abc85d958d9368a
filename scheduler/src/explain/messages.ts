import { BLOCK_PHRASES } from './blockMessages';

/**
 * Every message the engine gives is a code with parameters; the reader's language is
 * chosen when it is shown (the CLI renders it here, the client through its own catalog of
 * the same codes). Parameters that name a post kind or a hard rule are translated too.
 */
export type Lang = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;

export interface EngineMessage {
  code: string;
  params: MessageParams;
}

export class EngineError extends RangeError {
  constructor(readonly detail: EngineMessage) {
    super(renderMessage(detail, 'en'));
    this.name = 'EngineError';
  }
}

export const KIND_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  detention_centre: { 'zh-CN': '看守所', en: 'detention centre' },
  procuratorate: { 'zh-CN': '检察院', en: 'procuratorate' },
  court: { 'zh-CN': '法院', en: 'court' },
  fast_track: { 'zh-CN': '速裁中心', en: 'fast-track centre' },
  hotline: { 'zh-CN': '热线', en: 'hotline' },
  online: { 'zh-CN': '网络值班', en: 'online' },
};

type Template = (p: MessageParams, lang: Lang) => string;
const CATALOG: Record<string, { 'zh-CN': Template; en: Template }> = {
  RULE_SYNTAX: { 'zh-CN': (p) => `“${p.part}”不是“名称=值”的形式`, en: (p) => `"${p.part}" is not KEY=VALUE` },
  RULE_UNKNOWN_PART: { 'zh-CN': (p) => `不支持规则项 ${p.part}`, en: (p) => `${p.part} is not a supported rule part` },
  RULE_NO_FREQ: { 'zh-CN': () => '规则缺少 FREQ（频率）', en: () => 'the rule needs FREQ' },
  RULE_FREQ_TOO_FINE: { 'zh-CN': (p) => `频率 ${p.freq} 比“每天”更细，班次按天重复`, en: (p) => `FREQ=${p.freq} is finer than daily; shifts recur by day` },
  RULE_FREQ_UNSUPPORTED: { 'zh-CN': (p) => `频率 ${p.freq} 不受支持，请用 DAILY、WEEKLY 或 MONTHLY`, en: (p) => `FREQ=${p.freq} is not supported; use DAILY, WEEKLY or MONTHLY` },
  RULE_NOT_POSITIVE: { 'zh-CN': (p) => `${p.part} 必须是 1 到 ${p.max} 之间的整数（现为 ${p.value}）`, en: (p) => `${p.part} must be a whole number from 1 to ${p.max} (is ${p.value})` },
  RULE_BAD_VALUE: { 'zh-CN': (p) => `${p.part} 的取值 ${p.value} 无效`, en: (p) => `${p.part}=${p.value} is not valid` },
  RULE_BAD_BYDAY: { 'zh-CN': (p) => `BYDAY 的取值 ${p.value} 不是星期（MO…SU）`, en: (p) => `BYDAY ${p.value} is not a list of weekdays (MO…SU)` },
  RULE_COUNT_AND_UNTIL: { 'zh-CN': () => 'COUNT 与 UNTIL 不能同时使用', en: () => 'COUNT and UNTIL cannot both be given' },
  RULE_BAD_UNTIL: { 'zh-CN': (p) => `UNTIL 的取值 ${p.value} 不是日期`, en: (p) => `UNTIL=${p.value} is not a date` },
  RULE_HAS_DTSTART: { 'zh-CN': () => '规则中不能包含 DTSTART 或 TZID（起始日期和时区另填）', en: () => 'the rule must not contain DTSTART or TZID' },
  RULE_NEVER_MATCHES: { 'zh-CN': (p) => `该规则在 ${p.years} 年内不会产生任何日期`, en: (p) => `the rule produces no date within ${p.years} years` },
  DATE_OUT_OF_RANGE: { 'zh-CN': (p) => `日期 ${p.value} 超出可排班范围（${p.min} 至 ${p.max}）`, en: (p) => `${p.value} is outside the plannable years (${p.min} to ${p.max})` },
  DATE_INVALID: { 'zh-CN': (p) => `${p.value} 不是有效日期`, en: (p) => `${p.value} is not a real date` },
  RANGE_REVERSED: { 'zh-CN': (p) => `开始 ${p.from} 晚于结束 ${p.to}`, en: (p) => `the start ${p.from} is after the end ${p.to}` },
  ZONE_UNKNOWN: { 'zh-CN': (p) => `未知时区 ${p.zone}`, en: (p) => `unknown time zone ${p.zone}` },
  TIME_INVALID: { 'zh-CN': (p) => `${p.value} 不是 HH:mm 时间`, en: (p) => `${p.value} is not a wall time HH:mm` },
  DUPLICATE_SHIFT: {
    'zh-CN': (p) => `岗位 ${p.post} 已有 ${p.start}–${p.end} 的班次规则（规则 ${p.first}），同一班次只能用一条规则，请合并星期或用 RDATE 增加日期`,
    en: (p) => `post ${p.post} already has a ${p.start}–${p.end} shift (pattern ${p.first}); one shift, one pattern: merge the weekdays or add dates as RDATE`,
  },
  UNFILLED_NO_QUALIFIED: {
    'zh-CN': (p, l) => `没有具备${p.district}${kind(p.kind, l)}岗位资格的在册律师`,
    en: (p, l) => `no active, eligible lawyer is qualified for ${kind(p.kind, l)} posts in ${p.district}`,
  },
  UNFILLED_ALL_BLOCKED: {
    'zh-CN': (p) => `${p.qualified}名具备资格的律师均${phrase(p.rule, 'zh-CN')}`,
    en: (p) => `${p.qualified} qualified lawyer${p.qualified === 1 ? '' : 's'}, ${p.qualified === 1 ? '' : 'all '}${phrase(p.rule, 'en')}`,
  },
  UNFILLED_MIXED: {
    'zh-CN': (p) => `${p.qualified}名具备资格的律师：${list(p.eliminated, 'zh-CN')}${Number(p.free) > 0 ? `，${p.free}名空闲但未安排` : ''}`,
    en: (p) => `${p.qualified} qualified lawyers: ${list(p.eliminated, 'en')}${Number(p.free) > 0 ? `, ${p.free} free but not placed` : ''}`,
  },
  PIN_NOT_KEPT: {
    'zh-CN': (p) => `${p.lawyer}锁定于${p.slot}的安排未保留：${p.rule === 'noOverstaffing' ? '班次已满' : phrase(p.rule, 'zh-CN')}`,
    en: (p) => `pin of ${p.lawyer} to ${p.slot} not kept: ${p.rule === 'noOverstaffing' ? 'the slot is full' : phrase(p.rule, 'en')}`,
  },
  BOUND_NOT_REACHED: {
    'zh-CN': (p) => `${p.measure === 'weekend' ? '周末节假日值班' : '值班'}差距为 ${p.actual}，下界为 ${p.bound}：下界不计休息时间、每周上限和锁定安排，排班搜索未找到更均衡的方案`,
    en: (p) => `${p.measure === 'weekend' ? 'weekend/holiday' : 'duty'} spread is ${p.actual} against a lower bound of ${p.bound}: the bound leaves out rest, weekly caps and pins, and the search found no fairer rota`,
  },
};

function kind(value: string | number, lang: Lang): string {
  return KIND_NAMES[String(value)]?.[lang] ?? String(value);
}

function phrase(rule: string | number, lang: Lang): string {
  const p = BLOCK_PHRASES[String(rule)];
  return p ? (lang === 'en' ? p.en : p.zh) : String(rule);
}

/** `rule:n,rule:n` as a sentence part. */
function list(encoded: string | number, lang: Lang): string {
  return String(encoded)
    .split(',')
    .filter(Boolean)
    .map((item) => {
      const [rule, n] = item.split(':');
      return lang === 'en' ? `${n} ${phrase(rule, lang)}` : `${n}名${phrase(rule, lang)}`;
    })
    .join(lang === 'en' ? ', ' : '，');
}

export function renderMessage(message: EngineMessage, lang: Lang): string {
  const entry = CATALOG[message.code];
  if (!entry) return `${message.code} ${JSON.stringify(message.params)}`;
  return entry[lang](message.params, lang);
}

export const MESSAGE_CODES: readonly string[] = Object.keys(CATALOG);
