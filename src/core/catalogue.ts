/**
 * Every message the engine gives, in Chinese and English, keyed by its code. The codes are a public contract (`zg
 * … --json`, docs/cli.md) and are typed in types.ts (IssueCode, ReasonCode); the reading, checking and ranking
 * logic names a code and hands over the facts, and the words live here, in one place (as HyperFormula keeps its
 * error messages in one module). A code with several situations has one entry per situation.
 */
import { DOC_2, DOC_9 } from "./documents";
import type { EngineIssueCode, Msg, ReasonCode } from "./types";

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
  "no-county-sheet": () =>
    both(
      "没有找到县级情况表（表头含“县（市、区）”和“实施方案”等列），政策机制得分均按 0 计",
      "no county sheet found (headers 县（市、区） and 实施方案 etc.); every policy score is 0",
    ),
  "no-county": () => both("这一行没有填县（市、区），未计入", "this row names no county; left out"),
  "no-indicator": () => both("这一行没有填指标，未计入", "this row names no indicator; left out"),
  "unknown-county": (county: string) =>
    both(`“${county}”不在浙江省 90 个县（市、区）名单中，仍按所填名称计分`, `"${county}" is not one of Zhejiang's 90 county-level units; scored under the name as written`),
  "county-without-figures": (county: string) =>
    both(`县级情况表中的“${county}”在完成情况表中没有数据，未计分`, `"${county}" of the county sheet has no rows in the completion sheet; not scored`),
  "bad-yes-no": (written: string) =>
    both(
      `“${written}”不是是/否值（可填 是/否、有/无、Y/N、1/0、TRUE/FALSE、✓/✗，空白为否）`,
      `"${written}" is not a yes/no value (use 是/否, 有/无, Y/N, 1/0, TRUE/FALSE, ✓/✗; empty means no)`,
    ),
  "bad-count": (written: string) =>
    both(`批示或典型发言应填次数（不小于 0 的整数），这里是“${written}”`, `endorsements must be a count (a whole number ≥ 0); found "${written}"`),
  "no-policy-row": (counties: readonly string[]) =>
    both(`县级情况表中没有这些县（市、区），政策机制得分按 0 计：${counties.join("、")}`, `not in the county sheet, so their policy score is 0: ${counties.join(", ")}`),

  // ─── §6 selection ────────────────────────────────────────────────────────────────────────
  "no-counties": () => both("没有可评分的县（市、区）", "No counties to score"),
  "duplicate-county": (county: string, times: number) =>
    both(`${county}在输入中出现${times}次，按不同的县分别计分`, `${county} appears ${times} times in the input; each is scored as a separate county`),
  "no-city": (counties: readonly string[]) =>
    both(`${counties.join("、")}未填设区市，合为一组排名`, `${counties.join(", ")}: no city given; ranked together as one group`),
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
  "too-few-accelerated": (have: number, required: number) =>
    both(
      `${have === 0 ? "推荐县中无加快发展县" : `推荐县中只有${have}个加快发展县列入建议激励名额`}，达不到至少${required}个的要求（${ART.art3.zh}“原则上”，本工具默认读作必须；可将此项设为 0 关闭）`,
      `${have === 0 ? "No 加快发展县 is among the recommended" : `Only ${count(have, "加快发展县 is", "加快发展县 are")} within the suggested places`}, short of the ${required} required (${ART.art3.en} says 原则上, "in principle": ZG reads it as a rule by default; set the option to 0 to switch it off): no more are among the recommended`,
    ),

  // ─── 差距分析 and 汇总 (issue 16) ───────────────────────────────────────────────────────────
  "gap-no-county": (county: string) =>
    both(`评分表中没有县（市、区）“${county}”`, `the score input has no county "${county}"`),
  "collect-unreadable": (why: Msg) => both(`无法读取：${why.zh}`, `cannot be read: ${why.en}`),
  "collect-no-table": (sheets: string[]) =>
    both(
      `没有找到自评表：需要一个表头含“县（市、区）”“指标”“目标”“完成”的工作表（现有工作表：${sheets.join("、")}）`,
      `no self-assessment table: one sheet needs the headers 县（市、区）, 指标, 目标 and 完成 (the sheets are: ${sheets.join(", ")})`,
    ),
  "collect-no-figures": () => both("没有任何县（市、区）填写完成值", "no county has any actual filled in"),
  "collect-several-counties": (first: string, other: string) =>
    both(
      `一个文件只应有一个县（市、区）的自评：已有“${first}”，此处又有“${other}”的完成值；整个文件未汇总`,
      `one file should hold one county's self-assessment: it has "${first}" and here also "${other}"; the file is not collected`,
    ),
  "collect-unknown-county": (county: string) =>
    both(`“${county}”不是浙江省的县（市、区）（2020 年 90 个县级单位）；文件未汇总`, `"${county}" is not one of Zhejiang's 90 county-level units (2020); the file is not collected`),
  "collect-other-city": (county: string, its: string, city: string) =>
    both(`“${county}”属于${its}，不是${city}的县（市、区）；文件未汇总`, `"${county}" belongs to ${its}, not to ${city}; the file is not collected`),
  "collect-twice": (county: string, earlier: string) =>
    both(`“${county}”已由文件“${earlier}”报送，重复报送的这一份未予汇总`, `"${county}" was already returned in "${earlier}"; this second return is not collected`),
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
