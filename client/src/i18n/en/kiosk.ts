import type zh from '../zh-CN/kiosk';
import type { Shape } from '../shape';

const kiosk: Shape<typeof zh> = {
  kiosk: {
    title: 'Post check-in screen',
    scan: 'Duty lawyers: scan with your phone to check in / out',
    typeCode: 'or type the post code {post} and the 6 digits above on the check-in page',
    refreshIn: 'New code in {s} s',
    today: 'On duty today, {day}',
    noDuty: 'No duty at this post today',
    qrAlt: 'Check-in QR code',
    tokenMissing: 'This screen is not set up yet',
    tokenMissingBody: 'Staff: issue a kiosk token for this post and open the link it gives on this screen.',
    tokenInvalid: 'The kiosk token is wrong or has been replaced',
    tokenInvalidBody: 'Staff: issue a new kiosk token and open the new link on this screen.',
    offline: 'Network down, retrying… (the number shown may have expired)',
    notFound: 'No such post',
    clock: 'Time',
  },
  kioskSetup: {
    title: 'Check-in settings',
    opensBeforeMin: 'Check-in opens (min before start)',
    lateAfterMin: 'Late after (min past start)',
    absentAfterMin: 'Absent after (min past start)',
    leftEarlyToleranceMin: 'Early-leave tolerance (min)',
    checkoutUntilAfterEndMin: 'Check-out allowed until (min after end)',
    maxAccuracyM: 'Required location accuracy (m)',
    requireLocation: 'Require a location inside the post’s geofence',
    requireCountersign: 'Require the station staff’s countersign',
    save: 'Save check-in settings',
    saved: 'Check-in settings saved',
    issueKiosk: 'Create kiosk screen link',
    reissueKiosk: 'Replace kiosk screen link',
    issuePin: 'Create countersign PIN',
    reissuePin: 'Replace countersign PIN',
    replaceTitle: 'Confirm replacement',
    replaceKiosk: 'The current kiosk screen will stop showing codes until it is opened with the new link. Continue?',
    replacePin: 'The current countersign PIN stops working at once. Continue?',
    kioskOnce: 'Open this link on the post’s check-in screen (shown only once):',
    pinOnce: 'Give this PIN to the station staff (shown only once):',
    copy: 'Copy',
    copied: 'Copied',
    open: 'Open',
  },
};

export default kiosk;
