import { randomBytes, randomInt } from 'node:crypto';
import type { CountersignPinIssued, KioskTokenIssued, KioskView } from '../../contracts/checkins';
import type { Post } from '../../contracts/posts';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import type { AuditService } from '../audit/audit.service';
import type { RotasService } from '../rotas/rotas.service';
import { CODE_WINDOW_SECONDS, checkinPayload, codeWindow, shortCode } from './checkin-codes';
import { findCredential, loadOrCreateSecret, saveCredential } from './checkins.repository';
import { pinHash, sameHex, sha256 } from './credential-hashes';
import type { DutyStates } from './duty-states';

/** The check-in HMAC key: ZHIBAN_CHECKIN_SECRET, else one generated and stored on first start. */
export function checkinSecretSource(configured?: string): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () =>
    (cached ??= configured
      ? Promise.resolve(configured)
      : loadOrCreateSecret('checkin-hmac').catch((err: unknown) => {
          cached = undefined;
          throw err;
        }));
}

export interface KioskDeps {
  clock: Clock;
  audit: AuditService;
  rotas: Pick<RotasService, 'duties'>;
  postByCode(code: string): Promise<Post | null>;
  postOrThrow(id: string): Promise<Post>;
  secret(): Promise<string>;
  attendanceOf: DutyStates['attendanceOf'];
}

/**
 * A post's kiosk: staff issue (and so rotate) its kiosk token and its countersign PIN; the
 * kiosk screen, holding the token, shows the rotating check-in code and today's lawyers.
 */
export function createKiosk(deps: KioskDeps) {
  const { clock } = deps;

  async function issueKioskToken(actor: Actor, postId: string): Promise<KioskTokenIssued> {
    const post = await deps.postOrThrow(postId);
    const token = randomBytes(24).toString('base64url');
    const issuedAt = clock.now();
    await saveCredential({ _id: `${postId}:kiosk`, postId, kind: 'kiosk', hash: sha256(token), issuedAt, issuedBy: actor.username });
    await deps.audit.record(actor, { action: 'checkin.kiosk_token', entityType: 'post', entityId: postId });
    return { postId, postCode: post.code, token, kioskPath: `/kiosk/${encodeURIComponent(post.code)}#token=${token}`, issuedAt: issuedAt.toISOString() };
  }

  async function issueCountersignPin(actor: Actor, postId: string): Promise<CountersignPinIssued> {
    const post = await deps.postOrThrow(postId);
    const pin = String(randomInt(0, 100_000_000)).padStart(8, '0');
    const issuedAt = clock.now();
    await saveCredential({ _id: `${postId}:countersign`, postId, kind: 'countersign', hash: pinHash(await deps.secret(), postId, pin), issuedAt, issuedBy: actor.username });
    await deps.audit.record(actor, { action: 'checkin.countersign_pin', entityType: 'post', entityId: postId });
    return { postId, postCode: post.code, pin, issuedAt: issuedAt.toISOString() };
  }

  /** The post of a kiosk screen, if its token is the post's current one. */
  async function kioskPost(code: string, token: string | undefined): Promise<Post> {
    const post = await deps.postByCode(code);
    const cred = post && post.active ? await findCredential(post.id, 'kiosk') : null;
    if (!post || !cred || !token || !sameHex(cred.hash, sha256(token))) throw new AppError('kiosk_token_invalid', 'This screen is not (or no longer) set up for this post', 403);
    return post;
  }

  async function kioskView(code: string, token: string | undefined): Promise<KioskView> {
    const post = await kioskPost(code, token);
    const now = clock.now();
    const secret = await deps.secret();
    const window = codeWindow(now);
    const validFrom = new Date(window * CODE_WINDOW_SECONDS * 1000);
    const validUntil = new Date(validFrom.getTime() + CODE_WINDOW_SECONDS * 1000);
    const payload = checkinPayload(secret, post.id, window);
    const day = localDay(post.timeZone, now);
    const states = await deps.attendanceOf(await deps.rotas.duties({ from: day, to: day, postId: post.id }), now);
    return {
      post: { code: post.code, name: post.name },
      day,
      code: {
        payload,
        checkinPath: `/checkin?c=${encodeURIComponent(payload)}`,
        shortCode: shortCode(secret, post.id, window),
        windowSeconds: CODE_WINDOW_SECONDS,
        validFrom: validFrom.toISOString(),
        validUntil: validUntil.toISOString(),
      },
      lawyers: states.map((a) => ({ name: a.duty.lawyerName, localStart: a.duty.localStart, localEnd: a.duty.localEnd, state: a.state })),
      refreshInMs: Math.max(1000, Math.min(15_000, validUntil.getTime() - now.getTime() + 200)),
      serverTime: now.toISOString(),
    };
  }

  return { issueKioskToken, issueCountersignPin, kioskPost, kioskView };
}
