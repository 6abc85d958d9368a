/** What other areas may know of rota planning: the shapes of the lawyers and leave it plans with. */
export type { PlanningAbsence, PlanningDirectory, PlanningLawyer } from './planning/planningInputs';

/** What the public lookup reads of the published history (the function is wired in modules/services.ts). */
export type { PublishedAt, PublishedSlot } from './rotas.timeline';
