import { useI18n } from 'vue-i18n';

/** Dates and times as people in the centre read them: Beijing time, in the UI language. */
export function useFormat() {
  const { locale } = useI18n();
  function dateTime(iso: string | null | undefined): string {
    if (!iso) return '—';
    return new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(new Date(iso));
  }
  function day(iso: string | null | undefined): string {
    return iso ? iso.slice(0, 10) : '—';
  }
  /** The time of day (HH:mm, Beijing time). */
  function time(iso: string | null | undefined): string {
    if (!iso) return '—';
    return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  }
  return { dateTime, day, time };
}
