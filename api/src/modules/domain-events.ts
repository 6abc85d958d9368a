import type { LiveBoardUpdate, LivePost } from '../contracts/checkins';
import type { LawyerStatus } from '../contracts/lawyers';
import type { Notification } from '../contracts/selfservice';
import type { Actor } from '../lib/actor';
import { createEventBus, type EventBus } from '../lib/events';
import type { Logger } from '../lib/logger';
import type { Job } from './jobs/jobs.service';
import type { SessionsEnded } from './users/auth.service';

/**
 * What the areas tell each other and the realtime layer. `lawyer.statusChanged` is emitted and
 * awaited (discipline's reaction is part of the status change); the others are announced after
 * the write succeeded, and Socket.IO subscribes to them once it is attached.
 */
export type DomainEventMap = {
  /** Staff changed a lawyer's status by hand (discipline starts a removal on 已清退). */
  'lawyer.statusChanged': { actor: Actor; lawyerId: string; from: LawyerStatus; to: LawyerStatus; reason: string };
  'job.updated': Job;
  'notification.created': { lawyerId: string; notification: Notification };
  'liveboard.updated': LiveBoardUpdate;
  /** Whole board rows after a shift moved on. */
  'liveboard.postsMoved': LivePost[];
  'sessions.ended': SessionsEnded;
};

export type DomainEvents = EventBus<DomainEventMap>;

export function createDomainEvents(logger?: Logger): DomainEvents {
  return createEventBus<DomainEventMap>({ logger });
}
