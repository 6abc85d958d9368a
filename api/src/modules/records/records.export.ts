import ExcelJS from 'exceljs';
import { RECORD_KIND_LABELS, RECORD_KINDS, type Counted, type StatsBreakdown, type StatsSummary, type SubsidyStatement } from '../../contracts/records';

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};

function countedSheet(wb: ExcelJS.Workbook, name: string, first: string, rows: Counted[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { header: first, key: 'label', width: 28 },
    { header: '案件数', key: 'cases', width: 10 },
    { header: '咨询登记', key: 'consultations', width: 10 },
    { header: '见证具结书', key: 'pleaStatements', width: 12 },
    { header: '台账记录合计', key: 'records', width: 14 },
  ];
  bold(ws.getRow(1));
  for (const r of rows) ws.addRow(r);
}

/** Every statistics table of a period, one sheet each. */
export async function statsWorkbook(summary: StatsSummary, breakdown: StatsBreakdown): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('概况');
  ws.columns = [
    { header: '项目', key: 'k', width: 28 },
    { header: '数量', key: 'v', width: 12 },
  ];
  bold(ws.getRow(1));
  const rows: [string, number | string][] = [
    ['统计期间', `${summary.from} 至 ${summary.to}`],
    ['排班岗位（班次）', summary.coverage.slots],
    ['已排满班次', summary.coverage.filledSlots],
    ['值班人次', summary.duties],
    ['到岗人次', summary.attended],
    ['按时到岗', summary.punctuality.onTime],
    ['迟到', summary.punctuality.late],
    ['缺岗', summary.punctuality.absent],
    ['早退', summary.punctuality.leftEarly],
    ['案件数', summary.cases],
    ...RECORD_KINDS.map((k) => [RECORD_KIND_LABELS[k], summary.byKind[k]] as [string, number]),
    ['快速办理案件', summary.fastTrackCases],
    ['期限内完成', summary.deadlines.met],
    ['超期', summary.deadlines.missed],
    ['表扬', summary.feedback.praise],
    ['投诉', summary.feedback.complaints],
    ['有效投诉', summary.feedback.upheld],
  ];
  for (const [k, v] of rows) ws.addRow({ k, v });
  countedSheet(wb, '按月', '月份', breakdown.byMonth);
  countedSheet(wb, '按工作站', '工作站', breakdown.byPost);
  countedSheet(wb, '按区', '区', breakdown.byDistrict);
  countedSheet(wb, '按岗位类型', '岗位类型', breakdown.byPostKind);
  countedSheet(wb, '按律师', '律师', breakdown.byLawyer);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The monthly subsidy statement as a finance office prints it: title, numbered rows, totals, signatures. */
export async function subsidyWorkbook(s: SubsidyStatement): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${s.month} 补贴`, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const [y, m] = s.month.split('-');
  const headers = ['序号', '姓名', '执业证号', '律师事务所', '值班（半天）', '值班（全天）', '值班补贴（元）', '见证具结书（份）', '见证补贴（元）', '合计（元）', '领取人签字'];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = `${y}年${Number(m)}月 法律援助值班律师补贴发放表`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = `编制单位：法律援助中心  ${s.locked ? `已锁定：${s.lockedAt?.slice(0, 10)}（${s.lockedBy}）` : '未锁定（审核中）'}  单位：元`;
  const head = ws.addRow(headers);
  bold(head);
  [6, 10, 22, 28, 12, 12, 14, 16, 14, 12, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  s.lines.forEach((l, i) => {
    ws.addRow([i + 1, l.lawyerName, l.licenceNumber, l.firm, l.shortDuties, l.longDuties, l.dutyAmount, l.pleaStatements, l.pleaAmount, l.total, '']);
  });
  const sum = (f: (l: SubsidyStatement['lines'][number]) => number) => s.lines.reduce((a, l) => a + f(l), 0);
  const total = ws.addRow(['合计', '', '', '', sum((l) => l.shortDuties), sum((l) => l.longDuties), sum((l) => l.dutyAmount), sum((l) => l.pleaStatements), sum((l) => l.pleaAmount), s.total, '']);
  bold(total);
  for (let r = 3; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  ws.addRow([]);
  ws.addRow([`补贴标准：每次半天/全天按岗位类型计发（${s.rates.longFromHours} 小时及以上为全天），每见证一份认罪认罚具结书另计 ${s.rates.perPleaWitnessed} 元。`]);
  ws.addRow([]);
  ws.addRow(['制表人：', '', '', '审核人：', '', '', '中心负责人：', '', '', '日期：']);
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
