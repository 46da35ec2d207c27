/**
 * Every message the engine gives, in Chinese and English, keyed by its code. The codes are a public contract (`zg
 * … --json`, docs/cli.md) and are typed in types.ts (IssueCode, ReasonCode); the reading, checking and ranking
 * logic names a code and hands over the facts, and the words live here, in one place (as HyperFormula keeps its
 * error messages in one module). A code with several situations has one entry per situation.
 */
import { DOC_2, DOC_9 } from "./documents";
import type { EngineIssueCode, Msg, ReasonCode } from "./types";
import { fewNames } from "./messages";

const q = (s: string): Msg => ({ zh: `“${s}”`, en: `"${s}"` });
const both = (zh: string, en: string): Msg => ({ zh, en });

/** An English count with the right form: "1 county was", "2 counties were". */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
/** Articles as cited in messages: the full document number, then the article (浙转升办〔2020〕2号第六条（二）). */
export const ART = {
  art3: both(`${DOC_2.number}第三条`, `${DOC_2.number}, Art. 3`),
  art62: both(`${DOC_2.number}第六条（二）`, `${DOC_2.number}, Art. 6(2)`),
  art63: both(`${DOC_2.number}第六条（三）`, `${DOC_2.number}, Art. 6(3)`),
  doc9: both(DOC_9.number, DOC_9.number),
} as const;

/**
 * The tie-break order is ZG's default, not the documents': 2号 says nothing about ties. Every message that
 * applies it says so.
 */
export const TIE_CHAIN = both(
  `本工具默认的并列处理顺序：总分→目标任务完成分→超目标任务完成分→政策机制分→输入顺序（${DOC_2.number}对并列未作规定，可人工调整）`,
  `ZG's default tie-break order: total → target score → over-target score → policy score → input order (${DOC_2.number} says nothing about ties; adjust by hand if needed)`,
);

/**
 * rules.md §5, a county given no target (0 or blank): the documents are silent, so each reading says it is ours.
 * `exclude` is the default.
 */
export const UNASSIGNED_RULE = {
  exclude: both(
    "该项不计入本县的指标数 J，本县标准分按分配给它的指标折算（本工具的读法，文件未规定；可选 zero：计入 J、得 0 分）",
    "the indicator leaves this county's J, so its standard score is over the indicators it was given (ZG's reading; the documents are silent; option zero keeps it in J at 0 points)",
  ),
  zero: both(
    "该项计入本县的指标数 J、得 0 分（本工具的读法，文件未规定；默认 exclude：不计入 J）",
    "the indicator stays in this county's J at 0 points (ZG's reading; the documents are silent; the default, exclude, leaves it out of J)",
  ),
} as const;

/**
 * The 标准分 formula is ours: 2号 says only 折算为标准分. Every place that shows or explains it says so.
 */
export const STANDARD_FORMULA_OURS = both("本工具默认，文件只写“折算为标准分”", "ZG's default; the documents say only 折算为标准分 (convert to a standard score)");

/** With minAccelerated 0 the rule of 第三条 is off: said wherever the option is shown. */
export const NO_ACCELERATED_RULE = both(
  `已关闭${ART.art3.zh}加快发展县不少于1个的要求，建议激励名额内可能没有加快发展县`,
  `the 加快发展县 rule of ${ART.art3.en} is off: the suggested places may hold no 加快发展县`,
);

/**
 * The roster's count: 2号 第三条 says 89 counties (written before 龙港市 was set up in August 2019); ZG lists 90.
 * Said wherever the count is shown.
 */
export const ROSTER_COUNT = both(
  "90 个县（市、区）（含 2019 年 8 月设立的龙港市；浙转升办〔2020〕2号第三条写 89 个，其时尚未计入龙港市）",
  "90 county-level units (with 龙港市, set up in August 2019; 浙转升办〔2020〕2号, Art. 3 counts 89, before it)",
);

/** A score as shown in reasons: at most two decimals. */
export const fmtScore = (x: number): string => String(Math.round(x * 100) / 100);

/** The tie-break keys' names (2号 第五条's own words), for reasons that say which score broke a tie. */
export const STANDING_NAMES = {
  total: both("总分", "total"),
  targetScore: both("目标任务完成分", "target score"),
  overScore: both("超目标任务完成分", "over-target score"),
  policyScore: both("政策机制分", "policy score"),
} as const;

export type StandingName = keyof typeof STANDING_NAMES;

/**
 * The self-assessment's one rule for counties, said the same way in the template's 说明 and in `collect`'s refusal:
 * each county returns its own file with its own rows filled.
 */
export const ONE_COUNTY_PER_FILE = both(
  "一个文件只报一个县（市、区）：本县只填写本县的各行，其他县的行留空",
  "one file holds one county's return: the county fills in its own rows only and leaves the others empty",
);

/** Messages of problems met in the input (ZgIssue), by code. */
export const ISSUES = {
  // ─── §1 reading a cell ───────────────────────────────────────────────────────────────────
  "no-value": () => both("无数值（空白、“—”、“/”或“无”），不计入", "no value (empty, —, / or 无); left out"),
  "excel-error": (code: string) => both(`单元格是 Excel 错误值 ${code}，不是数值`, `the cell holds the Excel error ${code}, not a number`),
  "not-a-number": {
    notFinite: () => both("不是有限数值", "not a finite number"),
    logical: (shown: string) => both(`逻辑值 ${shown} 不是数值`, `the logical value ${shown} is not a number`),
    unrecognised: () => both("无法识别的单元格内容", "unrecognised cell content"),
    text: (shown: string) => both(`${q(shown).zh}不是数值`, `${q(shown).en} is not a number`),
    invalid: (shown: string) => both(`${q(shown).zh}不是有效的数值`, `${q(shown).en} is not a valid number`),
  },
  "out-of-range": (shown: string) =>
    both(
      `${q(shown).zh}超出 Excel 能存放的数值范围（绝对值约 2.2E-308 到 1.8E+308），不是可用的数值`,
      `${q(shown).en} is beyond the range of numbers Excel holds (magnitude about 2.2E-308 to 1.8E+308), so it is not a usable number`,
    ),
  "conflicting-bound": (shown: string, first: string, second: string) =>
    both(`${q(shown).zh}同时写了“${first}”和“${second}”，上下限矛盾`, `${q(shown).en} says both "${first}" and "${second}": at least and at most at once`),
  approximate: (shown: string) => both(`${q(shown).zh}是约数，请填写确切的数值`, `${q(shown).en} is an approximation; enter an exact number`),
  "chinese-numeral": (shown: string) => both(`${q(shown).zh}用了中文数字，请填写阿拉伯数字`, `${q(shown).en} is written in Chinese numerals; enter Arabic digits`),
  "bad-separator": (shown: string) => both(`${q(shown).zh}的千位分隔符位置不对`, `${q(shown).en} has misplaced thousands separators`),
  range: (shown: string) => both(`${q(shown).zh}是一个区间，不是一个数`, `${q(shown).en} is a range, not a single number`),
  "bad-unit": (shown: string, unit: string) => both(`${q(shown).zh}的单位“${unit}”无法识别`, `${q(shown).en}: the unit "${unit}" is not recognised`),

  // ─── §2 checking an allocation ───────────────────────────────────────────────────────────
  "parent-label-mismatch": (parent: string, label: string) =>
    both(
      `上级目标 ${parent} 与指标名称中的目标 ${label} 不一致，按上级目标单元格校核`,
      `the parent target ${parent} differs from the target in the label, ${label}; the parent cell is used`,
    ),
  "child-no-value": (child: string, sumsOthers: boolean) =>
    both(
      `“${child}”没有分解目标值，按缺失处理${sumsOthers ? "（只对其余单位求和）" : ""}`,
      `“${child}” has no allocated value and is treated as missing${sumsOthers ? " (the sum covers the other units only)" : ""}`,
    ),
  "rate-bare-number": (child: string, written: string, asRate: string) =>
    both(
      `“${child}”的值 ${written} 没有写 %，按比例读作 ${asRate}；如指 ${written}%，请写成“${written}%”`,
      `“${child}”: ${written} has no %, so it is read as the fraction ${asRate}; write “${written}%” if that is meant`,
    ),
  "total-unit-mismatch": (total: string, unit: Msg, allocated: Msg) =>
    both(`“${total}”的单位“${unit.zh}”与分解目标的单位“${allocated.zh}”不同，未比较`, `“${total}” is in ${unit.en}, the allocations in ${allocated.en}; not compared`),
  "total-mismatch": (total: string, says: string, sum: string, difference: string) =>
    both(
      `“${total}”写的是 ${says}，但各下级地区分解数之和为 ${sum}（相差 ${difference}）`,
      `“${total}” says ${says} but the allocations add up to ${sum} (difference ${difference})`,
    ),
  "child-unnamed": (rows: boolean, name: string) =>
    both(
      `下级地区的${rows ? "列" : "行"}没有表头名称，暂以“${name}”称呼`,
      `a child ${rows ? "column" : "row"} has no header name; it is called “${name}”`,
    ),
  "children-empty": (names: string[], range: string) =>
    both(
      `表中已有指标和上级目标，但各下级地区（${names.slice(0, 3).join("、")}${names.length > 3 ? ` 等 ${names.length} 个` : ""}）的目标都还是空的：请先在 ${range} 填写，再校核`,
      `the table has its indicators and parent targets, but every child unit's target (${names.slice(0, 3).join(", ")}${names.length > 3 ? ` … ${names.length} units` : ""}) is still empty: fill in ${range}, then check`,
    ),
  "no-table": () =>
    both(
      "没有找到指标分解表：需要一列（或一行）指标名称，旁边是各下级地区的目标值",
      "no decomposition table found: it needs a column (or row) of indicator labels with the child units' targets beside them",
    ),

  // ─── §3–5 scoring ────────────────────────────────────────────────────────────────────────
  "bad-option": {
    top: (got: unknown) => both(`选项 top（第1名得分）必须是大于0的有限数，收到 ${String(got)}`, `Option top (points of rank 1) must be a finite number > 0; got ${String(got)}`),
    step: (got: unknown) => both(`选项 step（每名递减分）必须是不小于0的有限数，收到 ${String(got)}`, `Option step (points lost per rank) must be a finite number ≥ 0; got ${String(got)}`),
    floor: (top: number, got: unknown) =>
      both(`选项 floor（最低得分）必须是 0 到 top（${top}）之间的有限数，收到 ${String(got)}`, `Option floor (lowest points) must be a finite number from 0 to top (${top}); got ${String(got)}`),
    std: (got: unknown) => both(`选项 std（标准分折算方法）只能是 full 或 max，收到 ${String(got)}`, `Option std (standard-score method) must be full or max; got ${String(got)}`),
    basis: (got: unknown) => both(`选项 basis（完成度口径）只能是 ratio 或 value，收到 ${String(got)}`, `Option basis (completion measure) must be ratio or value; got ${String(got)}`),
    slots: (got: unknown) => both(`选项 slots（激励名额）必须是不小于1的整数，收到 ${String(got)}`, `Option slots (places) must be a whole number ≥ 1; got ${String(got)}`),
    minAccelerated: (slots: number, got: unknown) =>
      both(
        `选项 minAccelerated（建议激励名额内加快发展县最少个数）必须是 0 到 slots（${slots}）之间的整数，收到 ${String(got)}`,
        `Option minAccelerated (least number of 加快发展县 within the places) must be a whole number from 0 to slots (${slots}); got ${String(got)}`,
      ),
    margin: (got: unknown) =>
      both(
        `选项 margin（差额比例，${DOC_2.number}第六条（三））必须是 0 到 10 之间的数，收到 ${String(got)}`,
        `Option margin (the 差额比例 of ${DOC_2.number}, Art. 6(3)) must be a number from 0 to 10; got ${String(got)}`,
      ),
    order: (got: unknown) => both(`选项 order（排序方向）只能是 desc 或 asc，收到 ${String(got)}`, `Option order must be desc or asc; got ${String(got)}`),
    unassigned: (got: unknown) =>
      both(`选项 unassigned（未分配目标的指标）只能是 exclude 或 zero，收到 ${String(got)}`, `Option unassigned (indicators given no target) must be exclude or zero; got ${String(got)}`),
  },
  "duplicate-indicator": (county: string, label: string) =>
    both(`${county}的指标“${label}”出现多次，只计第一次`, `${county}: indicator "${label}" appears more than once; only the first counts`),
  "unit-mismatch": (county: string, label: string, actualUnit: string, targetUnit: string) =>
    both(
      `${county}“${label}”的完成值单位（${actualUnit}）与目标值单位（${targetUnit}）不一致，该项不计分`,
      `${county} "${label}": the actual's unit (${actualUnit}) differs from the target's (${targetUnit}); no points for this indicator`,
    ),
  "target-not-positive": (county: string, label: string) =>
    both(
      `${county}“${label}”的目标值不大于0，无法计算完成度，该项不计分`,
      `${county} "${label}": the target is not above 0, so there is no completion measure; no points for this indicator`,
    ),
  "rate-scale": (county: string, label: string, shown: string, pct: string) =>
    both(
      `${county}“${label}”的目标是百分数，完成值 ${shown} 按 ${pct}% 计；如指 ${shown}%，请写成“${shown}%”`,
      `${county} "${label}": the target is a percentage, so the actual ${shown} counts as ${pct}%; if ${shown}% is meant, write "${shown}%"`,
    ),
  "unassigned-target": (county: string, label: string, rule: "exclude" | "zero") =>
    both(
      `${county}“${label}”的目标为 0 或空白（设区市未分配目标），${UNASSIGNED_RULE[rule].zh}`,
      `${county} "${label}": the target is 0 or blank (the city allocated nothing); ${UNASSIGNED_RULE[rule].en}`,
    ),
  "missing-indicator": (county: string, label: string) =>
    both(`${county}没有指标“${label}”的数据，该项不计分`, `${county} has no row for indicator "${label}"; no points for it`),
  "bound-mixed": (label: string) =>
    both(
      `指标“${label}”的目标有的写“以上”有的写“以下”，全部按“以下”（越低越好）计`,
      `Indicator "${label}": some targets are "at least", some "at most"; all are treated as at most (lower is better)`,
    ),
  "actual-not-positive": (county: string, label: string) =>
    both(
      `${county}“${label}”为“以下”目标，完成值为负数，无法计算完成度（目标值÷完成值），该项完成分不计`,
      `${county} "${label}": an at-most target with a negative actual has no completion measure (target ÷ actual); no completion points`,
    ),

  // ─── the score input ─────────────────────────────────────────────────────────────────────
  "no-county-rows": () => both("完成情况表没有任何县（市、区）的数据行", "the completion sheet has no county rows"),
  "too-many-counties": (max: number) =>
    both(`完成情况表的县（市、区）超过 ${max} 个（浙江省共 90 个），不是一省的表，未评分`, `the completion sheet has more than ${max} counties (Zhejiang has 90); it is not a province's table and was not scored`),
  "too-many-cities": (max: number) =>
    both(`完成情况表的设区市超过 ${max} 个（浙江省共 11 个），不是一省的表，未评分`, `the completion sheet has more than ${max} cities (Zhejiang has 11); it is not a province's table and was not scored`),
  "too-many-rows": (max: number) =>
    both(`完成情况表的数据行超过 ${max} 行，未评分`, `the completion sheet has more than ${max} data rows; it was not scored`),
  "no-county-sheet": () =>
    both(
      "没有找到县级情况表（表头含“县（市、区）”和“实施方案”等列），政策机制得分均按 0 计",
      "no county sheet found (headers 县（市、区） and 实施方案 etc.); every policy score is 0",
    ),
  "no-county": () => both("这一行没有填县（市、区），未计入", "this row names no county; left out"),
  "no-indicator": () => both("这一行没有填指标，未计入", "this row names no indicator; left out"),
  // One warning for all the names (the first few and how many), placed at the first: 5 000 would bury the rest.
  "unknown-county": (counties: readonly string[]) =>
    both(
      `“${fewNames(counties).zh}”不在浙江省 ${ROSTER_COUNT.zh}名单中，仍按所填名称计分`,
      `"${fewNames(counties).en}" ${counties.length > 1 ? "are not among" : "is not one of"} Zhejiang's ${ROSTER_COUNT.en}; scored under the name${counties.length > 1 ? "s" : ""} as written`,
    ),
  "county-invisible-characters": (pairs: readonly { written: string; known: string }[]) =>
    both(
      `“${fewNames(pairs.map((p) => p.written)).zh}”与浙江省的“${fewNames(pairs.map((p) => p.known)).zh}”只差看不见的字符（零宽字符等，已显示为 \\u 转义），是另一个名称，按所填名称单独计分；若指的是同一县（市、区），请删去这些字符`,
      `"${fewNames(pairs.map((p) => p.written)).en}" differ${pairs.length > 1 ? "" : "s"} from Zhejiang's "${fewNames(pairs.map((p) => p.known)).en}" only by invisible characters (zero-width and the like, shown as \\u escapes): another name, scored apart as written; if the same county is meant, delete them`,
    ),
  "county-without-figures": (counties: readonly string[]) =>
    both(
      `县级情况表中的“${fewNames(counties).zh}”在完成情况表中没有数据，未计分`,
      `"${fewNames(counties).en}" of the county sheet ${counties.length > 1 ? "have" : "has"} no rows in the completion sheet; not scored`,
    ),
  "bad-yes-no": (written: string) =>
    both(
      `“${written}”不是是/否值（可填 是/否、有/无、Y/N、1/0、TRUE/FALSE、✓/✗，空白为否）`,
      `"${written}" is not a yes/no value (use 是/否, 有/无, Y/N, 1/0, TRUE/FALSE, ✓/✗; empty means no)`,
    ),
  "bad-count": (written: string) =>
    both(`批示或典型发言应填次数（不小于 0 的整数），这里是“${written}”`, `endorsements must be a count (a whole number ≥ 0); found "${written}"`),
  "no-policy-row": (counties: readonly string[]) =>
    both(`县级情况表中没有这些县（市、区），政策机制得分按 0 计：${fewNames(counties).zh}`, `not in the county sheet, so their policy score is 0: ${fewNames(counties).en}`),

  // ─── §6 selection ────────────────────────────────────────────────────────────────────────
  "no-counties": () => both("没有可评分的县（市、区）", "No counties to score"),
  "duplicate-county": (county: string, times: number) =>
    both(`${county}在输入中出现${times}次，按不同的县分别计分`, `${county} appears ${times} times in the input; each is scored as a separate county`),
  "no-city": (counties: readonly string[]) =>
    both(`${fewNames(counties).zh}未填设区市，合为一组排名`, `${fewNames(counties).en}: no city given; ranked together as one group`),
  "no-candidate": (city: Msg) =>
    both(`${city.zh}所有县（市、区）上年度均已获激励，本市无推荐`, `Every county of ${city.en} received the incentive last year; the city recommends none`),
  "tie-unresolved": {
    city: (city: Msg, tie: Msg) => both(`${city.zh}推荐：${tie.zh}，请人工确认`, `${city.en} recommendation: ${tie.en}; please confirm by hand`),
    province: (tie: Msg) => both(`省级评送环节：${tie.zh}，请人工确认`, `Province stage: ${tie.en}; please confirm by hand`),
  },
  "tie-broken": {
    city: (city: Msg, first: string, other: string, by: StandingName) =>
      both(
        `${city.zh}推荐：${first}与${other}总分并列，按${TIE_CHAIN.zh}，以${STANDING_NAMES[by].zh}区分，${first}在前；请人工确认`,
        `${city.en} recommendation: ${first} and ${other} tie on total; by ${TIE_CHAIN.en}, ${STANDING_NAMES[by].en} puts ${first} first; please confirm by hand`,
      ),
    province: (first: string, other: string, by: StandingName, where: Msg) =>
      both(
        `省级评送环节：${first}与${other}总分并列（${where.zh}），按${TIE_CHAIN.zh}，以${STANDING_NAMES[by].zh}区分，${first}在前；请人工确认`,
        `Province stage: ${first} and ${other} tie on total (${where.en}); by ${TIE_CHAIN.en}, ${STANDING_NAMES[by].en} puts ${first} first; please confirm by hand`,
      ),
  },
  "fewer-than-slots": (recommended: number, slots: number) =>
    both(
      `只有${recommended}个设区市推荐县，少于建议激励名额${slots}个，全部列入建议激励名额`,
      `Only ${count(recommended, "county was", "counties were")} recommended, fewer than the ${count(slots, "place", "places")}; all are within the suggested places`,
    ),
  "accelerated-rule-off": () => both(`minAccelerated = 0：${NO_ACCELERATED_RULE.zh}`, `minAccelerated = 0: ${NO_ACCELERATED_RULE.en}`),
  "too-few-accelerated": (have: number, required: number) =>
    both(
      `${have === 0 ? "推荐县中无加快发展县" : `推荐县中只有${have}个加快发展县列入建议激励名额`}，达不到至少${required}个的要求（${ART.art3.zh}“原则上”，本工具默认读作必须；可将此项设为 0 关闭）`,
      `${have === 0 ? "No 加快发展县 is among the recommended" : `Only ${count(have, "加快发展县 is", "加快发展县 are")} within the suggested places`}, short of the ${required} required (${ART.art3.en} says 原则上, "in principle": ZG reads it as a rule by default; set the option to 0 to switch it off): no more are among the recommended`,
    ),

  // ─── 差距分析 and 汇总 ───────────────────────────────────────────────────────────
  "gap-no-county": (county: string) =>
    both(`评分表中没有县（市、区）“${county}”`, `the score input has no county "${county}"`),
  "collect-unreadable": (why: Msg) => both(`无法读取：${why.zh}`, `cannot be read: ${why.en}`),
  "collect-no-table": (sheets: string[]) =>
    both(
      `没有找到自评表：需要一个表头含“县（市、区）”“指标”“目标”“完成”的工作表（现有工作表：${fewNames(sheets).zh}）`,
      `no self-assessment table: one sheet needs the headers 县（市、区）, 指标, 目标 and 完成 (the sheets are: ${fewNames(sheets).en})`,
    ),
  "collect-no-figures": () => both("没有任何县（市、区）填写完成值", "no county has any actual filled in"),
  "collect-several-counties": (first: string, other: string) =>
    both(
      `${ONE_COUNTY_PER_FILE.zh}：已有“${first}”，此处又有“${other}”的完成值；整个文件未汇总`,
      `${ONE_COUNTY_PER_FILE.en}: it has "${first}" and here also "${other}"; the file is not collected`,
    ),
  "collect-unknown-county": (county: string) =>
    both(`“${county}”不是浙江省的县（市、区）（${ROSTER_COUNT.zh}）；文件未汇总`, `"${county}" is not one of Zhejiang's ${ROSTER_COUNT.en}; the file is not collected`),
  "collect-other-city": (county: string, its: string, city: string) =>
    both(`“${county}”属于${its}，不是${city}的县（市、区）；文件未汇总`, `"${county}" belongs to ${its}, not to ${city}; the file is not collected`),
  "collect-twice": {
    /** The later by the workbooks' own modified times wins. */
    later: (county: string, kept: string, keptAt: string, thisAt: string) =>
      both(
        `“${county}”另有文件“${kept}”（修改于 ${keptAt}），晚于本文件（修改于 ${thisAt}），按较晚的一份汇总，本文件未予汇总；如应以本文件为准，请指定`,
        `"${county}" is also in "${kept}" (modified ${keptAt}), later than this file (modified ${thisAt}); the later one is collected, not this one; name this file if it should count`,
      ),
    /** The modified times cannot tell: the file read first counts. */
    unordered: (county: string, kept: string) =>
      both(
        `“${county}”已由文件“${kept}”报送，两份文件的修改时间无法比较（缺少或相同），按先读到的一份汇总，本文件未予汇总；如应以本文件为准，请指定`,
        `"${county}" was already returned in "${kept}" and the two files' modified times cannot tell which is later (missing or equal); the one read first is collected, not this one; name this file if it should count`,
      ),
    /** The user named the file to count. */
    chosen: (county: string, kept: string) =>
      both(`“${county}”另有文件“${kept}”，已指定以该文件为准，本文件未予汇总`, `"${county}" is also in "${kept}", which was named to count; this file is not collected`),
  },
  "collect-missing-indicator": (county: string, indicator: string) =>
    both(`“${county}”没有填报指标“${indicator}”`, `"${county}" has no row for the indicator "${indicator}"`),
  "collect-bad-value": (county: string, indicator: string, which: "target" | "actual", why: Msg) =>
    both(
      `“${county}”“${indicator}”的${which === "target" ? "目标值" : "完成值"}无法读取：${why.zh}；文件未汇总`,
      `"${county}" "${indicator}" ${which}: ${why.en}; the file is not collected`,
    ),
  "collect-changed-target": (county: string, indicator: string, written: string, allocated: string, where: Msg) =>
    both(
      `“${county}”“${indicator}”的目标写为 ${written}，与设区市分解的 ${allocated}（${where.zh}）不同；文件未汇总`,
      `"${county}" "${indicator}": the target is written as ${written}, not the ${allocated} the city allocated (${where.en}); the file is not collected`,
    ),
  "collect-missing-county": (county: string, city: string) =>
    both(`${city}的“${county}”没有报送自评表`, `no self-assessment was returned for ${county} of ${city}`),
  "collect-returned-county": (county: string, city: string, files: readonly string[]) =>
    both(
      `${city}的${county}报送的自评表（${files.map((f) => `“${f}”`).join("、")}）未通过校核，已退回，需重新报送`,
      `${county} of ${city} returned a self-assessment (${files.map((f) => `"${f}"`).join(", ")}) that did not pass the checks; sent back to be corrected`,
    ),
  "collect-not-in-decomposition": (county: string, children: readonly string[]) =>
    both(
      `设区市分解表中没有${county}（该表分解到：${children.slice(0, 5).join("、")}${children.length > 5 ? ` 等 ${children.length} 个下级地区` : ""}，可能是全省分解表或其他设区市的表），${county}的目标未按分解表校核`,
      `the city's decomposition table has no ${county} (it allocates to ${children.slice(0, 5).join(", ")}${children.length > 5 ? ` and ${children.length - 5} more` : ""}: perhaps the province's table or another city's), so ${county}'s targets were not checked against it`,
    ),
  "collect-no-city": () =>
    both("无法确定设区市：没有可汇总的文件，请用 --city 指定", "the city cannot be told: no file could be collected; give it with --city"),
} satisfies Record<EngineIssueCode, ((...args: never[]) => Msg) | Record<string, (...args: never[]) => Msg>>;

/** Why an indicator could not be checked (CheckResult.reason). */
export const UNCHECKED = {
  parentUnreadable: (place: Msg, why: Msg) =>
    both(`上级目标${place.zh ? `（${place.zh}）` : ""}无法读取：${why.zh}`, `the parent target${place.en ? ` (${place.en})` : ""} cannot be read: ${why.en}`),
  childrenUnreadable: (children: readonly Msg[]) =>
    both(`分解目标无法读取：${children.map((m) => m.zh).join("、")}`, `allocated values cannot be read: ${children.map((m) => m.en).join(", ")}`),
  noParent: () =>
    both(
      "没有上级目标：指标名称中没有目标值，也没有“全省目标/全市目标/目标任务”单元格",
      "no parent target: the label states none and there is no 全省目标/全市目标/目标任务 (parent target) cell",
    ),
  noCityParent: () =>
    both(
      "县级分解表没有全市目标：请在“全市目标”列填写本市的目标（指标名称中的数是全省目标，不能作为本市目标）",
      "no city target: fill in the 全市目标 column (the figure in the label is the province's target, not the city's)",
    ),
  unitsDiffer: (expected: Msg, others: readonly { child: Msg; unit: Msg }[]) =>
    both(
      `单位不一致，无法换算：上级目标为“${expected.zh}”，${others.map((m) => `${m.child.zh}为“${m.unit.zh}”`).join("，")}`,
      `units do not convert: the parent target is in ${expected.en}, ${others.map((m) => `${m.child.en} in ${m.unit.en}`).join(", ")}`,
    ),
  noChildValue: () => both("所有下级地区都没有目标值", "no child unit has a value"),
  cumulative: () =>
    both(
      "累计指标：上级目标是存量（截至年末的累计数），各地分解数是当年新增数，需要提供基期（上年末）存量才能校核",
      "cumulative indicator: the parent target is a stock (the running total at year end) while the children are the year's additions; the base year's stock is needed to check it",
    ),
} as const;

/** A target or actual that could not be used, said in the county's terms; the issue keeps the reading's own code. */
export function unusableEntry(county: string, label: string, which: "target" | "actual", why: Msg): Msg {
  const w = which === "target" ? both("目标值", "target") : both("完成值", "actual");
  // The reading's own "left out" would say the same as "no points" twice.
  const zh = why.zh.replace(/，不计入$/, "");
  const en = why.en.replace(/; left out$/, "");
  return both(`${county}“${label}”的${w.zh}：${zh}；该项不计分`, `${county} "${label}" ${w.en}: ${en}; no points for this indicator`);
}


/** Two units, their scores on the key that separated them (or none: a full tie). */
interface Tie {
  them: string;
  by: StandingName;
  ours: number;
  theirs: number;
}

/** Messages of why a county was or was not recommended, proposed or selected (Reason), by code. */
export const REASONS = {
  "previous-winner": (rank: number, city: Msg) =>
    both(
      `市内排名第${rank}；上年度已获督查激励，按${ART.art62.zh}不再重复推荐`,
      `Ranked ${rank} in ${city.en}; received the incentive last year, so not recommended again (${ART.art62.en})`,
    ),
  "best-total": (total: number, rank: number, city: Msg, passedOver: readonly string[]) => {
    const skipZh = passedOver.length ? `（排名更前的${passedOver.join("、")}上年度已获激励）` : "";
    const skipEn = passedOver.length ? ` (${passedOver.join(", ")}, ranked higher, received the incentive last year)` : "";
    return both(
      `总分${fmtScore(total)}，市内排名第${rank}，为${city.zh}可推荐县中最高${skipZh}，获推荐（${ART.art62.zh}）`,
      `Total ${fmtScore(total)}, ranked ${rank} in ${city.en}: the best county the city may recommend${skipEn}; recommended (${ART.art62.en})`,
    );
  },
  "not-best": (total: number, rank: number, city: Msg, winner: string, winnerTotal: number) =>
    both(
      `总分${fmtScore(total)}，市内排名第${rank}，低于获推荐的${winner}（${fmtScore(winnerTotal)}），未获推荐`,
      `Total ${fmtScore(total)}, ranked ${rank} in ${city.en}, below the recommended ${winner} (${fmtScore(winnerTotal)}); not recommended`,
    ),
  "tie-break": {
    recommended: (t: Tie) =>
      both(
        `与${t.them}总分并列；按${TIE_CHAIN.zh}，${STANDING_NAMES[t.by].zh}更高（${fmtScore(t.ours)} 对 ${fmtScore(t.theirs)}），优先推荐`,
        `Ties with ${t.them} on total; by ${TIE_CHAIN.en}, higher ${STANDING_NAMES[t.by].en} (${fmtScore(t.ours)} vs ${fmtScore(t.theirs)}), so recommended first`,
      ),
    notRecommended: (t: Tie) =>
      both(
        `与${t.them}总分并列；按${TIE_CHAIN.zh}，${STANDING_NAMES[t.by].zh}较低（${fmtScore(t.ours)} 对 ${fmtScore(t.theirs)}），未获推荐`,
        `Ties with ${t.them} on total; by ${TIE_CHAIN.en}, lower ${STANDING_NAMES[t.by].en} (${fmtScore(t.ours)} vs ${fmtScore(t.theirs)}); not recommended`,
      ),
    lastPlace: (t: Tie, slots: number) =>
      both(
        `与${t.them}总分并列；按${TIE_CHAIN.zh}，${STANDING_NAMES[t.by].zh}更高（${fmtScore(t.ours)} 对 ${fmtScore(t.theirs)}），列第${slots}位`,
        `Ties with ${t.them} on total; by ${TIE_CHAIN.en}, higher ${STANDING_NAMES[t.by].en} (${fmtScore(t.ours)} vs ${fmtScore(t.theirs)}), so takes position ${slots}`,
      ),
    outside: (t: Tie, slots: number) =>
      both(
        `与${t.them}总分并列；按${TIE_CHAIN.zh}，${STANDING_NAMES[t.by].zh}较低（${fmtScore(t.ours)} 对 ${fmtScore(t.theirs)}），列第${slots}位之后`,
        `Ties with ${t.them} on total; by ${TIE_CHAIN.en}, lower ${STANDING_NAMES[t.by].en} (${fmtScore(t.ours)} vs ${fmtScore(t.theirs)}), so after the first ${slots}`,
      ),
  },
  "tie-unresolved": {
    /** The tie itself, in a city: `first` is the one listed first in the input. */
    city: (first: string, other: string) =>
      both(
        `${first}与${other}总分、目标任务完成分、超目标任务完成分、政策机制分均相同，无法区分；按${TIE_CHAIN.zh}，输入在前的${first}在前`,
        `${first} and ${other} tie on total, target, over-target and policy scores; by ${TIE_CHAIN.en}, ${first}, listed first in the input, is taken`,
      ),
    recommended: (tie: Msg) => both(`${tie.zh}，获推荐`, `${tie.en}; recommended`),
    notRecommended: (tie: Msg) => both(`${tie.zh}，未获推荐`, `${tie.en}; not recommended`),
    province: (first: string, other: string, slots: number) =>
      both(
        `${first}与${other}总分、目标任务完成分、超目标任务完成分、政策机制分均相同；按${TIE_CHAIN.zh}，输入在前的${first}列第${slots}位`,
        `${first} and ${other} tie on total, target, over-target and policy scores; by ${TIE_CHAIN.en}, ${first}, listed first in the input, takes position ${slots}`,
      ),
  },
  "accelerated-replacement": (rank: number, replaced: string, replacedRank: number, required: number) =>
    both(
      `全省排名第${rank}，为名额外加快发展县中最高；按${ART.art3.zh}（加快发展县原则上不少于${required}个，本工具默认读作必须，可关闭），替补排名第${replacedRank}的${replaced}，列入建议激励名额`,
      `Ranked ${rank}, the best 加快发展县 outside the places; replaces ${replaced} (ranked ${replacedRank}) so that at least ${required} 加快发展县 are within the places (${ART.art3.en}: 原则上, in principle; ZG's default reading, which can be switched off); within the suggested places`,
    ),
  replaced: (rank: number, slots: number, by: string, byRank: number) =>
    both(
      `全省排名第${rank}，原列建议激励名额（前${slots}名）内排名最后的非加快发展县，按${ART.art3.zh}由加快发展县${by}（排名第${byRank}）替补，调出建议激励名额`,
      `Ranked ${rank}, the lowest-ranked county within the places that is not a 加快发展县; replaced by the 加快发展县 ${by} (ranked ${byRank}) under ${ART.art3.en}; not within the suggested places`,
    ),
  selected: (total: number, rank: number, slots: number, accelerated: boolean) =>
    both(
      `总分${fmtScore(total)}，全省排名第${rank}，列入建议激励名额（前${slots}名）${accelerated ? "（加快发展县）" : ""}`,
      `Total ${fmtScore(total)}, ranked ${rank} in the province, within the best ${slots}: within the suggested places${accelerated ? " (加快发展县)" : ""}`,
    ),
  proposed: (total: number, rank: number, slots: number, size: number) =>
    both(
      `总分${fmtScore(total)}，全省排名第${rank}，在${slots}个建议激励名额外，按差额比例在拟列入督查激励建议名单内（共${size}个，${ART.art63.zh}）`,
      `Total ${fmtScore(total)}, ranked ${rank} in the province, outside the ${slots} suggested places; on the proposed list by the margin (${count(size, "name", "names")}, ${ART.art63.en})`,
    ),
  "not-selected": (total: number, rank: number, size: number, accelerated: boolean) =>
    both(
      `总分${fmtScore(total)}，全省排名第${rank}，不在拟列入督查激励建议名单内（共${size}个）${accelerated ? "（加快发展县）" : ""}`,
      `Total ${fmtScore(total)}, ranked ${rank} in the province, not on the proposed list (${count(size, "name", "names")})${accelerated ? " (加快发展县)" : ""}`,
    ),
} satisfies Record<ReasonCode, ((...args: never[]) => Msg) | Record<string, (...args: never[]) => Msg>>;

/** How a tie on total between a county inside a cut and one outside it was decided (selectShortlist). */
export type TieDecider = StandingName | "input-order" | "accelerated-rule";

const plural = (names: readonly string[], one: string, many: string): string => (names.length === 1 ? one : many);

/** The deciders, said once: the accelerated rule of 第三条, then the tool's chain with the keys that decided. */
function decidedBy(how: readonly TieDecider[]): Msg {
  const zh: string[] = [];
  const en: string[] = [];
  if (how.includes("accelerated-rule")) {
    zh.push(`按${ART.art3.zh}加快发展县原则上不少于规定个数（本工具默认读作必须）区分`);
    en.push(`the 加快发展县 rule of ${ART.art3.en} (原则上, in principle; ZG's default reading) decides`);
  }
  const keys = how.filter((h): h is StandingName => h in STANDING_NAMES);
  const byOrder = how.includes("input-order");
  if (keys.length || byOrder) {
    const zhKeys = [...keys.map((k) => STANDING_NAMES[k].zh), ...(byOrder ? ["输入顺序（各项得分均相同）"] : [])];
    const enKeys = [...keys.map((k) => STANDING_NAMES[k].en), ...(byOrder ? ["input order (every score equal)"] : [])];
    zh.push(`按${TIE_CHAIN.zh}，以${zhKeys.join("、")}区分`);
    en.push(`by ${TIE_CHAIN.en}, ${enKeys.join(", ")} decides`);
  }
  return both(zh.join("；"), en.join("; "));
}

/**
 * Ties on total that the province stage separates (rules.md §6: every tie is reported): one message per cut (the
 * suggested places, the proposed list) and per run of equal totals, naming every county inside and outside it.
 */
export const SEPARATED_TIES = {
  province: (inside: readonly string[], outside: readonly string[], cut: "places" | "list", how: readonly TieDecider[]) => {
    const d = decidedBy(how);
    const [inZh, outZh] = cut === "places" ? ["列入建议激励名额", "未列入"] : ["在拟列入督查激励建议名单内", "不在名单内"];
    const cutEn = cut === "places" ? "within the suggested places" : "on the proposed list";
    return both(
      `省级评送环节：${inside.join("、")}与${outside.join("、")}总分并列，${inside.join("、")}${inZh}，${outside.join("、")}${outZh}；${d.zh}；请人工确认`,
      `Province stage: ${inside.join(", ")} and ${outside.join(", ")} tie on total; ${inside.join(", ")} ${plural(inside, "is", "are")} ${cutEn}, ${outside.join(", ")} ${plural(outside, "is", "are")} not; ${d.en}; please confirm by hand`,
    );
  },
  /** The reason of a county the 加快发展县 rule took in or left out while tied with another 加快发展县. */
  acceleratedPick: (them: string, taken: boolean, how: TieDecider) => {
    const d = decidedBy([how]);
    return both(
      `与加快发展县${them}总分并列；${d.zh}，${taken ? "由本县替补列入建议激励名额" : `由${them}替补列入建议激励名额`}`,
      `Ties on total with the 加快发展县 ${them}; ${d.en}: ${taken ? "this county takes the place" : `${them} takes the place`}`,
    );
  },
  /** The reason of a county the rule moved out (or kept) while tied with another county in the places. */
  replacedPick: (them: string, out: boolean, how: TieDecider) => {
    const d = decidedBy([how]);
    return both(
      `与${them}总分并列；${d.zh}，${out ? "本县调出建议激励名额" : `${them}调出建议激励名额`}`,
      `Ties on total with ${them}; ${d.en}: ${out ? "this county leaves the places" : `${them} leaves the places`}`,
    );
  },
} as const;
