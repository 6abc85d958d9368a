import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How a post's credentials are stored: kiosk tokens as SHA-256, countersign PINs as an HMAC under the check-in key. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const pinHash = (secret: string, postId: string, pin: string) => createHmac('sha256', secret).update(`pin|${postId}|${pin}`).digest('hex');

/** Compares two hex digests in constant time. */
export const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
