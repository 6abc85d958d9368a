export default {
  board: {
    title: '值班公示',
    kicker: '法律援助值班律师公示',
    date: '{day} 值班',
    licence: '执业证号',
    noLawyer: '待安排',
    noDuty: '当日本工作站无值班安排',
    print: '打印',
    qrAlt: '值班查询二维码',
    scan: '扫码查询值班律师',
    scanBody: '查询任一时间的值班律师，或提出表扬、投诉',
  },
};
