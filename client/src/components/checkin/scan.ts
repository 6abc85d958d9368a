/** Whether this browser can read QR codes from the camera itself. */
export function scannerAvailable(): boolean {
  return typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;
}

/**
 * The signed payload from what the camera read: the kiosk's QR holds a URL
 * `…/checkin?c=<payload>`; a bare payload is accepted too.
 */
export function payloadFromScan(raw: string): string | null {
  const text = raw.trim();
  try {
    const url = new URL(text);
    return url.searchParams.get('c');
  } catch {
    return text.length >= 10 && text.length <= 200 && !/\s/.test(text) ? text : null;
  }
}

/** A fresh key per attempt; randomUUID needs a secure context, so fall back to random bytes. */
export function newAttemptKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
