import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { checkinsApi, type CheckinBody, type CheckinKind, type CheckinLocation, type CheckinResult } from '@/api/checkins';
import { ApiError } from '@/api/http';
import { useErrorMessage } from '@/composables/useErrorMessage';
import { newAttemptKey } from './scan';

export type AttemptInput = Omit<CheckinBody, 'idempotencyKey' | 'kind'>;

/**
 * One check-in or check-out attempt. Its idempotency key is kept while the answer is unknown
 * (sending, network down, server error), so a double tap or a retry of the same request
 * never records twice; a definite answer, or a changed request, starts a new attempt.
 */
export function useCheckinAttempt() {
  const { t, te } = useI18n();
  const { errorMessage } = useErrorMessage();
  const sending = ref(false);
  const result = ref<CheckinResult | null>(null);
  const error = ref('');
  const errorCode = ref('');
  let key: string | null = null;
  let keyFor = '';

  function refusal(err: unknown): string {
    if (err instanceof ApiError && te(`checkinErrors.${err.code}`)) {
      const details = (err.details && typeof err.details === 'object' ? err.details : {}) as Record<string, unknown>;
      return t(`checkinErrors.${err.code}`, details);
    }
    return errorMessage(err);
  }

  async function send(kind: CheckinKind, input: AttemptInput): Promise<CheckinResult | null> {
    if (sending.value) return null;
    const signature = JSON.stringify([kind, input.code, input.postCode, input.shortCode, input.countersignPin]);
    if (!key || keyFor !== signature) {
      key = newAttemptKey();
      keyFor = signature;
    }
    sending.value = true;
    error.value = '';
    errorCode.value = '';
    result.value = null;
    try {
      const body: CheckinBody = { ...input, kind, idempotencyKey: key };
      result.value = await checkinsApi.checkIn(body);
      key = null;
      return result.value;
    } catch (err) {
      const unknownOutcome = !(err instanceof ApiError) || err.status === 0 || err.status >= 500;
      if (!unknownOutcome) key = null;
      errorCode.value = err instanceof ApiError ? err.code : 'internal';
      error.value = refusal(err);
      return null;
    } finally {
      sending.value = false;
    }
  }

  function reset(): void {
    result.value = null;
    error.value = '';
    errorCode.value = '';
  }

  return { sending, result, error, errorCode, send, reset };
}

/** The phone's position once, as the contract wants it; rejects when refused or unavailable. */
export function currentLocation(): Promise<CheckinLocation> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new Error('unavailable'));
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: Math.round(pos.coords.accuracy) }),
      (err) => reject(new Error(err.message || 'denied')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  });
}
