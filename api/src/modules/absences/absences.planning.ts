import type { PlanningAbsence } from '../rotas/rotas.port';
import { findApprovedAbsencesOverlapping } from './absences.repository';

/**
 * Approved absences overlapping a period: the read rota planning needs. It needs nothing of the
 * absences service, so rotas is built before absences (which starts rota repairs) and the two
 * areas have no cycle.
 */
export async function approvedAbsencesBetween(from: string, to: string): Promise<PlanningAbsence[]> {
  const docs = await findApprovedAbsencesOverlapping(from, to);
  return docs.map((d) => ({ lawyerId: d.lawyerId, kind: d.kind, from: d.from, to: d.to }));
}
