import type zh from '../zh-CN/board';
import type { Shape } from '../shape';

const board: Shape<typeof zh> = {
  board: {
    title: 'Duty board',
    kicker: 'Legal-aid duty lawyers on duty',
    date: 'On duty {day}',
    licence: 'Licence no.',
    noLawyer: 'To be assigned',
    noDuty: 'No duty at this post on this day',
    print: 'Print',
    qrAlt: 'QR code of the duty lookup',
    scan: 'Scan to look up the duty lawyer',
    scanBody: 'Find who was on duty at any time, or send praise or a complaint',
  },
};

export default board;
