/**
 * Every message the engine gives is a code with parameters; the reader's language is
 * chosen when it is shown (the CLI renders it, the client through its own catalog of the
 * same codes). The codes about the instance itself (rules, dates, zones, shifts) are here,
 * where the input is read; explanations add theirs in explain/messages.ts.
 */
export type Lang = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;

export interface EngineMessage {
  code: string;
  params: MessageParams;
}

export type MessageTemplate = (p: MessageParams, lang: Lang) => string;
export type MessageCatalog = Record<string, { 'zh-CN': MessageTemplate; en: MessageTemplate }>;

export const INPUT_MESSAGES: MessageCatalog = {
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
};

/** A message in the reader's language, from the given catalog (the code and parameters when it is not there). */
export function renderFrom(catalog: MessageCatalog, message: EngineMessage, lang: Lang): string {
  const entry = catalog[message.code];
  if (!entry) return `${message.code} ${JSON.stringify(message.params)}`;
  return entry[lang](message.params, lang);
}

/** An instance the engine cannot work with, told as a message code. */
export class EngineError extends RangeError {
  constructor(readonly detail: EngineMessage) {
    super(renderFrom(INPUT_MESSAGES, detail, 'en'));
    this.name = 'EngineError';
  }
}
