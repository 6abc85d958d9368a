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
      const key = `errors.${err.code}`;
      if (te(key)) return t(key);
      return err.message || t('errors.internal');
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
