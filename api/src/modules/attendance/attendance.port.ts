/** The attendance rules other areas apply to a duty (pure functions of the duty, the post's thresholds and the time). */
export * from './attendance.rules';
