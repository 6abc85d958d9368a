import ExcelJS from 'exceljs';
import type { RotaDetail } from '../../contracts/rotas';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (day: string) => `星期${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]}`;

/**
 * The rota as centres print it: one sheet with a row per day and a column per post, each cell
 * listing the shifts and their lawyers; and a detail sheet with one row per duty.
 */
export async function exportRotaWorkbook(rota: RotaDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhiban';
  const posts = rota.postIds.map((id) => rota.posts[id]).filter(Boolean).sort((a, b) => a.district.localeCompare(b.district, 'zh') || a.name.localeCompare(b.name, 'zh'));
  const name = (id: string) => rota.lawyers[id]?.name ?? id;

  const grid = wb.addWorksheet('值班表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 }, views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  grid.mergeCells(1, 1, 1, posts.length + 2);
  grid.getCell(1, 1).value = `法律援助值班律师排班表（${rota.from} 至 ${rota.to}）${rota.publishedVersion ? `  第${rota.publishedVersion}版` : '  草稿'}`;
  grid.getCell(1, 1).font = { bold: true, size: 14 };
  grid.getCell(1, 1).alignment = { horizontal: 'center' };
  grid.getRow(2).values = ['日期', '星期', ...posts.map((p) => `${p.name}（${p.district}）`)];
  grid.getRow(2).font = { bold: true };
  grid.getColumn(1).width = 12;
  grid.getColumn(2).width = 8;
  posts.forEach((_, i) => (grid.getColumn(i + 3).width = 18));

  const days = [...new Set(rota.slots.map((s) => s.day))].sort();
  const cell = new Map<string, string[]>();
  const flags = new Map<string, string>();
  for (const s of [...rota.slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const key = `${s.day}|${s.postId}`;
    const line = `${s.localStart}-${s.localEnd} ${s.lawyerIds.map(name).join('、') || '（空缺）'}`;
    cell.set(key, [...(cell.get(key) ?? []), line]);
    if (s.holiday) flags.set(s.day, '节假日');
    else if (s.makeUpDay) flags.set(s.day, '调休上班');
  }
  for (const day of days) {
    const row = grid.addRow([day, `${weekdayOf(day)}${flags.has(day) ? `（${flags.get(day)}）` : ''}`, ...posts.map((p) => (cell.get(`${day}|${p.id}`) ?? []).join('\n'))]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  grid.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell((c) => (c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
  });

  const detail = wb.addWorksheet('明细');
  detail.columns = [
    { header: '日期', key: 'day', width: 12 },
    { header: '星期', key: 'weekday', width: 8 },
    { header: '岗位', key: 'post', width: 28 },
    { header: '岗位代码', key: 'code', width: 14 },
    { header: '区域', key: 'district', width: 10 },
    { header: '开始', key: 'start', width: 8 },
    { header: '结束', key: 'end', width: 8 },
    { header: '值班律师', key: 'lawyer', width: 10 },
    { header: '执业证号', key: 'licence', width: 20 },
    { header: '律师事务所', key: 'firm', width: 26 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const s of [...rota.slots].sort((a, b) => a.start.localeCompare(b.start) || a.postId.localeCompare(b.postId))) {
    const post = rota.posts[s.postId];
    for (const id of s.lawyerIds) {
      const l = rota.lawyers[id];
      detail.addRow({ day: s.day, weekday: weekdayOf(s.day), post: post?.name, code: post?.code, district: post?.district, start: s.localStart, end: s.localEnd, lawyer: l?.name ?? id, licence: l?.licenceNumber ?? '', firm: l?.firm ?? '' });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
