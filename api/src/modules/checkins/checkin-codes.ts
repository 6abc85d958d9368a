import { createHmac, timingSafeEqual } from 'node:crypto';

/** Codes change every 45 s; the current and the previous window are accepted. */
export const CODE_WINDOW_SECONDS = 45;
const PREFIX = 'ZB1';

export function codeWindow(at: Date, windowSeconds = CODE_WINDOW_SECONDS): number {
  return Math.floor(at.getTime() / (windowSeconds * 1000));
}

function mac(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text).digest();
}

function signature(secret: string, postId: string, window: number): string {
  return mac(secret, `qr|${postId}|${window}`).subarray(0, 16).toString('base64url');
}

/** The QR payload of a post for one time window: post id + window, signed. */
export function checkinPayload(secret: string, postId: string, window: number): string {
  return `${PREFIX}.${postId}.${window}.${signature(secret, postId, window)}`;
}

/** Six digits derived from the HMAC of the post and window, for typing instead of scanning. */
export function shortCode(secret: string, postId: string, window: number): string {
  return String(mac(secret, `short|${postId}|${window}`).readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export type CodeCheck = { ok: true; postId: string; window: number } | { ok: false; reason: 'code_invalid' | 'code_expired' };

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Only the current window and the previous one (grace) are accepted; older is expired. */
function windowCheck(window: number, now: Date, windowSeconds: number): 'ok' | 'code_expired' | 'code_invalid' {
  const current = codeWindow(now, windowSeconds);
  if (window === current || window === current - 1) return 'ok';
  return window < current ? 'code_expired' : 'code_invalid';
}

/** Checks a scanned payload: signature first (a forged or altered code is invalid), then its age. */
export function verifyPayload(secret: string, payload: string, now: Date, windowSeconds = CODE_WINDOW_SECONDS): CodeCheck {
  const parts = payload.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^[0-9a-f]{24}$/.test(parts[1]!) || !/^\d{1,12}$/.test(parts[2]!)) {
    return { ok: false, reason: 'code_invalid' };
  }
  const postId = parts[1]!;
  const window = Number(parts[2]);
  if (!sameText(parts[3]!, signature(secret, postId, window))) return { ok: false, reason: 'code_invalid' };
  const age = windowCheck(window, now, windowSeconds);
  return age === 'ok' ? { ok: true, postId, window } : { ok: false, reason: age };
}

/**
 * Checks typed digits for a post. Six digits say nothing about their window, so an old code
 * is told apart from a wrong one by trying the few windows before the grace one.
 */
export function verifyShortCode(secret: string, postId: string, digits: string, now: Date, windowSeconds = CODE_WINDOW_SECONDS): CodeCheck {
  const current = codeWindow(now, windowSeconds);
  for (const window of [current, current - 1]) {
    if (sameText(digits, shortCode(secret, postId, window))) return { ok: true, postId, window };
  }
  for (let back = 2; back <= 20; back++) {
    if (sameText(digits, shortCode(secret, postId, current - back))) return { ok: false, reason: 'code_expired' };
  }
  return { ok: false, reason: 'code_invalid' };
}
