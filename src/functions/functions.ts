/**
 * ZG.* Excel custom functions: the webpack entry and the source custom-functions-metadata reads (the English
 * functions.json; the Chinese one comes from zh-CN.json). Each function below is one line handing Excel's
 * arguments to the declared function of the same id (args.ts coerces, the engine computes).
 *
 * Runtime: the dedicated JavaScript-only custom-functions runtime, not the shared runtime. The functions are
 * pure (no workbook access, no state), and in a shared runtime every recalculation queues behind the task
 * pane's JavaScript — a known source of slow recalculation and #BUSY! in large workbooks.
 *
 * Addresses: every function declares @requiresParameterAddresses, so Excel passes the invocation last with the
 * address of each argument, and a message names the sheet and cell ("参数 ref（工作表“县表”C7 单元格）") rather
 * than a position in the range. Where Excel gives no addresses the messages fall back to positions.
 *
 * Types: parameters are `any` / `any[][]` so that our own coercion gives messages in the user's language
 * (Excel's own coercion would give a bare #VALUE!), and so that error values reach us at all: the build sets
 * allowErrorForDataTypeAny, which applies to parameters of type any / any[][] (custom-functions-json.md).
 * Every result is `any[][]`: requiresParameterAddresses is valid only with a matrix result (same page, options
 * table), and a union return type would lose its dimensionality in the metadata (toolchain.md).
 *
 * Language: functions that answer in words (ALLOCCHECK, RECOMMEND, SHORTLIST) take a last optional `lang`
 * ("zh" or "en"; Chinese when omitted): the JavaScript-only runtime has no Office.context, and a text result
 * must not change with the machine that happens to recalculate the sheet.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ALLOCCHECK, ALLOCGAP } from "./alloc";
import { RECOMMEND, SHORTLIST } from "./choose";
import { COMPLETION, OVERTARGET, POLICYSCORE, TARGET, UNIT } from "./measure";
import { RANKSCORE, RANKSCOREBY, STDSCORE } from "./rank";

/**
 * Rank points of 浙转升办〔2020〕2号, Art. 5(1): max(floor, top − step × (rank − 1)); ties share a rank; text and blanks in ref are ignored.
 * @customfunction RANKSCORE RANKSCORE
 * @param number The value to rank (as in RANK.EQ), or a range of values: one spilled result per cell. A blank or #N/A scores 0.
 * @param ref The values of the ranking group (as in RANK.EQ). Text, blanks and #N/A (no value) are ignored; other error values propagate.
 * @param [order] 0 or omitted: descending (higher is better); nonzero: ascending (lower is better, for "at most" targets).
 * @param [top] Points of rank 1. Default 10.
 * @param [step] Points lost per rank. Default 0.5.
 * @param [floor] Lowest points a ranked unit gets. Default 0.
 * @requiresParameterAddresses
 * @returns Rank points, one per cell of number.
 */
export function rankScore(number: any[][], ref: any[][], order?: any, top?: any, step?: any, floor?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return RANKSCORE.invoke([number, ref, order, top, step, floor], invocation) as any[][];
}

/**
 * Rank points of 浙转升办〔2020〕2号, Art. 5(1) within the rows of ref whose group equals group (a county among its own city's counties).
 * @customfunction RANKSCOREBY RANKSCOREBY
 * @param number The value to rank, or a range of values: one spilled result per cell.
 * @param ref The values of all units (all groups). Text and blanks are ignored.
 * @param group The group of number (e.g. its city), or a range beside number, one group per value.
 * @param groups The group of each cell of ref, cell for cell (e.g. the city column).
 * @param [order] 0 or omitted: descending (higher is better); nonzero: ascending (lower is better).
 * @param [top] Points of rank 1. Default 10.
 * @param [step] Points lost per rank. Default 0.5.
 * @param [floor] Lowest points a ranked unit gets. Default 0.
 * @requiresParameterAddresses
 * @returns Rank points within the group, one per cell of number.
 */
export function rankScoreBy(
  number: any[][],
  ref: any[][],
  group: any[][],
  groups: any[][],
  order?: any,
  top?: any,
  step?: any,
  floor?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return RANKSCOREBY.invoke([number, ref, group, groups, order, top, step, floor], invocation) as any[][];
}

/**
 * Standard score (标准分) of 浙转升办〔2020〕2号, Art. 5(1): points scaled to a weight by method full (points ÷ (points of rank 1 × J)) or max (points ÷ group maximum), or the statistical z and minmax.
 * @customfunction STDSCORE STDSCORE
 * @param points A unit's rank points (S or O), or a range of them: one spilled result per cell.
 * @param [ref] The points of the whole group, for methods max, z and minmax. Default: points itself.
 * @param [weight] The weight: 60 for the target score, 20 for the over-target score. Default 60 (1 for z).
 * @param [method] "full" (default): points ÷ full × weight; "max": points ÷ max(ref) × weight; "z": z-score × weight; "minmax": (x − min) ÷ (max − min) × weight.
 * @param [full] Full marks for method full: 10 × the number of indicators J. Default 10.
 * @requiresParameterAddresses
 * @returns The standard score, one per cell of points.
 */
export function stdScore(points: any[][], ref?: any[][], weight?: any, method?: any, full?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return STDSCORE.invoke([points, ref, weight, method, full], invocation) as any[][];
}

/**
 * A target as written, read as a number: 10%以上 → 0.1, 104.2亿元 → 10420000000, 0.95万吨 → 9500 (as 浙转升办〔2020〕9号 writes them).
 * @customfunction TARGET TARGET
 * @param text The target as written (text or number), or a range of them: one spilled result per cell.
 * @requiresParameterAddresses
 * @returns The value in base units (percentages as fractions, 万 and 亿 multiplied out).
 */
export function target(text: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return TARGET.invoke([text], invocation) as any[][];
}

/**
 * The base unit of a target as written: 104.2亿元 → 元, 10%以上 → %, 100万吨标准煤 → 吨 (as 浙转升办〔2020〕9号 writes them).
 * @customfunction UNIT UNIT
 * @param text The target as written, or a range of them: one spilled result per cell.
 * @requiresParameterAddresses
 * @returns The base unit; "%" for a rate; empty for a bare number.
 */
export function unit(text: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return UNIT.invoke([text], invocation) as any[][];
}

/**
 * Completion measure of 浙转升办〔2020〕2号, Art. 5(1)1: actual ÷ target (target ÷ actual for an "at most" target such as 5%以下).
 * @customfunction COMPLETION COMPLETION
 * @param actual The actual value, or a range of them: one spilled result per cell.
 * @param target The target as written (may be text such as 10%以上 or 1300台), or a range beside actual.
 * @param [basis] "ratio" (default): the completion ratio; "value": the actual itself.
 * @requiresParameterAddresses
 * @returns The completion measure; #N/A where there is none (no target, target 0).
 */
export function completion(actual: any[][], target: any[][], basis?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return COMPLETION.invoke([actual, target, basis], invocation) as any[][];
}

/**
 * Over-target measure of 浙转升办〔2020〕2号, Art. 5(1)2: (actual − target) ÷ target where the target was exceeded; empty where it was not.
 * @customfunction OVERTARGET OVERTARGET
 * @param actual The actual value, or a range of them: one spilled result per cell.
 * @param target The target as written (text such as 5%以下 means at most), or a range beside actual.
 * @requiresParameterAddresses
 * @returns The over-target measure, or empty (no measure, 0 rank points) where the target was not exceeded.
 */
export function overTarget(actual: any[][], target: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return OVERTARGET.invoke([actual, target], invocation) as any[][];
}

/**
 * Gap of an allocation (浙转升办〔2020〕9号): the children's total minus the parent target (negative = short).
 * @customfunction ALLOCGAP ALLOCGAP
 * @param parent The parent target (e.g. 10000台, 10%以上) or an indicator label that states it (传统制造业新增工业机器人10000台).
 * @param children The children's allocated targets (a row or column of the decomposition table).
 * @param [base] For a cumulative (累计) indicator: the base year's stock.
 * @requiresParameterAddresses
 * @returns Children's total − parent in base units (one value); #N/A with the reason where not comparable or for a rate.
 */
export function allocGap(parent: any, children: any[][], base?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return ALLOCGAP.invoke([parent, children, base], invocation) as any[][];
}

/**
 * Verdict on one indicator's allocation (浙转升办〔2020〕9号): 达标, 缺口 … (short by), 低于目标 … (rate), or 无法校核 with the reason.
 * @customfunction ALLOCCHECK ALLOCCHECK
 * @param parent The parent target (e.g. 10000台, 10%以上) or an indicator label that states it.
 * @param children The children's allocated targets (a row or column of the decomposition table).
 * @param [base] For a cumulative (累计) indicator: the base year's stock.
 * @param [lang] Language of the verdict: "zh" (default) or "en" (also 中文, 英文, zh-CN, en-US).
 * @requiresParameterAddresses
 * @returns The verdict as text (one value), in Chinese unless lang says English.
 */
export function allocCheck(parent: any, children: any[][], base?: any, lang?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return ALLOCCHECK.invoke([parent, children, base, lang], invocation) as any[][];
}

/**
 * Policy points of 浙转升办〔2020〕2号, Art. 5(2), 0–20: plan 2 + work plan 2 + policy 4 + mechanism 4 + pilot 4 + 1 per endorsement (at most 4).
 * @customfunction POLICYSCORE POLICYSCORE
 * @param plan 实施方案 issued (是/否, 有/无, Y/N, 1/0, TRUE/FALSE, ✓/✗; blank is no), or a column of them.
 * @param workPlan 年度工作要点/工作计划 issued (yes/no).
 * @param policy 配套政策 issued (yes/no).
 * @param mechanism 工作协调机制 set up (yes/no).
 * @param pilot Listed as 省级试点 (yes/no).
 * @param [endorsements] Count of 批示肯定 and 全省会议典型发言 (1 point each, at most 4). Blank is 0.
 * @requiresParameterAddresses
 * @returns Policy points, one per row when ranges are given.
 */
export function policyScore(plan: any[][], workPlan: any[][], policy: any[][], mechanism: any[][], pilot: any[][], endorsements?: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return POLICYSCORE.invoke([plan, workPlan, policy, mechanism, pilot, endorsements], invocation) as any[][];
}

/**
 * City stage of 浙转升办〔2020〕2号, Art. 6(2): per city, the county with the best total that did not receive the incentive last year; ties on total by ZG's default order (target, over-target, policy score, then list order; the documents say nothing).
 * @customfunction RECOMMEND RECOMMEND
 * @param counties The county column.
 * @param cities The city of each county.
 * @param totals The total score of each county.
 * @param [previous] Received the incentive last year (yes/no), per county.
 * @param [targetScores] Target scores, to break ties on total.
 * @param [overScores] Over-target scores, to break remaining ties.
 * @param [policyScores] Policy scores, to break remaining ties.
 * @param [lang] Language of the reasons: "zh" (default) or "en" (also 中文, 英文, zh-CN, en-US).
 * @requiresParameterAddresses
 * @returns A spilled list: one row per city — city, recommended county, reason.
 */
export function recommend(
  counties: any[][],
  cities: any[][],
  totals: any[][],
  previous?: any[][],
  targetScores?: any[][],
  overScores?: any[][],
  policyScores?: any[][],
  lang?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return RECOMMEND.invoke([counties, cities, totals, previous, targetScores, overScores, policyScores, lang], invocation) as any[][];
}

/**
 * Province stage of 浙转升办〔2020〕2号, Arts. 3 and 6(3): the proposed list of ⌈slots × (1 + margin)⌉ names, the best slots of them the suggested places, at least minAccelerated 加快发展县 among those (原则上: ZG's default reading; 0 switches it off).
 * @customfunction SHORTLIST SHORTLIST
 * @param counties The recommended counties (one per city).
 * @param totals Their totals, scored afresh within this group.
 * @param [accelerated] Which count as 加快发展县 (yes/no); default: the 26 of 2020.
 * @param [slots] The suggested places. Default 6.
 * @param [minAccelerated] At least this many 加快发展县 within the places. Default 1 (0 switches Art. 3's 原则上 off).
 * @param [lang] Language of the reasons: "zh" (default) or "en" (also 中文, 英文, zh-CN, en-US).
 * @param [margin] The 差额比例 of Art. 6(3): the list holds ⌈slots × (1 + margin)⌉ names. Default 0.2 (ZG's; the documents give no figure).
 * @requiresParameterAddresses
 * @returns A spilled list: the counties within the places, then those the margin adds — county, reason.
 */
export function shortlist(
  counties: any[][],
  totals: any[][],
  accelerated?: any[][],
  slots?: any,
  minAccelerated?: any,
  lang?: any,
  margin?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return SHORTLIST.invoke([counties, totals, accelerated, slots, minAccelerated, lang, margin], invocation) as any[][];
}
