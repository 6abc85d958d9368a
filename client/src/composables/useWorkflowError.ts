import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/http';
import { useEngineMessage } from './useEngineMessage';
import { useErrorMessage } from './useErrorMessage';

interface ViolationLike {
  message: string;
}

/**
 * Error sentences for the rota workflow: its own codes (`workflowErrors.<code>`) first, then
 * the app-wide ones. Violations sent as details are listed one per line.
 */
export function useWorkflowError() {
  const { t, te } = useI18n();
  const { errorMessage } = useErrorMessage();
  const { engineError } = useEngineMessage();
  function workflowError(err: unknown): string {
    // The engine's own reason (e.g. a rule that never matches) says more than the code.
    const reason = err instanceof ApiError ? engineError(err.details) : null;
    if (reason) return reason;
    if (err instanceof ApiError && te(`workflowErrors.${err.code}`)) return t(`workflowErrors.${err.code}`);
    return errorMessage(err);
  }
  function violationsOf(err: unknown): string[] {
    if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
    return (err.details as ViolationLike[]).filter((d) => typeof d?.message === 'string').map((d) => d.message);
  }
  return { workflowError, violationsOf };
}
