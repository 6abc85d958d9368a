import admin from './zh-CN/admin';
import app from './zh-CN/app';
import auth from './zh-CN/auth';
import errors from './zh-CN/errors';
import imports from './zh-CN/imports';
import lawyers from './zh-CN/lawyers';
import posts from './zh-CN/posts';

export default { ...app, ...auth, ...errors, ...lawyers, ...imports, ...posts, ...admin };
