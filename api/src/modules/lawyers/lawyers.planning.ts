import type { PlanningLawyer } from '../rotas/planning/planningInputs';
import { LawyerModel } from './lawyers.model';

const FIELDS = { name: 1, firm: 1, licenceNumber: 1, status: 1, eligible: 1, districts: 1, postKinds: 1 } as const;

type Row = Omit<PlanningLawyer, 'id'> & { _id: unknown };

/**
 * The facts planning needs about lawyers (no private data), all or by id. A few ids are read
 * one by one by primary key, which FerretDB answers without reading the whole collection.
 */
export async function findPlanningLawyers(ids?: string[]): Promise<PlanningLawyer[]> {
  const valid = ids?.filter((id) => /^[0-9a-f]{24}$/i.test(id));
  let docs: Row[];
  if (valid && valid.length <= 40) {
    docs = (await Promise.all(valid.map((id) => LawyerModel.findById(id).select(FIELDS).lean<Row>()))).filter((d): d is Row => d !== null);
  } else {
    docs = await LawyerModel.find(valid ? { _id: { $in: valid } } : {}).select(FIELDS).sort({ licenceNumber: 1 }).lean<Row[]>();
  }
  return docs.map((d) => ({
    id: String(d._id),
    name: d.name,
    firm: d.firm,
    licenceNumber: d.licenceNumber,
    status: d.status,
    eligible: d.eligible,
    districts: d.districts ?? [],
    postKinds: d.postKinds ?? [],
  }));
}
