/** What statistics may read of public feedback: counts over a period of calendar days (Asia/Shanghai). */
export interface FeedbackCounts {
  praise: number;
  complaints: number;
  /** Complaints concluded as upheld. */
  upheld: number;
}

export interface FeedbackStatsReader {
  /** Feedback received on days from..to (YYYY-MM-DD, inclusive), optionally for one lawyer or post. */
  countsBetween(from: string, to: string, filter?: { lawyerId?: string; postId?: string }): Promise<FeedbackCounts>;
}
