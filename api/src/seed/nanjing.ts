import type { CreatePostBody } from '../contracts/posts';

/** Nanjing's districts with a post-code prefix, the ID-number area code and a rough centre. */
export const NANJING_DISTRICTS = [
  { name: '玄武区', code: 'XW', area: '320102', lat: 32.0486, lng: 118.7976, road: '北京东路' },
  { name: '秦淮区', code: 'QH', area: '320104', lat: 32.0215, lng: 118.7946, road: '中山南路' },
  { name: '建邺区', code: 'JY', area: '320105', lat: 32.0040, lng: 118.7318, road: '江东中路' },
  { name: '鼓楼区', code: 'GL', area: '320106', lat: 32.0664, lng: 118.7697, road: '中山北路' },
  { name: '浦口区', code: 'PK', area: '320111', lat: 32.0588, lng: 118.6276, road: '浦珠中路' },
  { name: '栖霞区', code: 'QX', area: '320113', lat: 32.0966, lng: 118.9089, road: '仙林大道' },
  { name: '雨花台区', code: 'YHT', area: '320114', lat: 31.9917, lng: 118.7791, road: '雨花南路' },
  { name: '江宁区', code: 'JN', area: '320115', lat: 31.9529, lng: 118.8400, road: '天元中路' },
  { name: '六合区', code: 'LH', area: '320116', lat: 32.3222, lng: 118.8220, road: '雄州东路' },
  { name: '溧水区', code: 'LS', area: '320117', lat: 31.6512, lng: 119.0284, road: '珍珠南路' },
  { name: '高淳区', code: 'GC', area: '320118', lat: 31.3275, lng: 118.8920, road: '淳溪路' },
] as const;

const WEEKDAYS = [1, 2, 3, 4, 5];
const OFFICE_HOURS = [
  { days: WEEKDAYS, start: '09:00', end: '11:30' },
  { days: WEEKDAYS, start: '14:30', end: '17:30' },
];

/** The 38 legal-aid workstations: every district's detention centre, procuratorate and court, the city-level ones, fast track and the hotline. */
export function nanjingPosts(): CreatePostBody[] {
  const posts: CreatePostBody[] = [];
  const base = {
    timeZone: 'Asia/Shanghai',
    openingHours: OFFICE_HOURS,
    geofenceRadiusM: 200,
    opensOnHolidays: false,
    opensOnMakeUpDays: true,
  };
  NANJING_DISTRICTS.forEach((d, i) => {
    const short = d.name.replace(/区$/, '');
    posts.push(
      {
        ...base,
        kind: 'detention_centre',
        name: `南京市${short}区看守所法律援助工作站`,
        code: `${d.code}-KSS`,
        district: d.name,
        address: `南京市${d.name}${d.road}${101 + i * 7}号`,
        location: { lat: +(d.lat + 0.011).toFixed(5), lng: +(d.lng + 0.013).toFixed(5) },
        lawyersPerShift: 1,
        channel: 'on_site',
      },
      {
        ...base,
        kind: 'procuratorate',
        name: `南京市${short}区人民检察院法律援助工作站`,
        code: `${d.code}-JCY`,
        district: d.name,
        address: `南京市${d.name}${d.road}${20 + i * 3}号`,
        location: { lat: +(d.lat - 0.004).toFixed(5), lng: +(d.lng + 0.006).toFixed(5) },
        lawyersPerShift: 1,
        channel: 'on_site',
      },
      {
        ...base,
        kind: 'court',
        name: `南京市${short}区人民法院法律援助工作站`,
        code: `${d.code}-FY`,
        district: d.name,
        address: `南京市${d.name}${d.road}${60 + i * 5}号`,
        location: { lat: +(d.lat + 0.003).toFixed(5), lng: +(d.lng - 0.007).toFixed(5) },
        lawyersPerShift: i < 4 ? 2 : 1,
        channel: 'on_site',
      },
    );
  });
  posts.push(
    {
      ...base,
      kind: 'detention_centre',
      name: '南京市看守所法律援助工作站',
      code: 'NJ-KSS',
      district: '市级',
      address: '南京市雨花台区宁丹路256号',
      location: { lat: 31.9623, lng: 118.7589 },
      lawyersPerShift: 2,
      channel: 'on_site',
    },
    {
      ...base,
      kind: 'procuratorate',
      name: '南京市人民检察院法律援助工作站',
      code: 'NJ-JCY',
      district: '市级',
      address: '南京市建邺区江东中路289号',
      location: { lat: 32.0078, lng: 118.7365 },
      lawyersPerShift: 1,
      channel: 'on_site',
    },
    {
      ...base,
      kind: 'court',
      name: '南京市中级人民法院法律援助工作站',
      code: 'NJ-ZY',
      district: '市级',
      address: '南京市鼓楼区北京西路3号',
      location: { lat: 32.0583, lng: 118.7703 },
      lawyersPerShift: 2,
      channel: 'on_site',
    },
    {
      ...base,
      kind: 'fast_track',
      name: '建邺区人民检察院刑事案件快速办理中心法律援助工作站',
      code: 'JY-SCZX',
      district: '建邺区',
      address: '南京市建邺区江东中路36号',
      location: { lat: 32.0021, lng: 118.7342 },
      lawyersPerShift: 2,
      channel: 'on_site',
    },
    {
      ...base,
      kind: 'hotline',
      name: '12348公共法律服务热线值班席',
      code: 'NJ-12348',
      district: '市级',
      address: '南京市秦淮区中山南路公共法律服务中心',
      location: null,
      openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '17:30' }],
      lawyersPerShift: 2,
      channel: 'phone',
      opensOnHolidays: true,
    },
  );
  return posts;
}

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万覃武戴孔汤庞樊兰殷施';
export const GIVEN_MALE = '伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆晨阳博文志海峰振东亮';
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞燕玲婷雪琳颖慧倩洁晶佳蕾婧悦欣怡萍红梅瑶琪璐雯';

export const FIRMS = [
  '江苏钟山明镜律师事务所', '江苏金陵正道律师事务所', '江苏秦淮和衡律师事务所', '江苏石城律师事务所', '江苏玄武湖律师事务所',
  '江苏紫金山律师事务所', '江苏扬子江律师事务所', '江苏长干律师事务所', '江苏鼓楼正平律师事务所', '江苏雨花律师事务所',
  '江苏栖霞同心律师事务所', '江苏莫愁律师事务所', '江苏建邺致远律师事务所', '江苏江宁衡信律师事务所', '江苏浦口江北律师事务所',
  '江苏六合明理律师事务所', '江苏溧水天平律师事务所', '江苏高淳固城律师事务所', '江苏宁海律师事务所', '江苏白下律师事务所',
  '江苏清凉山律师事务所', '江苏朝天律师事务所', '江苏汉中门律师事务所', '江苏仙林律师事务所', '江苏新街口律师事务所',
  '江苏正则律师事务所', '江苏守正律师事务所', '江苏衡平律师事务所', '江苏博诚律师事务所', '江苏德众律师事务所',
  '江苏法泰律师事务所', '江苏明德律师事务所', '江苏益友律师事务所', '江苏致诚律师事务所', '江苏公正律师事务所',
  '江苏弘法律师事务所', '江苏金石律师事务所', '江苏立信律师事务所', '江苏群英律师事务所', '江苏宁远律师事务所',
];
