import { SEAT_RULES } from '../rules/hard';

/** How each hard rule that can keep a lawyer out of a slot is told in a sentence, by its message code. */
export const BLOCK_PHRASES: Record<string, { en: string; zh: string }> = Object.fromEntries(SEAT_RULES.map((rule) => [rule.seat.code, rule.seat.phrase]));
