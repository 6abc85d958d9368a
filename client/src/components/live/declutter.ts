/** A marker on screen: its pixel position and the size of its label. */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

/**
 * Groups markers that would overlap on screen (closer than `radius` pixels), greedily in the
 * given order (put the most worrying first, so a group is shown by it). Each group is drawn as
 * one marker with a count; clicking it zooms in until the group comes apart.
 */
export function clusterPoints<T extends ScreenPoint>(points: T[], radius: number): T[][] {
  const groups: { x: number; y: number; members: T[] }[] = [];
  for (const p of points) {
    const near = groups.find((g) => Math.hypot(g.x - p.x, g.y - p.y) < radius);
    if (near) near.members.push(p);
    else groups.push({ x: p.x, y: p.y, members: [p] });
  }
  return groups.map((g) => g.members);
}

/** Which labels (box `width`×`height` centred above each point) can be shown without covering another. */
export function labelsThatFit(points: (ScreenPoint & { width: number })[], height: number): Set<string> {
  const placed: { l: number; r: number; t: number; b: number }[] = [];
  const shown = new Set<string>();
  for (const p of points) {
    const box = { l: p.x - p.width / 2, r: p.x + p.width / 2, t: p.y - 14 - height, b: p.y - 14 };
    if (placed.some((q) => box.l < q.r && box.r > q.l && box.t < q.b && box.b > q.t)) continue;
    placed.push(box);
    shown.add(p.id);
  }
  return shown;
}
