/** What other areas (the hotline desk, the dossier) may read of duty records. */
export interface DutyRecordSummary {
  id: string;
  /** consultation | rights_notice | aid_application | plea_witness | meeting | file_reading | legal_opinion */
  kind: string;
  at: Date;
  /** A short line for staff, e.g. the consultation's question or the plea's case number. */
  title: string;
}

export interface DutyRecordsReader {
  /** Records kept on one duty (`dutyKeyOf(duty)` from attendance), oldest first. */
  forDuty(dutyKey: string): Promise<DutyRecordSummary[]>;
}
