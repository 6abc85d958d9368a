import type {
  DutyHistory,
  DutyRecord,
  FastTrackBody,
  FastTrackCase,
  RecordBody,
  RecordableDuty,
  RecordsSettings,
  StatsBreakdown,
  StatsSummary,
  SubsidyRates,
  SubsidyStatement,
} from '../../../api/src/contracts/records';
import { download, http, upload } from './http';

export type * from '../../../api/src/contracts/records';

/** Mirrored from the contract (runtime values may not be imported from it). */
export const RECORD_KINDS = ['consultation', 'rights_notice', 'aid_application', 'plea_witness', 'meeting', 'file_reading', 'legal_opinion'] as const;
export const RELATIONS = ['suspect', 'relative', 'victim', 'other'] as const;
export const PROCEDURES = ['su_cai', 'jian_yi'] as const;
export const SUBSIDY_POST_KINDS = ['detention_centre', 'procuratorate', 'court', 'fast_track', 'hotline', 'online'] as const;
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export const recordsApi = {
  create: (body: RecordBody) => http.post<DutyRecord>('/api/records', body),
  recordableDuties: () => http.get<RecordableDuty[]>('/api/records/mine/duties'),
  mine: (from: string, to: string) => http.get<DutyRecord[]>('/api/records/mine', { from, to }),
  ofDuty: (dutyKey: string) => http.get<DutyRecord[]>('/api/records', { dutyKey }),
  forwarded: (id: string) => http.post<DutyRecord>(`/api/records/${id}/forwarded`),
  attach: (id: string, file: File) => upload<DutyRecord>(`/api/records/${id}/document`, file),
  myHistory: (year: number) => http.get<DutyHistory>('/api/records/mine/history', { year }),
  history: (lawyerId: string, year: number) => http.get<DutyHistory>(`/api/lawyers/${lawyerId}/duty-history`, { year }),
  settings: () => http.get<RecordsSettings>('/api/records/settings'),
  saveSettings: (body: RecordsSettings) => http.put<RecordsSettings>('/api/records/settings', body),
};

export const fastTrackApi = {
  register: (body: FastTrackBody) => http.post<FastTrackCase>('/api/fast-track', body),
  mine: () => http.get<FastTrackCase[]>('/api/fast-track/mine'),
  list: (open?: boolean) => http.get<FastTrackCase[]>('/api/fast-track', { open: open === undefined ? undefined : String(open) }),
};

export const statsApi = {
  summary: (from: string, to: string) => http.get<StatsSummary>('/api/stats/summary', { from, to }),
  breakdown: (from: string, to: string) => http.get<StatsBreakdown>('/api/stats/breakdown', { from, to }),
  exportXlsx: (from: string, to: string) => download(`/api/stats/export?from=${from}&to=${to}`, 'statistics.xlsx'),
};

export const subsidyApi = {
  rates: () => http.get<SubsidyRates>('/api/subsidy/rates'),
  saveRates: (body: SubsidyRates) => http.put<SubsidyRates>('/api/subsidy/rates', body),
  statement: (month: string) => http.get<SubsidyStatement>(`/api/subsidy/${month}`),
  lock: (month: string) => http.post<SubsidyStatement>(`/api/subsidy/${month}/lock`),
  exportXlsx: (month: string) => download(`/api/subsidy/${month}/export`, `subsidy-${month}.xlsx`),
};
