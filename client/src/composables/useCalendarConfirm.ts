import { ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/http';

/**
 * Planning or publishing a period whose year has no official holiday schedule is refused
 * with `calendar_not_loaded`; this asks staff once and repeats the request confirmed.
 */
export function useCalendarConfirm() {
  const { t } = useI18n();
  async function withCalendarConfirm<T>(run: (confirmMissingCalendar: boolean) => Promise<T>): Promise<T> {
    try {
      return await run(false);
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'calendar_not_loaded') throw err;
      const years = ((err.details as { years?: number[] } | undefined)?.years ?? []).join('、');
      await ElMessageBox.confirm(t('engine.calendarNotLoaded', { years }), t('engine.calendarNotLoadedTitle'), {
        type: 'warning',
        confirmButtonText: t('engine.continueAnyway'),
        cancelButtonText: t('common.cancel'),
      }).catch(() => {
        throw err;
      });
      return run(true);
    }
  }
  return { withCalendarConfirm };
}
