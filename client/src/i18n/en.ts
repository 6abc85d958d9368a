import admin from './en/admin';
import app from './en/app';
import auth from './en/auth';
import errors from './en/errors';
import imports from './en/imports';
import lawyers from './en/lawyers';
import board from './en/board';
import checkin from './en/checkin';
import kiosk from './en/kiosk';
import live from './en/live';
import publicPages from './en/public';
import me from './en/me';
import posts from './en/posts';
import rotas from './en/rotas';
import engine from './en/engine';
import discipline from './en/discipline';
import records from './en/records';
import type { Shape } from './shape';
import type zhCN from './zh-CN';

const en: Shape<typeof zhCN> = { ...app, ...auth, ...errors, ...lawyers, ...imports, ...posts, ...admin, ...rotas, ...me, ...board, ...kiosk, ...checkin, ...live, ...engine, ...discipline, ...publicPages, ...records };

export default en;
