import ExcelJS from 'exceljs';
import { POST_KIND_LABELS, type PostKind } from '../../contracts/common';
import { LAWYER_STATUS_LABELS, type LawyersQuery, type LawyerStatus } from '../../contracts/lawyers';
import type { Actor } from '../../lib/actor';
import { findLawyerDocs } from './lawyers.repository';
import { canSeePrivate } from './lawyers.views';

/** The lawyer list (with the caller's filters) as an .xlsx workbook; private columns only for roles that may see them. */
export async function exportLawyersWorkbook(actor: Actor, q: LawyersQuery): Promise<Buffer> {
  const { docs } = await findLawyerDocs(q, false);
  const see = canSeePrivate(actor.role);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('值班律师');
  const columns: Partial<ExcelJS.Column>[] = [
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '执业证号', key: 'licenceNumber', width: 20 },
    { header: '律师事务所', key: 'firm', width: 28 },
    { header: '执业时间', key: 'licensedSince', width: 12 },
    { header: '刑事案件经验', key: 'criminalCases', width: 12 },
  ];
  if (see.phone) columns.push({ header: '联系电话', key: 'phone', width: 14 });
  if (see.idNumber) columns.push({ header: '身份证号', key: 'idNumber', width: 20 });
  columns.push(
    { header: '服务区域', key: 'districts', width: 20 },
    { header: '可值班岗位类型', key: 'postKinds', width: 20 },
    { header: '年度考核', key: 'assessments', width: 24 },
    { header: '政治审查', key: 'attestation', width: 8 },
    { header: '状态', key: 'status', width: 8 },
    { header: '符合条件', key: 'eligible', width: 8 },
  );
  ws.columns = columns;
  for (const d of docs) {
    ws.addRow({
      name: d.name,
      gender: d.gender === 'female' ? '女' : '男',
      licenceNumber: d.licenceNumber,
      firm: d.firm,
      licensedSince: d.licensedSince,
      criminalCases: d.criminalCases,
      phone: see.phone ? d.phone : undefined,
      idNumber: see.idNumber ? d.idNumber : undefined,
      districts: d.districts.join(';'),
      postKinds: d.postKinds.map((k) => POST_KIND_LABELS[k as PostKind]).join(';'),
      assessments: d.assessments.map((a) => `${a.year}:${a.grade}`).join(';'),
      attestation: d.attestation?.attested ? '是' : '否',
      status: LAWYER_STATUS_LABELS[d.status as LawyerStatus],
      eligible: d.eligible ? '是' : '否',
    });
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
