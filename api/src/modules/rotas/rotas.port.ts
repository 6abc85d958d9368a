/** What other areas may know of rota planning: the shapes of the lawyers and leave it plans with. */
export type { PlanningAbsence, PlanningDirectory, PlanningLawyer } from './planning/planningInputs';
