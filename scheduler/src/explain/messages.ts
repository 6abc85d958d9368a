import { EngineError, INPUT_MESSAGES, renderFrom, type EngineMessage, type Lang, type MessageCatalog, type MessageParams } from '../model/messages';
import { BLOCK_PHRASES } from './blockMessages';

/**
 * The engine's whole message catalog: the codes about the instance (model/messages.ts) and
 * those explanations give. Parameters that name a post kind or a hard rule are translated too.
 */
export { EngineError, type EngineMessage, type Lang, type MessageParams };

export const KIND_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  detention_centre: { 'zh-CN': '看守所', en: 'detention centre' },
  procuratorate: { 'zh-CN': '检察院', en: 'procuratorate' },
  court: { 'zh-CN': '法院', en: 'court' },
  fast_track: { 'zh-CN': '速裁中心', en: 'fast-track centre' },
  hotline: { 'zh-CN': '热线', en: 'hotline' },
  online: { 'zh-CN': '网络值班', en: 'online' },
};

const CATALOG: MessageCatalog = {
  ...INPUT_MESSAGES,
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
  return renderFrom(CATALOG, message, lang);
}

export const MESSAGE_CODES: readonly string[] = Object.keys(CATALOG);
