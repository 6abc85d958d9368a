import { describe, expect, it } from '@jest/globals';
import en from './en';
import zhCN from './zh-CN';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else flatten(v, path, out);
  }
  return out;
}
/** Where the languages differ on purpose, and why. */
const NUMBER_WORDS = 'Chinese counts in words ({cn}: 两周), English in digits ({n})';
const DIFFERENT_PARAMETERS: Record<string, string> = { 'patterns.weeklyN': NUMBER_WORDS, 'patterns.monthlyN': NUMBER_WORDS };
const EMPTY_IN_ENGLISH: Record<string, string> = { 'patterns.weekdayPrefix': 'English weekday names need no prefix (周一 vs Mon)' };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the two languages', () => {
  const zh = flatten(zhCN as unknown as Tree);
  const english = flatten(en as unknown as Tree);

  it('When a key exists in Chinese, then it exists in English and no English key is left over', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('When a message takes parameters, then both languages use the same ones', () => {
    const differing = [...zh].filter(([k]) => !(k in DIFFERENT_PARAMETERS)).filter(([k, text]) => placeholders(text).join() !== placeholders(english.get(k) ?? '').join()).map(([k]) => k);
    expect(differing).toEqual([]);
  });

  it('When a message is shown, then it is never empty', () => {
    expect([...zh].filter(([, text]) => text.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...english].filter(([k, text]) => text.trim() === '' && !(k in EMPTY_IN_ENGLISH)).map(([k]) => k)).toEqual([]);
  });
});
