import { call, downloadFrom, uploadTo, type BodyOf } from './call';

export type * from '../../../api/src/contracts/records';

/** Mirrored from the contract (runtime values may not be imported from it). */
export const RECORD_KINDS = ['consultation', 'rights_notice', 'aid_application', 'plea_witness', 'meeting', 'file_reading', 'legal_opinion'] as const;
export const RELATIONS = ['suspect', 'relative', 'victim', 'other'] as const;
export const PROCEDURES = ['su_cai', 'jian_yi'] as const;
export const SUBSIDY_POST_KINDS = ['detention_centre', 'procuratorate', 'court', 'fast_track', 'hotline', 'online'] as const;
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export const recordsApi = {
  create: (body: BodyOf<'POST /records'>) => call('POST /records', { body }),
  recordableDuties: () => call('GET /records/mine/duties'),
  mine: (from: string, to: string) => call('GET /records/mine', { query: { from, to } }),
  ofDuty: (dutyKey: string) => call('GET /records', { query: { dutyKey } }),
  forwarded: (id: string) => call('POST /records/:id/forwarded', { params: { id } }),
  attach: (id: string, file: File) => uploadTo('POST /records/:id/document', file, { params: { id } }),
  myHistory: (year: number) => call('GET /records/mine/history', { query: { year } }),
  history: (id: string, year: number) => call('GET /lawyers/:id/duty-history', { params: { id }, query: { year } }),
  settings: () => call('GET /records/settings'),
  saveSettings: (body: BodyOf<'PUT /records/settings'>) => call('PUT /records/settings', { body }),
};

export const fastTrackApi = {
  register: (body: BodyOf<'POST /fast-track'>) => call('POST /fast-track', { body }),
  mine: () => call('GET /fast-track/mine'),
  list: (open?: boolean) => call('GET /fast-track', { query: { open: open === undefined ? undefined : open ? 'true' : 'false' } }),
};

export const statsApi = {
  summary: (from: string, to: string) => call('GET /stats/summary', { query: { from, to } }),
  breakdown: (from: string, to: string) => call('GET /stats/breakdown', { query: { from, to } }),
  exportXlsx: (from: string, to: string) => downloadFrom('GET /stats/export', 'statistics.xlsx', { query: { from, to } }),
};

export const subsidyApi = {
  rates: () => call('GET /subsidy/rates'),
  saveRates: (body: BodyOf<'PUT /subsidy/rates'>) => call('PUT /subsidy/rates', { body }),
  statement: (month: string) => call('GET /subsidy/:month', { params: { month } }),
  lock: (month: string) => call('POST /subsidy/:month/lock', { params: { month } }),
  exportXlsx: (month: string) => downloadFrom('GET /subsidy/:month/export', `subsidy-${month}.xlsx`, { params: { month } }),
};
