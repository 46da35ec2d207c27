/** --help texts: what each command does, its options and an example, in Chinese and in English. */
import type { CommandName } from "./args";

const GENERAL = `zg — 浙江省传统制造业改造提升：指标分解校核与督查激励评分（命令行）
zg — Zhejiang traditional-manufacturing upgrade: target-allocation checks and incentive scoring

用法 / Usage:
  zg check    文件.xlsx [--sheet 工作表] [--json] [--out 结果.xlsx [--force]]
  zg score    文件.xlsx [评分选项] [--json] [--out 结果.xlsx [--force]]
  zg template decomposition|self-assessment 输出.xlsx [--city 设区市] [--force]
  zg collect  县1.xlsx 县2.xlsx … --out 全市.xlsx [--city 设区市] [--decomposition 分解表.xlsx] [--prefer 文件] [--json] [--force]
  zg gap      文件.xlsx --county 县（市、区） [评分选项] [--margin 0.2] [--json]
  zg help 命令 | zg 命令 --help

命令 / Commands:
  check     校核指标分解表：各下级地区目标之和（或各下级地区增速）是否达到上级目标（浙转升办〔2020〕9号）
            Check a decomposition table: do the children's targets add up to (or reach) the parent's?
  score     按浙转升办〔2020〕2号第五条、第六条评分：先设区市推荐环节，再省级部门评送环节，形成拟列入督查激励建议名单
            Score counties by 浙转升办〔2020〕2号 art. 5–6: city stage, then the province stage and its proposed list
  template  生成与任务窗格相同的模板：2020 年指标分解表（浙转升办〔2020〕9号）、设区市分解到县的模板或空白自评表
            Write the same templates as the task pane: 9号's 2020 table, a city's decomposition to its counties, or a self-assessment
  collect   汇总各县（市、区）报送的自评表为一个全市工作簿，zg score 可直接评分（2号 第六条（二））
            Collect the counties' returned self-assessments into one city workbook that zg score reads as it is
  gap       差距分析：某县（市、区）与本市推荐对象差多少分，每项指标超过上一名需完成多少（按表中单位）
            Gap analysis: how far a county is from its city's recommendation, and per indicator what passes the next county

退出状态 / Exit status: 0 = 已运行（无论结果如何）/ ran, whatever it found; 2 = 输入或参数无法使用 / unusable input or arguments.
输入文件从不被修改。/ The input file is never modified.

示例 / Example:
  zg check assets/samples/2020-decomposition.xlsx
`;

const CHECK = `zg check — 校核指标分解表 / check a decomposition table

用法 / Usage:
  zg check 文件.xlsx [--sheet 工作表] [--json] [--out 结果.xlsx [--force]]

表格可以是“指标为行、下级地区为列”（如 9号附件），也可以转置；表头可跨两行合并，表上可有标题行、表下可有注释行。
合计/小计/总计 行或列不计入下级之和，其数值与计算之和不符时给出提示。
The table may have indicators as rows and child units as columns (as 9号 prints it) or the transpose; two-row
merged headers, title rows above and note rows below are fine. 合计/小计/总计 rows or columns are not children;
where one differs from the computed sum, a warning says so.

判定 / Verdicts:
  total       总量指标：下级之和 ≥ 上级目标为达标，否则未达标（“以下/不超过”类指标反之）
              amounts: ok when the children add up to at least the parent (at most, for 以下 targets)
  rate        增速/比率指标：每个下级 ≥ 上级比率为达标，否则未达标并列出未达到的下级
              rates: each child must reach the parent rate; short lists those below it
  cumulative  累计指标（如“累计上云企业”）：上级为全省存量时缺少基期存量，无法比较，标为无法校核；
              上级为全市目标（县级分解表）时，9号已说明各市目标为当年新增数，按总量校核
              cumulative (累计): against the province's stock the result is unchecked; against a city's figure
              (a county table) it is checked as a total, since 9号 gives the cities' figures as 当年新增数

选项 / Options:
  --sheet 名称   指定工作表（默认：第一个含分解表的工作表）/ the sheet to read (default: the first with a table)
  --json         在标准输出打印一个 JSON 对象 / print exactly one JSON object on standard output
  --out 文件     另存校核结果工作簿，未达标处标红 / also write the results to a new workbook, shortfalls marked
  --force        允许覆盖已存在的 --out 文件 / allow --out to replace an existing file

示例 / Examples:
  zg check assets/samples/2020-decomposition.xlsx
  zg check assets/samples/2020-decomposition-transposed.xlsx --json
`;

const SCORE = `zg score — 督查激励评分与推荐建议 / incentive scoring and the proposed list

用法 / Usage:
  zg score 文件.xlsx [选项] [--json] [--out 结果.xlsx [--force]]

输入工作簿 / Input workbook:
  完成情况表：每个县（市、区）每项指标一行，表头含 设区市、县（市、区）、指标、目标、完成
  A completion sheet, one row per county and indicator: 设区市, 县（市、区）, 指标, 目标, 完成
  县级情况表：每县一行，表头含 县（市、区），以及 设区市、实施方案、年度工作要点、配套政策、工作机制、
  省级试点、批示或典型发言（次数）、加快发展县、上年度已获激励 中的任意几列（是/否、有/无、Y/N、1/0、✓/✗；空 = 否）
  A county sheet, one row per county: 县（市、区） and any of the columns above (yes/no cells; empty means no)

评分（浙转升办〔2020〕2号第五条）/ Scoring (art. 5): 目标任务完成分 60 + 超目标任务完成分 20 + 政策机制分 20。
  各项指标按完成度排名得分：第 1 名 --top 分，每降一名减 --step 分，最低 --floor 分；并列同分。
  Each indicator ranks the units: rank 1 gets --top points, each rank --step less, never below --floor; ties share.
推荐与建议名单（第三条、第六条）/ Recommendation and the proposed list (arts. 3, 6): 设区市推荐环节推荐总分最高且上年度未获激励的县；省级部门评送环节在
  推荐县中重新评分，按差额比例 --margin 形成拟列入督查激励建议名单（⌈slots×(1+margin)⌉ 个，报省政府办公厅确定），
  其中前 --slots 名为建议激励名额内，至少 --min-accelerated 个加快发展县（第三条“原则上”：本工具默认读作必须，0 = 关闭）。
  总分并列：本工具默认依次比较目标任务完成分、超目标任务完成分、政策机制分，再按输入顺序（文件未规定），并列会提示。
  Each city puts forward its best county that was not rewarded last year; the province rescores those and proposes
  ⌈slots×(1+margin)⌉ names (第六条（三）; the provincial government's office decides), the best --slots of them the
  suggested places, at least --min-accelerated 加快发展县 (Art. 3 says 原则上: ZG's default reading; 0 switches it off).
  Ties on total: ZG's default order is target, over-target, policy score, then input order (the documents say
  nothing); every tie is reported.

选项 / Options (默认值 / defaults):
  --top 10               第一名得分 / points of rank 1
  --step 0.5             每降一名减少的分数 / points lost per rank
  --floor 0              最低得分 / lowest points of a ranked unit
  --std full|max         标准分（本工具默认，文件只写“折算为标准分”）：full = S/(top×J)×60；max = S/组内最高 S×60
                         standard score (ZG's default; the documents say only 折算为标准分)
  --unassigned exclude|zero
                         目标为 0 或空白（设区市未分配）的指标（本工具的读法，文件未规定）：exclude = 不计入本县的 J；
                         zero = 计入 J、得 0 分 / an indicator given no target (0 or blank; ZG's reading, the documents
                         are silent): exclude = out of the county's own J; zero = in J at 0 points
  --basis ratio|value    排名依据：完成率（完成/目标）或完成值 / rank by completion ratio or by the value itself
  --slots 6              建议激励名额 / the suggested places
  --min-accelerated 1    名额内加快发展县的最少个数（0 = 关闭：建议激励名额内可以没有加快发展县）
                         at least this many 加快发展县 within them (0 = off: the places may hold none)
  --margin 0.2           差额比例（第六条（三）；0.2 为本工具默认，文件未给数值）→ 6 个名额列 8 个名字
                         the margin of Art. 6(3) (0.2 is ZG's default; the documents give none) → 8 names for 6 places
  --json                 在标准输出打印一个 JSON 对象 / print exactly one JSON object
  --out 文件             另存评分结果工作簿（设区市推荐环节、省级部门评送环节、指标明细、选项与规则各占一表）
                         write a results workbook (city stage, province stage, indicator detail, options and rules)
  --force                允许覆盖已存在的 --out 文件 / allow --out to replace an existing file

示例 / Examples:
  zg score assets/samples/sample-completion.xlsx
  zg score assets/samples/sample-completion.xlsx --std max --slots 8 --json
  zg score assets/samples/sample-completion.xlsx --out 评分结果.xlsx
`;

const TEMPLATE = `zg template — 生成模板工作簿 / write a template workbook

用法 / Usage:
  zg template decomposition 输出.xlsx [--city 设区市] [--force]
  zg template self-assessment 输出.xlsx [--city 设区市] [--force]

种类 / Kinds:
  decomposition     不带 --city：浙转升办〔2020〕9号 2020 年关键性量化指标责任分解表（18 项指标 × 11 个设区市，按原文）
                    带 --city：该设区市分解到所辖县（市、区）的模板——“全市目标”列照录9号该市目标，每县一列，
                    含校核公式（普通 Excel 函数，无需加载项）；9号要求各设区市分解并于5月30日前报送
                    without --city: 9号's 2020 table as printed (18 indicators × 11 cities); with --city: that city's
                    decomposition to its counties (全市目标 as printed in 9号, one column per county, plain-Excel
                    check formulas; 9号 asks each city to file it by 30 May)
  self-assessment   自评表（浙转升办〔2020〕2号第六条（二））：各县（市、区）于每年3月份报送上一年度数据及支撑材料；
                    完成情况表（含“支撑材料”列）与县级情况表，列名可直接被 zg score 识别
                    the self-assessment of 2号 Art. 6(2): each county files the previous year's figures and the
                    supporting material in March; its columns (支撑材料 included) are read by zg score as they are

选项 / Options:
  --out 文件    输出文件（也可直接写在种类之后）/ the output file (or give it after the kind)
  --city 名称   decomposition：该市分解到县的模板；self-assessment：只列该市的县（市、区）
                decomposition: the city's template for its counties; self-assessment: only that city's counties
  --force       允许覆盖已存在的文件 / allow replacing an existing file

示例 / Examples:
  zg template decomposition 2020分解表.xlsx
  zg template decomposition 杭州分解到县.xlsx --city 杭州
  zg template self-assessment 丽水自评表.xlsx --city 丽水
`;

const COLLECT = `zg collect — 汇总各县（市、区）自评表 / collect the counties' self-assessments

用法 / Usage:
  zg collect 县1.xlsx 县2.xlsx … --out 全市.xlsx [--city 设区市] [--decomposition 分解表.xlsx] [--prefer 文件] [--json] [--force]

每个文件是一个县（市、区）填好的自评表（zg template self-assessment 生成的模板，或任何 zg score 能读取的表）：
只汇总填了完成值的那个县。逐个文件检查：能否读取、是否本市的县（市、区）、是否重复报送、数值能否读取、
目标是否与设区市分解一致（给出 --decomposition 时）、2020 年各项指标是否齐全（缺项只提示）。
有问题的文件不汇总，并指出文件、工作表和单元格；其余文件照常汇总。输入文件从不被修改。
Each file is one county's filled-in self-assessment (the zg template self-assessment workbook or any table zg score
reads); only the county with actuals filled in is taken. Each file is checked: readable, a county of the city, not
returned twice, values readable, targets as the city allocated them (with --decomposition), the 2020 indicators
present (a missing one is a warning). A file with a problem is not collected, and the problem names its file, sheet
and cell; the other files are collected. The inputs are never modified.

文件可以写成文件夹（取其中全部 .xlsx）或带 * 和 ? 的名称（如 报送/*.xlsx）：zg 自己展开，Windows 的命令提示符和
PowerShell 中同样可用；Excel 的临时文件 ~$… 不计。
A FILE may be a folder (every .xlsx in it) or a name with * and ? (报送/*.xlsx): zg expands them itself, so they work
in Windows' Command Prompt and PowerShell too; Excel's lock files ~$… are left out.

输出 / Output: 完成情况、县 两张表（zg score 直接读取）和 汇总情况 表 / sheets 完成情况 and 县 (read by zg score as
they are) and 汇总情况 (what was collected from where, and the problems).

选项 / Options:
  --out 文件              全市汇总工作簿（必需）/ the city workbook to write (required)
  --city 名称             设区市（默认：多数文件所属的设区市）/ the city (default: the city most files belong to)
  --decomposition 文件    设区市对各县的指标分解表（zg check 能读取），用于核对目标 / the city's decomposition, to check targets
  --prefer 文件           同一县有两个文件时以此文件为准（可多次；默认按工作簿自身的最后保存时间取较晚的一份）
                          / the file to count where a county sent two (repeatable; by default the later by the
                          workbook's own last-saved time)
  --json                  打印一个 JSON 对象 / print exactly one JSON object
  --force                 允许覆盖已存在的 --out 文件 / allow --out to replace an existing file

退出状态 / Exit status: 0 = 已汇总（即使部分文件未汇总）/ collected, even if some files were not; 2 = 参数错误或无可汇总文件
/ bad arguments or nothing to collect.

示例 / Example:
  zg collect 报送/*.xlsx --out 衢州汇总.xlsx --city 衢州 && zg score 衢州汇总.xlsx
  zg collect 报送 --out 衢州汇总.xlsx --city 衢州
`;

const GAP = `zg gap — 差距分析 / gap analysis

用法 / Usage:
  zg gap 文件.xlsx --county 县（市、区） [评分选项] [--margin 0.2] [--json]

设区市推荐环节：本县总分与市内名次、本市推荐对象的总分、相差分数。每项指标：完成值、目标、完成名次与得分，
其他条件不变时超过紧邻其前的县（市、区）所需的完成值（“以下”类指标为可完成的最高值）及届时得分，超目标完成同样给出；
数值按表中填写的单位和小数位（写到 0.01 的数按 0.01 变动）。按每提高目标值 1% 可得的排名分排序。
省级部门评送环节（本县为推荐对象时）：距拟列入督查激励建议名单、距建议激励名额内各差多少分。
City stage: the county's total and rank, the recommended county's total, the points short. Per indicator: actual,
target, rank and points, the actual that passes the next better county with all else unchanged (for an at-most target
the highest such actual) and the points then, for the completion and the over-target measures; figures in the
table's unit, moving by its written decimals. Province stage, where the county is recommended: the points it lacks
for the proposed list and for the suggested places.

选项 / Options: 评分选项同 zg score / the score options of zg score (--top --step --floor --std --basis --slots
--min-accelerated), and
  --county 名称   要分析的县（市、区）（必需）/ the county to analyse (required)
  --margin 0.2    差额比例：拟列入名单人数 = ⌈名额 × (1 + 差额比例)⌉（本工具默认值，文件未规定）
                  the proposed list's margin: list size = ⌈slots × (1 + margin)⌉ (our default; the documents give none)
  --json          打印一个 JSON 对象 / print exactly one JSON object

示例 / Example:
  zg gap 衢州汇总.xlsx --county 江山市
`;

export function helpText(command: CommandName | null): string {
  if (command === "collect") return COLLECT;
  if (command === "gap") return GAP;
  if (command === "check") return CHECK;
  if (command === "score") return SCORE;
  if (command === "template") return TEMPLATE;
  return GENERAL;
}
