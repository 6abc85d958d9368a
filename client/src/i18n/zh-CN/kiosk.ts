export default {
  kiosk: {
    title: '工作站签到屏',
    scan: '值班律师请用手机扫码签到 / 签退',
    typeCode: '或在签到页输入工作站编号 {post} 和上面的 6 位数字',
    refreshIn: '{s} 秒后更新',
    today: '{day} 今日值班',
    noDuty: '今日本工作站无值班安排',
    qrAlt: '签到二维码',
    tokenMissing: '本屏幕尚未设置',
    tokenMissingBody: '请工作人员在工作站管理中生成签到屏令牌，并用生成的链接打开本页。',
    tokenInvalid: '签到屏令牌无效或已更换',
    tokenInvalidBody: '请工作人员重新生成签到屏令牌，并用新链接打开本页。',
    offline: '网络中断，正在重试…（显示的号码可能已过期）',
    notFound: '找不到该工作站',
    clock: '当前时间',
  },
};
