import admin from './zh-CN/admin';
import app from './zh-CN/app';
import auth from './zh-CN/auth';
import errors from './zh-CN/errors';
import imports from './zh-CN/imports';
import lawyers from './zh-CN/lawyers';
import board from './zh-CN/board';
import checkin from './zh-CN/checkin';
import kiosk from './zh-CN/kiosk';
import live from './zh-CN/live';
import publicPages from './zh-CN/public';
import me from './zh-CN/me';
import posts from './zh-CN/posts';
import rotas from './zh-CN/rotas';
import engine from './zh-CN/engine';
import discipline from './zh-CN/discipline';
import records from './zh-CN/records';

export default { ...app, ...auth, ...errors, ...lawyers, ...imports, ...posts, ...admin, ...rotas, ...me, ...board, ...kiosk, ...checkin, ...live, ...engine, ...discipline, ...publicPages, ...records };
