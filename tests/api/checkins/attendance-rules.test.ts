import { checkinPayload, codeWindow, shortCode, verifyPayload, verifyShortCode } from '../../../api/src/modules/checkins/checkin-codes';
import { distanceMetres } from '../../../api/src/modules/checkins/geo';
import {
  DEFAULT_THRESHOLDS,
  absentRule,
  attendanceState,
  checkinOpen,
  evaluateAttendance,
  lateRule,
  leftEarlyRule,
  nextTimeDrivenChange,
  timeDrivenChanges,
} from '../../../api/src/modules/attendance/attendance.rules';
import { delayUntil, MIN_TICK_GAP_MS } from '../../../api/src/modules/attendance/attendance.detector';

// A morning duty 09:00–11:30 Asia/Shanghai on 2026-06-01, as UTC instants.
const duty = { start: new Date('2026-06-01T01:00:00Z'), end: new Date('2026-06-01T03:30:00Z') };
const t = DEFAULT_THRESHOLDS;
const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00Z`);
const none = { inAt: null, outAt: null };

describe('attendance rules (pinned clock, default thresholds 30/10/60/5)', () => {
  it('when the window has not opened, then the duty is not yet due and check-in is closed', () => {
    expect(attendanceState(duty, t, none, at('00:29'))).toBe('not_yet_due');
    expect(checkinOpen(duty, t, at('00:29'))).toBe(false);
    expect(checkinOpen(duty, t, at('00:30'))).toBe(true);
  });

  it('when the window is open and the grace period not over, then the duty is due', () => {
    expect(attendanceState(duty, t, none, at('00:30'))).toBe('due');
    expect(attendanceState(duty, t, none, at('01:10'))).toBe('due');
  });

  it('when the grace period is over without a check-in, then the lawyer is late but no event is recorded yet', () => {
    expect(attendanceState(duty, t, none, at('01:11'))).toBe('late');
    expect(evaluateAttendance(duty, t, none, at('01:59')).events).toEqual([]);
  });

  it('when checking in on the last grace minute, then it is on time; a minute later it is late with the minutes', () => {
    expect(lateRule(duty, t, { inAt: at('01:10'), outAt: null })).toBeNull();
    expect(attendanceState(duty, t, { inAt: at('01:10'), outAt: null }, at('01:20'))).toBe('checked_in');
    expect(lateRule(duty, t, { inAt: at('01:11'), outAt: null })).toEqual({ type: 'late', at: at('01:11'), minutes: 11 });
    expect(attendanceState(duty, t, { inAt: at('01:11'), outAt: null }, at('01:20'))).toBe('late');
  });

  it('when nobody checked in by the cut-off, then absent, with the event dated at the cut-off', () => {
    expect(absentRule(duty, t, none, at('01:59'))).toBeNull();
    expect(absentRule(duty, t, none, at('02:00'))).toEqual({ type: 'absent', at: at('02:00'), minutes: 60 });
    expect(attendanceState(duty, t, none, at('02:00'))).toBe('absent');
    expect(checkinOpen(duty, t, at('02:00'))).toBe(false);
    expect(absentRule(duty, t, { inAt: at('01:30'), outAt: null }, at('05:00'))).toBeNull();
  });

  it('when checking out before the end minus the tolerance, then left early; within the tolerance, checked out', () => {
    const early = { inAt: at('00:55'), outAt: at('03:24') };
    expect(leftEarlyRule(duty, t, early)).toEqual({ type: 'left_early', at: at('03:24'), minutes: 6 });
    expect(attendanceState(duty, t, early, at('03:40'))).toBe('left_early');
    const onTime = { inAt: at('00:55'), outAt: at('03:25') };
    expect(leftEarlyRule(duty, t, onTime)).toBeNull();
    expect(attendanceState(duty, t, onTime, at('03:40'))).toBe('checked_out');
  });

  it('when thresholds are changed per post, then the rules follow them', () => {
    const strict = { ...t, opensBeforeMin: 10, lateAfterMin: 0, absentAfterMin: 20, leftEarlyToleranceMin: 0 };
    expect(attendanceState(duty, strict, none, at('00:45'))).toBe('not_yet_due');
    expect(lateRule(duty, strict, { inAt: at('01:01'), outAt: null })?.minutes).toBe(1);
    expect(attendanceState(duty, strict, none, at('01:20'))).toBe('absent');
    expect(leftEarlyRule(duty, strict, { inAt: at('01:00'), outAt: at('03:29') })?.minutes).toBe(1);
  });

  it('when evaluated again later, then the same events come out (so storing them is idempotent)', () => {
    const marks = { inAt: at('01:30'), outAt: at('02:30') };
    const first = evaluateAttendance(duty, t, marks, at('03:00'));
    expect(first.events.map((e) => e.type)).toEqual(['late', 'left_early']);
    expect(evaluateAttendance(duty, t, marks, at('09:00')).events).toEqual(first.events);
  });
});

describe('check-in codes', () => {
  const secret = 'test-secret-not-for-production-0123';
  const postA = 'aaaaaaaaaaaaaaaaaaaaaaaa';
  const postB = 'bbbbbbbbbbbbbbbbbbbbbbbb';
  const now = new Date('2026-06-01T01:00:20Z');
  const w = codeWindow(now);

  it('when the current or the previous window is scanned, then it is accepted; two windows back it has expired', () => {
    expect(verifyPayload(secret, checkinPayload(secret, postA, w), now)).toEqual({ ok: true, postId: postA, window: w });
    expect(verifyPayload(secret, checkinPayload(secret, postA, w - 1), now)).toMatchObject({ ok: true });
    expect(verifyPayload(secret, checkinPayload(secret, postA, w - 2), now)).toEqual({ ok: false, reason: 'code_expired' });
  });

  it('when the post id or window is altered, or another secret signed it, then it is invalid', () => {
    const genuine = checkinPayload(secret, postA, w);
    expect(verifyPayload(secret, genuine.replace(postA, postB), now)).toEqual({ ok: false, reason: 'code_invalid' });
    expect(verifyPayload(secret, genuine.replace(`.${w}.`, `.${w + 1}.`), now)).toEqual({ ok: false, reason: 'code_invalid' });
    expect(verifyPayload('another-secret-0123456789', genuine, now)).toEqual({ ok: false, reason: 'code_invalid' });
    expect(verifyPayload(secret, 'not a code at all', now)).toEqual({ ok: false, reason: 'code_invalid' });
  });

  it("when six digits are typed, then they count for their post and window only", () => {
    const digits = shortCode(secret, postA, w);
    expect(digits).toMatch(/^\d{6}$/);
    expect(verifyShortCode(secret, postA, digits, now)).toMatchObject({ ok: true });
    expect(verifyShortCode(secret, postA, shortCode(secret, postA, w - 5), now)).toEqual({ ok: false, reason: 'code_expired' });
    const other = shortCode(secret, postB, w);
    expect(verifyShortCode(secret, postA, other === digits ? '000000' : other, now)).toMatchObject({ ok: false });
  });
});

describe('geofence distance', () => {
  it('when two points are known, then the haversine distance matches (Xinjiekou to the Drum Tower ≈ 1.9 km)', () => {
    expect(distanceMetres({ lat: 32.0415, lng: 118.7784 }, { lat: 32.0415, lng: 118.7784 })).toBe(0);
    const d = distanceMetres({ lat: 32.0418, lng: 118.7847 }, { lat: 32.0587, lng: 118.7800 });
    expect(d).toBeGreaterThan(1800);
    expect(d).toBeLessThan(2000);
    expect(Math.round(distanceMetres({ lat: 0, lng: 0 }, { lat: 0.001, lng: 0 }))).toBe(111);
  });
});

describe('time-driven changes and the detector’s next tick', () => {

  it('when asked, then a duty changes by time when check-in opens, at late, at absent and at its end', () => {
    expect(timeDrivenChanges(duty, t).map((d) => d.toISOString())).toEqual(['2026-06-01T00:30:00.000Z', '2026-06-01T01:10:00.000Z', '2026-06-01T02:00:00.000Z', '2026-06-01T03:30:00.000Z']);
  });

  it('when several duties are given, then the next change is the first one strictly after now', () => {
    const later = { start: new Date('2026-06-01T06:30:00Z'), end: new Date('2026-06-01T09:30:00Z') };
    const both = [{ duty, settings: t }, { duty: later, settings: t }];
    expect(nextTimeDrivenChange(both, new Date('2026-06-01T01:10:00Z'))?.toISOString()).toBe('2026-06-01T02:00:00.000Z');
    expect(nextTimeDrivenChange(both, new Date('2026-06-01T03:30:00Z'))?.toISOString()).toBe('2026-06-01T06:00:00.000Z');
    expect(nextTimeDrivenChange(both, new Date('2026-06-01T10:00:00Z'))).toBeNull();
  });

  it('when the next change is near or far, then the detector waits until just after it, but at least a second and at most its interval', () => {
    const now = new Date('2026-06-01T01:00:00Z');
    expect(delayUntil(new Date('2026-06-01T01:00:10Z'), now, 30_000)).toBe(10_500);
    expect(delayUntil(new Date('2026-06-01T01:00:00.1Z'), now, 30_000)).toBe(MIN_TICK_GAP_MS);
    expect(delayUntil(new Date('2026-06-01T02:00:00Z'), now, 30_000)).toBe(30_000);
    expect(delayUntil(null, now, 30_000)).toBe(30_000);
  });
});
