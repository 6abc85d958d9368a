// The planning read lives in the repository; this name stays for the composition that wires it.
export { findPlanningLawyers } from './lawyers.repository';
