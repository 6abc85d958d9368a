/**
 * Whom a lawyer may ask to take a duty. Pure: imports only zod.
 *
 * Routes
 *   GET /api/swaps/candidates   query SwapCandidatesQuery → SwapCandidate[]   lawyer
 *
 * Serving, eligible colleagues (name and firm only) who could take the caller's duty without
 * breaking a rule of the rota (a duty the same day, leave, qualifications …). Errors: 404
 * `duty_not_found` when the caller does not hold the duty.
 */
import { z } from 'zod';
import { idSchema } from './common';

export const swapCandidatesQuery = z.object({ rotaId: idSchema, slotId: z.string().min(1).max(120) });
export type SwapCandidatesQuery = z.infer<typeof swapCandidatesQuery>;

export const swapCandidateSchema = z.object({ id: z.string(), name: z.string(), firm: z.string() });
export type SwapCandidate = z.infer<typeof swapCandidateSchema>;
