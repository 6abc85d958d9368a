import { useI18n } from 'vue-i18n';

type Params = Record<string, string | number>;

/**
 * The engine's messages (a code with parameters) in the reader's language. Parameters that
 * name a post kind or a hard rule are translated too, so no raw enum value reaches the text.
 */
export function useEngineMessage() {
  const { t, te, locale } = useI18n();
  const rule = (name: string | number) => (te(`engine.blocks.${name}`) ? t(`engine.blocks.${name}`) : String(name));

  function engineMessage(code: string, params: Params = {}): string | null {
    if (!te(`engine.${code}`)) return null;
    const p: Params = { ...params };
    if (p.kind !== undefined && te(`engine.kinds.${p.kind}`)) p.kind = t(`engine.kinds.${p.kind}`);
    if (p.rule !== undefined) p.rule = rule(p.rule);
    if (code === 'UNFILLED_MIXED') {
      const parts = String(p.eliminated ?? '')
        .split(',')
        .filter(Boolean)
        .map((item) => {
          const [name, n] = item.split(':');
          return t('engine.UNFILLED_PART', { n: n ?? '', rule: rule(name ?? '') });
        });
      if (Number(p.free) > 0) parts.push(t('engine.UNFILLED_FREE', { n: p.free }));
      p.list = parts.join(locale.value === 'en' ? ', ' : '，');
    }
    return t(`engine.${code}`, p);
  }

  /** An API error whose details carry an engine reason (rule checks, duplicates), or null. */
  function engineError(details: unknown): string | null {
    const d = details as { index?: number | null; reason?: string; params?: Params } | undefined;
    if (!d?.reason) return null;
    const text = engineMessage(d.reason, d.params);
    if (!text) return null;
    return typeof d.index === 'number' ? t('engine.patternPrefix', { n: d.index + 1 }) + text : text;
  }

  return { engineMessage, engineError };
}
