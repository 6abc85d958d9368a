import type zhCN from './zh-CN';

type Messages = typeof zhCN;
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<Messages> = {
  app: {
    title: 'Duty Lawyer Roster',
    short: 'zhiban',
    subtitle: 'Legal-aid workstations · a named person, place, time and post for every shift',
    language: 'Language',
    menu: 'Menu',
  },
  nav: {
    home: 'Home',
    lookup: 'Who was on duty',
    lawyer: 'Lawyers',
    staff: 'Staff',
  },
  home: {
    welcome: 'Welcome to zhiban',
    intro:
      'Duty lawyers for the legal-aid workstations in detention centres, procuratorates and courts: vetting, rotas, check-in, a live board, and public accountability.',
    status: 'System status',
    statusOk: 'Running',
    statusDown: 'Database unavailable',
    statusChecking: 'Checking…',
    version: 'Version',
    database: 'Database',
    embedded: 'embedded database',
    external: 'external MongoDB',
    roles: {
      lookup: { title: 'Public lookup', body: 'Find who was on duty at a post at a given time; praise or complain.' },
      lawyer: { title: 'Duty lawyers', body: 'See your duties, check in and out at the post, record your duty work.' },
      staff: { title: 'Legal-aid centre', body: 'Vetting, posts, rotas, swaps and leave, and the live board.' },
    },
    enter: 'Open',
  },
  section: {
    lookup: { title: 'Who was on duty', body: 'Pick a post and a time to see the duty lawyer then (name, licence number, firm).' },
    lawyer: { title: 'Lawyer workspace', body: 'Sign in to see your duties, check in and out, and keep your duty records.' },
    staff: { title: 'Staff workspace', body: 'Sign in to manage lawyers, posts, rotas and the live board.' },
    pending: 'This part is being built.',
  },
  notFound: { title: 'Page not found', back: 'Back to home' },
  errors: {
    network: 'Network error, please try again',
    not_found: 'Not found',
    validation_failed: 'The input is not valid',
    internal: 'Internal server error',
  },
};

export default en;
