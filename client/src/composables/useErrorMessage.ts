import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/http';

/**
 * Turns any thrown error into a sentence in the user's language: a known API code through
 * `errors.<code>`, otherwise the server's own message, otherwise a generic one.
 */
export function useErrorMessage() {
  const { t, te } = useI18n();
  function errorMessage(err: unknown): string {
    if (err instanceof ApiError) {
      // Area-specific sentences live beside the app-wide ones; the server's English is never shown in Chinese.
      const key = ['errors', 'workflowErrors', 'checkinErrors'].map((ns) => `${ns}.${err.code}`).find((k) => te(k));
      if (key) return t(key);
      return t('errors.internal');
    }
    return err instanceof Error && err.message ? err.message : t('errors.internal');
  }
  /** Field-level messages from a validation_failed answer, keyed by path. */
  function fieldErrors(err: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (err instanceof ApiError && Array.isArray(err.details)) {
      for (const d of err.details as { path?: string; message?: string }[]) {
        if (d.path) out[d.path] = d.message ?? t('errors.validation_failed');
      }
    }
    return out;
  }
  return { errorMessage, fieldErrors };
}
