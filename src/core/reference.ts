/**
 * Reference data of the two source documents, as printed, and tolerant name look-ups.
 *
 *   浙转升办〔2020〕2号  《传统制造业改造提升工作督查激励配套实施办法》 (scoring rules; attachment: the 17
 *                       indicators of 2019)
 *   浙转升办〔2020〕9号  《加快传统制造业改造提升行动计划2020年关键性量化指标责任分解方案》 (the 18
 *                       indicators of 2020 allocated to the 11 设区市)
 *
 * Pure data: no Office, no I/O. Tests pin every table against the seed text of the documents.
 */
import { normalizeText } from "./parse";
import type { IndicatorKind, Msg } from "./types";

// ─── documents ───────────────────────────────────────────────────────────────────────────────

export { DOC_2, DOC_9 } from "./documents";

// ─── name normalisation ──────────────────────────────────────────────────────────────────────

/** Full-width → ASCII (NFKC) and every white space or line break removed. */
function compact(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

/** The key of an English (pinyin) name: 'Chun'an County' / 'chunan' → 'chunan'. */
function englishKey(s: string): string {
  return compact(s)
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/(sheautonomouscounty|autonomouscounty|county|city|district)$/, "");
}

// Longest first, so 景宁畲族自治县 loses 畲族自治县 rather than only 县.
const UNIT_SUFFIXES = ["畲族自治县", "自治县", "县级市", "市辖区", "县", "市", "区"];

/**
 * The comparison key of a city or county name: full-width folded, white space removed, the
 * administrative suffix dropped ('景宁畲族自治县' / '景宁县' / ' 景 宁 ' → '景宁'; '杭州市' → '杭州').
 * A name that would become shorter than two characters keeps its suffix ('普陀区' → '普陀', but a
 * bare '市' stays '市'), because every county and city name here has at least two characters.
 */
export function normalizeUnitName(name: string): string {
  const s = compact(name);
  for (const suffix of UNIT_SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) return s.slice(0, s.length - suffix.length);
  }
  return s;
}

// ─── cities ──────────────────────────────────────────────────────────────────────────────────

export interface City {
  /** Short name as 9号's column header prints it: '杭州'. */
  id: string;
  /** Full name: '杭州市'. */
  name: string;
  en: string;
}

/** The 11 设区市, in 9号's column order. */
export const CITIES: readonly City[] = Object.freeze([
  { id: "杭州", name: "杭州市", en: "Hangzhou" },
  { id: "宁波", name: "宁波市", en: "Ningbo" },
  { id: "温州", name: "温州市", en: "Wenzhou" },
  { id: "湖州", name: "湖州市", en: "Huzhou" },
  { id: "嘉兴", name: "嘉兴市", en: "Jiaxing" },
  { id: "绍兴", name: "绍兴市", en: "Shaoxing" },
  { id: "金华", name: "金华市", en: "Jinhua" },
  { id: "衢州", name: "衢州市", en: "Quzhou" },
  { id: "舟山", name: "舟山市", en: "Zhoushan" },
  { id: "台州", name: "台州市", en: "Taizhou" },
  { id: "丽水", name: "丽水市", en: "Lishui" },
].map((c) => Object.freeze(c)));

/** Short names in 9号's column order. */
export const CITY_IDS: readonly string[] = Object.freeze(CITIES.map((c) => c.id));

const CITY_BY_KEY = new Map<string, City>(CITIES.map((c) => [normalizeUnitName(c.name), c]));
for (const c of CITIES) CITY_BY_KEY.set(englishKey(c.en), c);

/** The city named '杭州', '杭州市', ' 杭 州 市 ' or 'Hangzhou'; undefined when none. */
export function findCity(name: string | null | undefined): City | undefined {
  if (typeof name !== "string") return undefined;
  const key = normalizeUnitName(name);
  return CITY_BY_KEY.get(key) ?? CITY_BY_KEY.get(englishKey(name));
}

// ─── county-level units ──────────────────────────────────────────────────────────────────────

export interface County {
  /** Full name: '淳安县'. */
  name: string;
  /** Short name of its city (City.id): '杭州'. */
  city: string;
  en: string;
}

function counties(city: string, list: [string, string][]): County[] {
  return list.map(([name, en]) => Object.freeze({ name, city, en }));
}

/**
 * Every 县、县级市 and 市辖区 of Zhejiang in 2019/2020: 90, counting 龙港市 (set up in 2019 from
 * part of 苍南县). Hangzhou's districts are those before the 2021 re-division (上城 下城 江干 …).
 */
export const COUNTIES_2020: readonly County[] = Object.freeze([
  ...counties("杭州", [
    ["上城区", "Shangcheng District"],
    ["下城区", "Xiacheng District"],
    ["江干区", "Jianggan District"],
    ["拱墅区", "Gongshu District"],
    ["西湖区", "Xihu District"],
    ["滨江区", "Binjiang District"],
    ["萧山区", "Xiaoshan District"],
    ["余杭区", "Yuhang District"],
    ["富阳区", "Fuyang District"],
    ["临安区", "Lin'an District"],
    ["桐庐县", "Tonglu County"],
    ["淳安县", "Chun'an County"],
    ["建德市", "Jiande City"],
  ]),
  ...counties("宁波", [
    ["海曙区", "Haishu District"],
    ["江北区", "Jiangbei District"],
    ["北仑区", "Beilun District"],
    ["镇海区", "Zhenhai District"],
    ["鄞州区", "Yinzhou District"],
    ["奉化区", "Fenghua District"],
    ["余姚市", "Yuyao City"],
    ["慈溪市", "Cixi City"],
    ["象山县", "Xiangshan County"],
    ["宁海县", "Ninghai County"],
  ]),
  ...counties("温州", [
    ["鹿城区", "Lucheng District"],
    ["龙湾区", "Longwan District"],
    ["瓯海区", "Ouhai District"],
    ["洞头区", "Dongtou District"],
    ["瑞安市", "Rui'an City"],
    ["乐清市", "Yueqing City"],
    ["龙港市", "Longgang City"],
    ["永嘉县", "Yongjia County"],
    ["平阳县", "Pingyang County"],
    ["苍南县", "Cangnan County"],
    ["文成县", "Wencheng County"],
    ["泰顺县", "Taishun County"],
  ]),
  ...counties("湖州", [
    ["吴兴区", "Wuxing District"],
    ["南浔区", "Nanxun District"],
    ["德清县", "Deqing County"],
    ["长兴县", "Changxing County"],
    ["安吉县", "Anji County"],
  ]),
  ...counties("嘉兴", [
    ["南湖区", "Nanhu District"],
    ["秀洲区", "Xiuzhou District"],
    ["嘉善县", "Jiashan County"],
    ["海盐县", "Haiyan County"],
    ["海宁市", "Haining City"],
    ["平湖市", "Pinghu City"],
    ["桐乡市", "Tongxiang City"],
  ]),
  ...counties("绍兴", [
    ["越城区", "Yuecheng District"],
    ["柯桥区", "Keqiao District"],
    ["上虞区", "Shangyu District"],
    ["新昌县", "Xinchang County"],
    ["诸暨市", "Zhuji City"],
    ["嵊州市", "Shengzhou City"],
  ]),
  ...counties("金华", [
    ["婺城区", "Wucheng District"],
    ["金东区", "Jindong District"],
    ["武义县", "Wuyi County"],
    ["浦江县", "Pujiang County"],
    ["磐安县", "Pan'an County"],
    ["兰溪市", "Lanxi City"],
    ["义乌市", "Yiwu City"],
    ["东阳市", "Dongyang City"],
    ["永康市", "Yongkang City"],
  ]),
  ...counties("衢州", [
    ["柯城区", "Kecheng District"],
    ["衢江区", "Qujiang District"],
    ["常山县", "Changshan County"],
    ["开化县", "Kaihua County"],
    ["龙游县", "Longyou County"],
    ["江山市", "Jiangshan City"],
  ]),
  ...counties("舟山", [
    ["定海区", "Dinghai District"],
    ["普陀区", "Putuo District"],
    ["岱山县", "Daishan County"],
    ["嵊泗县", "Shengsi County"],
  ]),
  ...counties("台州", [
    ["椒江区", "Jiaojiang District"],
    ["黄岩区", "Huangyan District"],
    ["路桥区", "Luqiao District"],
    ["三门县", "Sanmen County"],
    ["天台县", "Tiantai County"],
    ["仙居县", "Xianju County"],
    ["温岭市", "Wenling City"],
    ["临海市", "Linhai City"],
    ["玉环市", "Yuhuan City"],
  ]),
  ...counties("丽水", [
    ["莲都区", "Liandu District"],
    ["青田县", "Qingtian County"],
    ["缙云县", "Jinyun County"],
    ["遂昌县", "Suichang County"],
    ["松阳县", "Songyang County"],
    ["云和县", "Yunhe County"],
    ["庆元县", "Qingyuan County"],
    ["景宁畲族自治县", "Jingning She Autonomous County"],
    ["龙泉市", "Longquan City"],
  ]),
]);

/** 2号 第三条 names 89 county-level governments; the list above has 90. */
export const COUNTY_COUNT_NOTE: Msg = Object.freeze({
  zh:
    "浙转升办〔2020〕2号第三条称督查激励对象为“89个县（市、区）”；2019年8月经国务院批准由苍南县析置龙港市后，" +
    "全省县级行政区为90个。本工具的县（市、区）名单含龙港市（温州市，共12个），合计90个；龙港市不在26个加快发展县之列。",
  en:
    "Article 3 of Zhe Zhuan Sheng Ban [2020] No. 2 speaks of \"89 counties (county-level cities, districts)\"; since " +
    "Longgang City was split off from Cangnan County in August 2019 there are 90 county-level units. This tool's " +
    "list includes Longgang (Wenzhou, 12 units in all), 90 in total; Longgang is not one of the 26 accelerated-development counties.",
});

const COUNTY_BY_KEY = new Map<string, County>(COUNTIES_2020.map((c) => [normalizeUnitName(c.name), c]));
// 'Chun'an County' / 'Chunan' / 'chun'an': the English name with or without its type word.
for (const c of COUNTIES_2020) COUNTY_BY_KEY.set(englishKey(c.en), c);

/**
 * The county-level unit with this name, tolerant of white space, full-width forms and a missing or
 * different suffix ('淳安' → 淳安县; '景宁县' → 景宁畲族自治县; '奉化市' → 奉化区), of a leading city
 * name ('杭州市淳安县', '温州龙港市') and of the English name ('Chun'an County'). With `city`, a
 * match in another city is refused. undefined when none.
 */
export function findCounty(name: string | null | undefined, city?: string | null): County | undefined {
  if (typeof name !== "string") return undefined;
  const found = lookupCounty(name);
  if (!found) return undefined;
  if (city != null && city !== "") {
    const c = findCity(city);
    if (!c || c.id !== found.city) return undefined;
  }
  return found;
}

function lookupCounty(name: string): County | undefined {
  const key = normalizeUnitName(name);
  const direct = COUNTY_BY_KEY.get(key) ?? COUNTY_BY_KEY.get(englishKey(name));
  if (direct) return direct;
  // '杭州市淳安县' → '淳安县', only where the rest is a county of that very city.
  const s = compact(name);
  for (const c of CITIES) {
    for (const prefix of [c.name, c.id]) {
      if (s.startsWith(prefix) && s.length > prefix.length) {
        const rest = COUNTY_BY_KEY.get(normalizeUnitName(s.slice(prefix.length)));
        if (rest && rest.city === c.id) return rest;
      }
    }
  }
  return undefined;
}

/** The county-level units of one city (by any spelling findCity accepts), in this file's order. */
export function countiesOf(city: string): County[] {
  const c = findCity(city);
  return c ? COUNTIES_2020.filter((k) => k.city === c.id) : [];
}

// ─── the 26 加快发展县 ───────────────────────────────────────────────────────────────────────

/** The 26 加快发展县（市、区） of 2020, as rules.md §6 lists them (2号 第三条: at least one of them among the six). */
export const ACCELERATED_2020: readonly string[] = Object.freeze([
  "淳安县",
  "永嘉县",
  "平阳县",
  "苍南县",
  "文成县",
  "泰顺县",
  "武义县",
  "磐安县",
  "柯城区",
  "衢江区",
  "江山市",
  "常山县",
  "开化县",
  "龙游县",
  "三门县",
  "天台县",
  "仙居县",
  "莲都区",
  "龙泉市",
  "青田县",
  "云和县",
  "庆元县",
  "缙云县",
  "遂昌县",
  "松阳县",
  "景宁畲族自治县",
]);

const ACCELERATED_SET = new Set(ACCELERATED_2020);

/** Whether the named unit is one of the 26 加快发展县 (any spelling findCounty accepts). */
export function isAccelerated(name: string | null | undefined): boolean {
  const c = findCounty(name);
  return c !== undefined && ACCELERATED_SET.has(c.name);
}

// ─── indicators ──────────────────────────────────────────────────────────────────────────────

export interface Indicator2019 {
  no: number;
  /** As printed in 2号's attachment. */
  name: string;
  en: string;
  /** The 年度目标 column as printed: '10%以上'. */
  targetText: string;
  /** Base unit as the engine reads it (Quantity.unit): '%', '家', '台', '个', '元', '吨', '亩'. */
  unit: string;
  kind: IndicatorKind;
  /** 责任单位 as printed. */
  lead: string;
}

/** 2号 附件《加快传统制造业改造提升行动计划2019年度重点量化指标汇总表》: 17 indicators. */
export const INDICATORS_2019: readonly Indicator2019[] = Object.freeze(
  (
    [
      [1, "传统制造业研发费用支出增速", "Growth of R&D spending in traditional manufacturing", "10%以上", "%", "rate", "省科技厅"],
      [2, "省市县三级新增产业创新服务综合体", "New industrial innovation service complexes (province, city, county)", "50家以上", "家", "total", "省科技厅"],
      [3, "传统制造业规上工业全员劳动生产率增速", "Growth of labour productivity of above-scale traditional manufacturers", "7%以上", "%", "rate", "省经信厅"],
      [4, "新增工业机器人使用量", "New industrial robots in use", "10000台以上", "台", "total", "省经信厅"],
      [5, "全省新增上云企业", "New enterprises on the cloud (province)", "34万家", "家", "total", "省经信厅"],
      [6, "传统制造业新产品产值增速", "Growth of new-product output of traditional manufacturing", "10%以上", "%", "rate", "省经信厅"],
      [7, "传统制造业领域制订“浙江制造”标准", "\"Made in Zhejiang\" standards drawn up in traditional manufacturing", "200个", "个", "total", "省市场监督管理局"],
      [8, "传统制造业领域培育“品字标浙江制造”企业", "\"Pinzibiao Made in Zhejiang\" enterprises fostered in traditional manufacturing", "120家", "家", "total", "省市场监督管理局"],
      [9, "传统制造业领域并购重组交易涉及金额", "Value of mergers and acquisitions in traditional manufacturing", "300亿元以上", "元", "total", "省地方金融管理局"],
      [10, "传统制造业领域“小升规”企业", "Small firms grown above designated size in traditional manufacturing", "1000家", "家", "total", "省经信厅"],
      [11, "全省新增小微企业园", "New small and micro enterprise parks (province)", "200个", "个", "total", "省经信厅"],
      [12, "传统制造业新认定高新技术企业", "Newly certified high-tech enterprises in traditional manufacturing", "300家", "家", "total", "省科技厅"],
      [13, "实施重点行业VOCs治理项目", "VOCs abatement projects in key industries", "1000个", "个", "total", "省生态环境厅"],
      [14, "全省淘汰落后产能涉及企业", "Enterprises involved in phasing out backward capacity (province)", "1000家", "家", "total", "省经信厅"],
      [15, "全省整治提升“低散乱”企业（作坊）", "\"Low-end, scattered, disorderly\" enterprises (workshops) rectified (province)", "10000家", "家", "total", "省经信厅"],
      [16, "全省腾出用能空间", "Energy-use headroom freed (province)", "100万吨标煤", "吨", "total", "省发展改革委（能源局）"],
      [17, "全省盘活存量建设用地", "Idle construction land revitalised (province)", "10万亩", "亩", "total", "省自然资源厅"],
    ] as const
  ).map(([no, name, en, targetText, unit, kind, lead]) =>
    Object.freeze({ no, name, en, targetText, unit, kind: kind as IndicatorKind, lead }),
  ),
);

export interface Indicator2020 {
  no: number;
  /** The label as 9号 prints it (the parent target inside): '传统制造业新增工业机器人10000台'. */
  name: string;
  /** A short name for narrow columns and charts: '新增工业机器人'. */
  shortName: string;
  en: string;
  /** The province-wide target as written inside the label: '10000台', '10%以上', '40万家'. */
  parentText: string;
  /** Base unit as the engine reads it (Quantity.unit): '%', '台', '家', '个', '元', '吨', '亩'. */
  unit: string;
  /** The unit the city allocations are written in: '%', '台', '家', '个', '亿元', '万吨', '万亩'. */
  displayUnit: string;
  kind: IndicatorKind;
  /** 省级牵头单位 as printed, line breaks removed. */
  lead: string;
}

/** 9号 附件: the 18 key quantitative indicators of 2020. 1–5 are rates; 7 is cumulative (累计: the cities' tasks are yearly additions). */
export const INDICATORS_2020: readonly Indicator2020[] = Object.freeze(
  (
    [
      [1, "传统制造业研发费用支出增长10%以上", "研发费用支出增长", "Growth of R&D spending in traditional manufacturing", "10%以上", "%", "%", "rate", "省科技厅"],
      [2, "传统制造业新产品产值增长10%", "新产品产值增长", "Growth of new-product output of traditional manufacturing", "10%", "%", "%", "rate", "省经信厅"],
      [3, "传统制造业规上工业全员劳动生产率增长7%以上", "全员劳动生产率增长", "Growth of labour productivity of above-scale traditional manufacturers", "7%以上", "%", "%", "rate", "省经信厅"],
      [4, "重点工业企业装备数控化率60%以上", "装备数控化率", "Share of numerically controlled equipment in key industrial enterprises", "60%以上", "%", "%", "rate", "省经信厅"],
      [5, "重点工业企业工业设备联网率45%以上", "工业设备联网率", "Share of networked equipment in key industrial enterprises", "45%以上", "%", "%", "rate", "省经信厅"],
      [6, "传统制造业新增工业机器人10000台", "新增工业机器人", "New industrial robots in traditional manufacturing", "10000台", "台", "台", "total", "省经信厅"],
      [7, "全省累计上云企业40万家（下达任务数为当年新增数）", "上云企业", "Enterprises on the cloud, cumulative (tasks are the year's additions)", "40万家", "家", "家", "cumulative", "省经信厅"],
      [8, "传统制造业制订“浙江制造”标准200个", "制订“浙江制造”标准", "\"Made in Zhejiang\" standards drawn up", "200个", "个", "个", "total", "省市场监督管理局"],
      [9, "传统制造业培育“品字标浙江制造”企业150家", "培育“品字标浙江制造”企业", "\"Pinzibiao Made in Zhejiang\" enterprises fostered", "150家", "家", "家", "total", "省市场监督管理局"],
      [10, "传统制造业并购重组交易涉及金额300亿元以上", "并购重组交易金额", "Value of mergers and acquisitions", "300亿元以上", "元", "亿元", "total", "省地方金融监管局"],
      [11, "传统制造业“小升规”企业1000家", "“小升规”企业", "Small firms grown above designated size", "1000家", "家", "家", "total", "省经信厅"],
      [12, "全省建设提升小微企业园200个", "建设提升小微企业园", "Small and micro enterprise parks built or upgraded", "200个", "个", "个", "total", "省经信厅"],
      [13, "传统制造业新认定高新技术企业300家", "新认定高新技术企业", "Newly certified high-tech enterprises", "300家", "家", "家", "total", "省科技厅"],
      [14, "实施重点行业VOCs治理项目700个", "VOCs治理项目", "VOCs abatement projects in key industries", "700个", "个", "个", "total", "省生态环境厅"],
      [15, "全省淘汰落后产能涉及企业1000家", "淘汰落后产能涉及企业", "Enterprises involved in phasing out backward capacity", "1000家", "家", "家", "total", "省经信厅"],
      [16, "全省整治提升“低散乱”企业（作坊）10000家", "整治提升“低散乱”企业", "\"Low-end, scattered, disorderly\" enterprises (workshops) rectified", "10000家", "家", "家", "total", "省经信厅"],
      [17, "全省腾出用能100万吨标准煤", "腾出用能", "Energy use freed (tonnes of standard coal)", "100万吨标准煤", "吨", "万吨", "total", "省发展改革委（省能源局）"],
      [18, "全省盘活存量建设用地10万亩", "盘活存量建设用地", "Idle construction land revitalised", "10万亩", "亩", "万亩", "total", "省自然资源厅"],
    ] as const
  ).map(([no, name, shortName, en, parentText, unit, displayUnit, kind, lead]) =>
    Object.freeze({ no, name, shortName, en, parentText, unit, displayUnit, kind: kind as IndicatorKind, lead }),
  ),
);

const INDICATOR_2020_BY_KEY = new Map<string, Indicator2020>();
for (const ind of INDICATORS_2020) {
  INDICATOR_2020_BY_KEY.set(indicatorKey(ind.name), ind);
  INDICATOR_2020_BY_KEY.set(indicatorKey(ind.shortName), ind);
}

function indicatorKey(s: string): string {
  // Quotes come in many shapes (“”, "", 「」); they carry no meaning in a label.
  return compact(s).replace(/[“”"'‘’「」『』]/g, "");
}

/**
 * The 2020 indicator written as its 9号 label or short name (white space, full-width forms and quote
 * shapes ignored), or by its number (6, '6'); undefined when none.
 */
export function findIndicator2020(text: string | number | null | undefined): Indicator2020 | undefined {
  if (typeof text === "number") return INDICATORS_2020.find((i) => i.no === text);
  if (typeof text !== "string") return undefined;
  const key = indicatorKey(text);
  if (/^\d+$/.test(key)) return INDICATORS_2020.find((i) => i.no === Number(key));
  return INDICATOR_2020_BY_KEY.get(key);
}

// ─── 9号's allocation to the cities ──────────────────────────────────────────────────────────

/**
 * 9号 附件's allocation cells exactly as printed, line breaks included ('10%\n\n以上' is one cell
 * printed on three lines): ALLOCATION_2020[indicator no − 1][city index in CITIES].
 */
export const ALLOCATION_2020: readonly (readonly string[])[] = Object.freeze(
  [
    ["10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%以上", "10%\n\n以上"],
    ["10%\n\n以上", "10%\n\n以上", "12%\n\n以上", "12%\n\n以上", "10%\n\n以上", "12%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%\n\n以上", "10%以上", "10%\n\n以上"],
    ["7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上", "7%\n\n以上"],
    ["60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上", "60%\n\n以上"],
    ["45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上", "45%\n\n以上"],
    ["1300\n\n台", "1450\n\n台", "1000台", "1050台", "1330台", "1200台", "950台", "280台", "220\n\n台", "1000台", "220\n\n台"],
    ["5500\n\n家", "9000\n\n家", "6000家", "1000家", "1600家", "1200家", "3500家", "500家", "200\n\n家", "3200家", "300\n\n家"],
    ["30个", "26个", "26个", "16个", "26个", "16个", "26个", "6个", "2个", "20个", "6个"],
    ["23家", "22家", "18家", "12家", "17家", "14家", "17家", "4家", "1家", "15家", "7家"],
    ["104.2亿元", "52\n\n亿元", "14\n\n亿元", "17\n\n亿元", "15\n\n亿元", "40\n\n亿元", "19\n\n亿元", "2.8\n\n亿元", "0.5\n\n亿元", "35\n\n亿元", "0.5\n\n亿元"],
    ["100\n\n家", "160\n\n家", "160\n\n家", "70\n\n家", "100\n\n家", "150\n\n家", "105家", "20\n\n家", "10\n\n家", "105\n\n家", "20\n\n家"],
    ["22个", "25个", "19个", "12个", "23个", "20个", "33个", "6个", "3个", "30个", "7个"],
    ["40家", "34家", "38家", "28家", "51家", "36家", "31家", "13家", "5家", "22家", "8家"],
    ["90个", "100个", "50个", "80个", "80个", "90个", "60个", "15个", "5个", "120个", "10个"],
    ["100家", "120家", "120家", "120家", "120家", "140家", "90家", "40家", "20家", "80家", "50家"],
    ["1200\n\n家", "1200\n\n家", "1200家", "1250家", "1350家", "1000家", "1250家", "200家", "50\n\n家", "1000家", "300\n\n家"],
    ["20\n\n万吨", "20\n\n万吨", "10\n\n万吨", "10\n\n万吨", "12.2万吨", "10\n\n万吨", "12.49万吨", "5\n\n万吨", "0.95万吨", "0.7万吨", "2.8\n\n万吨"],
    ["1.51\n\n万亩", "1.52\n\n万亩", "1\n\n万亩", "0.8\n\n万亩", "1.2\n\n万亩", "0.9\n\n万亩", "1.02万亩", "0.44万亩", "0.27万亩", "0.93万亩", "0.41万亩"],
  ].map((row) => Object.freeze(row)),
);

/** One allocation cell as printed, by indicator (number, label or short name) and city (any spelling); undefined when either is unknown. */
export function allocationOf(indicator: string | number, city: string): string | undefined {
  const ind = findIndicator2020(indicator);
  const c = findCity(city);
  if (!ind || !c) return undefined;
  return ALLOCATION_2020[ind.no - 1][CITY_IDS.indexOf(c.id)];
}

/** 杭州, 杭州市 and Hangzhou are one city; an unknown name is compared as written (normalised). */
export function cityKey(city: string): string {
  const c = findCity(city);
  return c ? `#${c.id}` : normalizeText(city ?? "");
}
