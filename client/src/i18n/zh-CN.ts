export default {
  app: {
    title: '值班律师排班系统',
    short: '值班',
    subtitle: '法律援助工作站 · 定人 定位 定时 定岗',
    language: '语言',
    menu: '菜单',
  },
  nav: {
    home: '首页',
    lookup: '值班查询',
    lawyer: '律师',
    staff: '工作人员',
  },
  home: {
    welcome: '欢迎使用值班律师排班系统',
    intro:
      '为看守所、检察院、法院的法律援助工作站安排值班律师：遴选律师、制定排班、签到签退、实时看板，并向群众公开值班信息。',
    status: '系统状态',
    statusOk: '运行正常',
    statusDown: '数据库不可用',
    statusChecking: '正在检查…',
    version: '版本',
    database: '数据库',
    embedded: '内置数据库',
    external: '外部 MongoDB',
    roles: {
      lookup: { title: '群众查询', body: '按工作站和时间查询当时的值班律师，提出表扬或投诉。' },
      lawyer: { title: '值班律师', body: '查看本人排班，到岗签到签退，记录值班工作台账。' },
      staff: { title: '法律援助中心', body: '律师遴选、岗位设置、排班发布、调班请假与实时看板。' },
    },
    enter: '进入',
  },
  section: {
    lookup: { title: '值班查询', body: '选择工作站与时间，即可查询当时在岗的值班律师（姓名、执业证号、律所）。' },
    lawyer: { title: '律师工作台', body: '登录后查看“我的值班”、签到签退与值班台账。' },
    staff: { title: '工作人员工作台', body: '登录后管理律师、岗位、排班与实时看板。' },
    pending: '此功能正在建设中。',
  },
  notFound: { title: '页面不存在', back: '返回首页' },
  errors: {
    network: '网络连接失败，请稍后重试',
    not_found: '请求的内容不存在',
    validation_failed: '提交的内容不符合要求',
    internal: '服务器内部错误',
  },
};
