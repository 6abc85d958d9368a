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
};

export default kiosk;
