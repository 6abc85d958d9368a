import type { LiveBoardUpdate, LivePost } from '../contracts/checkins';
import type { Notification } from '../contracts/selfservice';
import type { DomainEvents } from '../modules/domain-events';
import type { Job } from '../modules/jobs/jobs.service';
import type { SessionsEnded } from '../modules/users/auth.service';

/** What the realtime layer does with the areas' announcements (socket.ts binds them to Socket.IO). */
export interface RealtimeHooks {
  jobUpdated(job: Job): void;
  notified(lawyerId: string, n: Notification): void;
  liveboardUpdated(u: LiveBoardUpdate): void;
  liveboardPostsMoved(posts: LivePost[]): void;
  sessionsEnded(end: SessionsEnded): void;
}

/** Subscribes the hooks given to the bus's announcements; returns the unsubscribe function. */
export function subscribeHooks(events: DomainEvents, hooks: Partial<RealtimeHooks>): () => void {
  const { jobUpdated, notified, liveboardUpdated, liveboardPostsMoved, sessionsEnded } = hooks;
  const off = [
    jobUpdated && events.on('job.updated', (job) => void jobUpdated(job)),
    notified && events.on('notification.created', (e) => void notified(e.lawyerId, e.notification)),
    liveboardUpdated && events.on('liveboard.updated', (u) => void liveboardUpdated(u)),
    liveboardPostsMoved && events.on('liveboard.postsMoved', (posts) => void liveboardPostsMoved(posts)),
    sessionsEnded && events.on('sessions.ended', (end) => void sessionsEnded(end)),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe?.());
}
