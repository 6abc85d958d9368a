import type { FeedbackStatsReader } from '../feedback/feedback.port';

/**
 * Stands in for the feedback area until it is composed in services.ts: no feedback yet.
 * REPLACE AT COMPOSITION with the feedback service's reader.
 */
export const feedbackStatsPlaceholder: FeedbackStatsReader = {
  countsBetween: async () => ({ praise: 0, complaints: 0, upheld: 0 }),
};
