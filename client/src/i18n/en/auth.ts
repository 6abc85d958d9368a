import type zh from '../zh-CN/auth';
import type { Shape } from '../shape';

const auth: Shape<typeof zh> = {
  auth: {
    title: 'Sign in',
    subtitle: 'Lawyers, legal-aid centre staff and hotline operators sign in; the public lookup needs no account.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    loggedOut: 'Signed out',
    welcome: 'Welcome, {name}',
    publicHint: 'Just looking up a duty lawyer?',
    publicLink: 'Go to the public lookup',
    sessionExpired: 'Your session has ended, please sign in again',
    roles: { admin: 'Administrator', coordinator: 'Centre staff', lawyer: 'Duty lawyer', hotline: 'Hotline operator' },
  },
  password: {
    title: 'Change password',
    forced: 'Your password is new or was reset: please choose your own first.',
    current: 'Current password',
    next: 'New password',
    repeat: 'Repeat the new password',
    submit: 'Change password',
    rule: 'At least {n} characters, mixing letters with digits or symbols',
    mismatch: 'The two new passwords differ',
    same: 'The new password must differ from the current one',
    changed: 'Password changed',
  },
};

export default auth;
