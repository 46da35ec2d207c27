/** Every string the task pane shows, Chinese first, in ONE table. */
import { type Lang, inLang } from "../core/lang";
import type { Msg, ScoreOptions } from "../core/types";
import { inWrittenUnit, unitPower } from "../core/display";

export const STRINGS = {
  // Short enough for one line beside the tools at Excel's default 350 px pane.
  appTitle: { zh: "ZG 传统制造业改造提升", en: "ZG Manufacturing Upgrade" },
  appSubtitle: { zh: "指标分解校核 · 督查激励评分", en: "Allocation checks · incentive scoring" },
  switchLanguage: { zh: "English", en: "中文" },
  switchLanguageLabel: { zh: "切换到英文", en: "Switch to Chinese" },
  darkTheme: { zh: "深色", en: "Dark" },
  tabCheck: { zh: "分解校核", en: "Check" },
  tabScore: { zh: "评分", en: "Score" },
  tabSelect: { zh: "推荐与建议名单", en: "Proposed list" },
  tabTemplates: { zh: "模板", en: "Templates" },
  working: { zh: "正在处理…", en: "Working…" },
  close: { zh: "关闭", en: "Close" },
  cancel: { zh: "取消", en: "Cancel" },
  replace: { zh: "替换", en: "Replace" },
  keepBoth: { zh: "另建新表", en: "Keep both" },
  goToCell: { zh: "定位", en: "Go to" },

  // ── check ──
  checkIntro: {
    zh: "选中分解表中任一单元格（或在下方填写区域），校核各下级地区分解目标之和是否达到上级目标（浙转升办〔2020〕9号）。",
    en: "Select any cell of a decomposition table (or type a range below) to check that the children's targets add up to the parent target.",
  },
  rangeLabel: { zh: "区域（留空 = 选区所在的表格）", en: "Range (empty = the table around the selection)" },
  rangePlaceholder: { zh: "例如 分解表!A1:N22", en: "e.g. Sheet1!A1:N22" },
  runCheck: { zh: "校核", en: "Check" },
  markShortfalls: { zh: "在表中标记未达标处", en: "Mark shortfalls in the table" },
  clearMarks: { zh: "清除标记", en: "Clear marks" },
  writeReport: { zh: "写入校核报告表", en: "Write report sheet" },
  marksCleared: { zh: "已清除 {n} 组标记，原有格式不变。", en: "Marks removed ({n} groups); your own formatting is unchanged." },
  marked: { zh: "已在表中标记 {n} 个单元格（条件格式，可一键清除）。", en: "Marked {n} cells (conditional formats, removable in one click)." },
  reportWritten: { zh: "校核报告已写入工作表“{sheet}”。", en: "Report written to sheet {sheet}." },
  noTable: { zh: "没有找到分解表", en: "No decomposition table found" },
  tableFound: { zh: "工作表“{sheet}” {region}：{n} 项指标，{m} 个下级地区（{orientation}）", en: "Sheet {sheet} {region}: {n} indicators, {m} units ({orientation})" },
  orientationRows: { zh: "指标按行", en: "indicators as rows" },
  orientationColumns: { zh: "指标按列", en: "indicators as columns" },
  summaryOk: { zh: "达标 {n}", en: "{n} met" },
  summaryShort: { zh: "未达标 {n}", en: "{n} short" },
  summaryUnchecked: { zh: "无法校核 {n}", en: "{n} unchecked" },
  colIndicator: { zh: "指标", en: "Indicator" },
  colParent: { zh: "上级目标", en: "Parent" },
  colChildren: { zh: "下级地区合计", en: "Children" },
  colGap: { zh: "差额", en: "Gap" },
  colStatus: { zh: "结论", en: "Verdict" },
  statusOk: { zh: "达标", en: "Met" },
  statusShort: { zh: "未达标", en: "Short" },
  statusUnchecked: { zh: "无法校核", en: "Unchecked" },
  kindTotal: { zh: "总量", en: "total" },
  kindRate: { zh: "比率", en: "rate" },
  kindCumulative: { zh: "累计", en: "cumulative" },
  shortChildren: { zh: "低于目标的地区：{list}", en: "Below the target: {list}" },
  totalShort: { zh: "分解合计比上级目标少 {gap}", en: "The children add up to {gap} less than the parent" },
  issuesTitle: { zh: "需要注意的单元格（{n}）", en: "Cells to look at ({n})" },

  // ── score ──
  scoreIntro: {
    zh: "在完成情况表上按浙转升办〔2020〕2号第五条评分：识别列，确认或更正对应关系，设置参数，写出带实时公式的评分结果表。",
    en: "Score the completion table by 浙转升办〔2020〕2号, Art. 5: recognise the columns, confirm or correct them, set the options, then write a results sheet of live formulas.",
  },
  completionSheet: { zh: "完成情况表", en: "Completion sheet" },
  countySheet: { zh: "县级情况表（政策机制）", en: "County sheet (policy items)" },
  noneOption: { zh: "（无）", en: "(none)" },
  ignoreColumn: { zh: "（不使用）", en: "(not used)" },
  mappingTitle: { zh: "列对应关系（第 {row} 行为表头）", en: "Column mapping (header in row {row})" },
  mappingMissing: { zh: "缺少必需的列：{list}", en: "Required columns missing: {list}" },
  optionsTitle: { zh: "评分参数（浙转升办〔2020〕2号第五条、第三条、第六条）", en: "Options (浙转升办〔2020〕2号, Arts. 5, 3 and 6)" },
  optTop: { zh: "第一名得分", en: "Top points" },
  optStep: { zh: "每名递减", en: "Step" },
  optFloor: { zh: "最低得分", en: "Floor" },
  optStd: { zh: "标准分折算（本工具默认，文件只写“折算为标准分”）", en: "Standard score (ZG's default; the documents say only 折算为标准分)" },
  optStdFull: { zh: "满分折算 S÷({top}×J)", en: "full: S÷({top}×J)" },
  optStdMax: { zh: "最高分折算 S/max", en: "max: S/max" },
  optBasis: { zh: "完成度", en: "Completion basis" },
  optBasisRatio: { zh: "完成率 A/T", en: "ratio A/T" },
  optBasisValue: { zh: "完成值 A", en: "value A" },
  optSlots: { zh: "建议激励名额", en: "Suggested places" },
  optMinAccelerated: { zh: "名额内加快发展县至少（原则上，0 = 不适用）", en: "加快发展县 within the places, at least (原则上; 0 = off)" },
  optMargin: { zh: "差额比例（本工具默认 0.2）", en: "Margin (ZG's default 0.2)" },
  optUnassigned: { zh: "目标为 0 或空白的指标（本工具的读法，文件未规定）", en: "Indicators given no target, 0 or blank (ZG's reading; the documents are silent)" },
  optUnassignedExclude: { zh: "不计入本县的 J（默认）", en: "exclude: out of the county's own J (default)" },
  optUnassignedZero: { zh: "计入 J，得 0 分", en: "zero: in J at 0 points" },
  optNoAccelerated: { zh: "为 0 时建议激励名额内可能没有加快发展县", en: "At 0 the suggested places may hold no 加快发展县" },
  runScore: { zh: "评分", en: "Score" },
  writeScoreSheet: { zh: "写入评分结果表（实时公式）", en: "Write results sheet (live formulas)" },
  scoreWritten: { zh: "评分结果已写入工作表“{sheet}”，公式引用原数据，修改数据后自动重算。", en: "Results written to sheet {sheet}; its formulas refer to your data and recalculate when it changes." },
  cityStage: { zh: "设区市推荐环节", en: "City stage" },
  provinceStage: { zh: "省级部门评送环节", en: "Province stage" },
  colCounty: { zh: "县（市、区）", en: "County" },
  colCity: { zh: "设区市", en: "City" },
  colTargetScore: { zh: "目标任务完成分", en: "Target" },
  colOverScore: { zh: "超目标任务完成分", en: "Over" },
  colPolicyScore: { zh: "政策机制分", en: "Policy" },
  colTotal: { zh: "总分", en: "Total" },
  colRank: { zh: "名次", en: "Rank" },
  recommended: { zh: "推荐", en: "Recommended" },
  selected: { zh: "建议激励名额内", en: "Within the places" },
  proposed: { zh: "拟列入督查激励建议名单", en: "Proposed list" },
  byMargin: { zh: "差额", en: "margin" },
  accelerated: { zh: "加快发展县", en: "Accelerated" },
  warningsTitle: { zh: "提示（{n}）", en: "Warnings ({n})" },
  scoreFirst: { zh: "请先在“评分”页完成评分。", en: "Score first on the Score tab." },
  countiesRead: { zh: "读取 {n} 个县（市、区），{m} 个设区市。", en: "Read {n|county|counties} in {m|city|cities}." },

  // ── select ──
  selectIntro: {
    zh: "各设区市择优推荐1个县（市、区）（浙转升办〔2020〕2号第六条（二））；省级部门对推荐县综合评分，按差额比例形成拟列入督查激励建议名单，报省政府办公厅确定（第六条（三））。“建议激励名额内”是本工具按总分和第三条给出的建议，不是决定。",
    en: "Each city recommends its best county (浙转升办〔2020〕2号, Art. 6(2)); the province scores those and sends a proposed list, longer than the places by a margin, to the provincial government's office, which decides (Art. 6(3)). 'Within the places' is ZG's suggestion by total and Art. 3, not a decision.",
  },
  cityRecommendations: { zh: "各设区市推荐（{n} 个设区市）", en: "Each city's recommendation ({n|city|cities})" },
  provinceShortlist: { zh: "拟列入督查激励建议名单（{n} 个，其中建议激励名额内 {m} 个）", en: "Proposed list ({n|name|names}, {m} within the suggested places)" },
  notProposed: { zh: "其余推荐县（{n} 个）", en: "The other recommended counties ({n})" },
  noRecommendation: { zh: "无可推荐的县", en: "no county to recommend" },

  // ── templates ──
  templatesIntro: { zh: "在新工作表中插入模板，不改动现有工作表。", en: "Insert templates on new sheets; existing sheets are left alone." },
  insertDecomposition: { zh: "插入2020年分解方案（浙转升办〔2020〕9号）", en: "Insert the 2020 allocation (浙转升办〔2020〕9号)" },
  insertDecompositionHint: { zh: "9号文件附件：18项关键性量化指标分解到11个设区市，照原文录入。", en: "Document No. 9's attachment: 18 indicators allocated to the 11 cities, as printed." },
  cityForCounties: { zh: "设区市", en: "City" },
  insertCityDecomposition: { zh: "插入设区市分解到县模板（9号文件）", en: "Insert a city's decomposition to its counties (document No. 9)" },
  insertCityDecompositionHint: {
    zh: "浙转升办〔2020〕9号要求各设区市将目标细化分解到所辖县（市、区），5月30日前上报备案：“全市目标”照录9号，每县一列，校核公式为普通 Excel 函数，无需加载项。",
    en: "浙转升办〔2020〕9号 asks each city to decompose its targets to its counties and file the plan by 30 May: 全市目标 as printed in 9号, one column per county, check formulas in plain Excel (no add-in needed).",
  },
  insertSelfAssessment: { zh: "插入县（市、区）自评模板", en: "Insert the county self-assessment template" },
  insertSelfAssessmentHint: {
    zh: "浙转升办〔2020〕2号第六条（二）：每年3月份填报上一年度关键性量化指标完成情况及支撑材料。完成情况（含“支撑材料”列）、县级情况、指标、说明四张表，含下拉选择与数据验证。",
    en: "浙转升办〔2020〕2号 Art. 6(2): filed in March with the previous year's figures and the supporting material. Four sheets (completion with a 支撑材料 column, county, indicators, guide) with drop-downs and data validation.",
  },
  cityFilter: { zh: "只含某设区市（可选）", en: "Only one city (optional)" },
  allCities: { zh: "全部设区市", en: "All cities" },
  inserted: { zh: "已插入：{list}", en: "Inserted: {list}" },

  // ── explain ──
  explainTitle: { zh: "计算过程与依据", en: "How this number is calculated" },
  explainRule: { zh: "规则", en: "Rule" },
  explainArticle: { zh: "依据", en: "Source" },
  confirmReplaceTitle: { zh: "替换工作表？", en: "Replace the sheet?" },
  confirmReplaceBody: { zh: "工作表“{name}”是本加载项之前写入的。替换它，还是另建一张新表？", en: "Sheet {name} was written by this add-in earlier. Replace it, or keep it and write a new sheet?" },
  // Worksheet.delete does not support undo: "If you call an unsupported API in your add-in, the user's undo
  // stack is cleared starting from that API call" ("Undo capabilities with the Excel JavaScript API").
  // Shown in both languages whatever the pane's language, before the user agrees.
  undoWarning: {
    zh: "注意：替换会删除原来的工作表。Excel 不能撤销删除工作表，此前的所有撤销记录也会被清空（无法再用“撤销”退回替换之前的操作）。如需保留，请选“另建新表”。",
    en: "Note: replacing deletes the old sheet. Excel cannot undo deleting a sheet, and your undo history up to this point is cleared (Undo can no longer go back past the replacement). To keep it, choose Keep both.",
  },
  errorTitle: { zh: "操作未能完成", en: "Something went wrong" },

  // ── city round: 汇总 and 差距分析 (src/taskpane/city/) ──
  tabCity: { zh: "汇总与差距", en: "City round" },
  collectTitle: { zh: "汇总各县（市、区）自评表", en: "Collect the counties' self-assessments" },
  collectIntro: {
    zh: "选择各县（市、区）报送的自评表（.xlsx，每个文件一个县）。ZG 在浏览器中读取并逐个检查，把本市的完成情况表和县级情况表写入当前工作簿的新工作表（不改动您原有的表），随后即可评分（浙转升办〔2020〕2号 第六条（二））。",
    en: "Choose the self-assessment workbooks the counties returned (.xlsx, one county per file). ZG reads them here, checks each, and writes the city's completion sheet and county sheet into this workbook as new sheets (yours are never changed); then score them (No. 2 of 2020, Art. 6(2)).",
  },
  collectFiles: { zh: "选择文件", en: "Choose files" },
  collectCity: { zh: "设区市", en: "City" },
  collectCityAuto: { zh: "（按文件自动判断）", en: "(from the files)" },
  collectDecomposition: { zh: "设区市分解表（核对目标，可选）", en: "City's decomposition (to check targets, optional)" },
  collectNoDecomposition: { zh: "工作表“{sheet}”中没有找到指标分解表", en: "No decomposition table found on sheet {sheet}" },
  runCollect: { zh: "汇总并写入", en: "Collect and write" },
  collectChosen: { zh: "已选 {n} 个文件", en: "{n} files chosen" },
  collectOk: { zh: "已汇总", en: "collected" },
  collectRejected: { zh: "未汇总", en: "not collected" },
  collectRows: { zh: "{n} 行", en: "{n} rows" },
  collectMissing: { zh: "未报送：{list}", en: "Not returned: {list}" },
  collectWritten: { zh: "已写入工作表“{sheets}”，并已按默认选项评分；可在“评分”页调整选项后重新评分。", en: "Written to sheets {sheets} and scored with the default options; adjust the options on the Score tab and score again." },
  collectNothing: { zh: "没有可汇总的自评表，未写入任何工作表。", en: "No self-assessment could be collected; nothing was written." },
  collectTooBig: { zh: "文件超过 {mb} MB 上限，未读取", en: "the file is over the {mb} MB limit; not read" },
  gapTitle: { zh: "差距分析", en: "Gap analysis" },
  gapIntro: {
    zh: "选择评分结果中的任一县（市、区），查看它在设区市推荐环节与本市推荐对象相差多少分，以及每项指标超过紧邻其前的县所需的完成值（按表中单位和小数位，其他条件不变）。",
    en: "Choose any county of the score results to see how far it is from its city's recommended county, and per indicator the actual that passes the next better county (in the table's unit and decimals, all else unchanged).",
  },
  gapCounty: { zh: "县（市、区）", en: "County" },
  gapChoose: { zh: "请选择", en: "Choose" },
  gapCityStage: { zh: "设区市推荐环节：总分 {total}，市内第 {rank} 名；", en: "City stage: total {total}, rank {rank} in its city;" },
  gapTieLost: {
    zh: "与本市推荐的 {county} 总分相同，依次比较目标任务完成分、超目标任务完成分、政策机制分后未被推荐（本工具对并列的处理，文件未规定）。",
    en: "level on total with {county}, whom the city recommends after comparing the target, over-target and policy scores in turn (our tie rule; the documents give none).",
  },
  gapRecommended: { zh: "本县为本市推荐对象。", en: "Recommended by its city." },
  gapShort: { zh: "本市推荐 {county}（总分 {total}），相差 {short} 分。", en: "The city recommends {county} (total {total}): {short} points short." },
  gapNobody: { zh: "本市没有可推荐的县（市、区）。", en: "The city has nobody to recommend." },
  gapProvince: { zh: "省级部门评送环节：全省第 {rank} 名，总分 {total}", en: "Province stage: rank {rank}, total {total}" },
  gapList: { zh: "拟列入督查激励建议名单（{n} 名）：{answer}", en: "Proposed list ({n|name|names}): {answer}" },
  gapPlaces: { zh: "建议激励名额内（{n} 个）：{answer}", en: "Within the suggested places ({n}): {answer}" },
  gapIn: { zh: "是", en: "yes" },
  gapOut: { zh: "否，相差 {short} 分（达到 {bar} 即可）", en: "no, {short} points short (reaching {bar} is enough)" },
  gapOutPass: { zh: "否，相差 {short} 分，且须高于 {bar}", en: "no, {short} points short, and it must pass {bar}" },
  gapOutNever: { zh: "否，提高总分也无法列入（加快发展县规则保留的位置）", en: "no; no total would do (a place the 加快发展县 rule keeps)" },
  gapPreviousWinner: {
    zh: "本县上年度已获督查激励，按第六条（二）不再重复推荐，与总分无关；本市推荐 {county}（总分 {total}）。",
    en: "Received the incentive last year, so not recommended again whatever its total (Art. 6(2)); the city recommends {county} (total {total}).",
  },
  gapIndicator: { zh: "指标", en: "Indicator" },
  gapRank: { zh: "完成名次", en: "Rank" },
  gapNext: { zh: "超过上一名需完成（得分）", en: "To pass the next (points)" },
  gapOver: { zh: "超目标：名次；超过上一名需完成（得分）", en: "Over target: rank; to pass the next (points)" },
  gapFigures: { zh: "完成 {actual} / 目标 {target}", en: "actual {actual} / target {target}" },
  gapNote: {
    zh: "按每提高目标值 1% 可得的排名分排序。“以下”类指标给出可完成的最高值。与上一名恰好并列时同名次、同分（第五条（一））。",
    en: "Ordered by rank points per 1% of target gained. For an at-most target the highest actual that passes is given. Drawing level shares the rank and points (Art. 5(1)).",
  },
  gapLevel: { zh: "并列需 {x}", en: "level at {x}" },
  // ── the browser page (src/preview): opening and saving a workbook file; nothing leaves the computer ──
  pageOpen: { zh: "打开工作簿…", en: "Open workbook…" },
  pageSample: { zh: "载入示例", en: "Load the sample" },
  pageDownload: { zh: "下载工作簿", en: "Download workbook" },
  pageDrop: { zh: "也可把 .xlsx 文件拖到此页面。文件只在本机浏览器中处理，不会上传。", en: "Or drop an .xlsx file on this page. It is processed in this browser only, never uploaded." },
  pageOpened: { zh: "已打开“{file}”（{n} 个工作表）。", en: "Opened {file} ({n} sheets)." },
  pageSampleShown: { zh: "正在使用示例工作簿。", en: "Working on the sample workbook." },
  pageSaved: { zh: "已下载“{file}”：原文件未改动，ZG 写入的工作表和标记已保存在新文件中。", en: "Downloaded {file}: the original file is unchanged; what ZG wrote is in the new file." },
  pageNotXlsx: { zh: "文件“{file}”不是 .xlsx 工作簿（请在 Excel 或 WPS 中另存为 .xlsx 格式）", en: "{file} is not an .xlsx workbook (save it as .xlsx in Excel or WPS first)" },
  pageSaveFailed: { zh: "无法保存工作簿：{why}", en: "The workbook cannot be saved: {why}" },
  // ── the pane in use: fresh reads, stale results, option checks, hints ──
  colon: { zh: "：", en: ": " },
  rereadWorkbook: { zh: "重新读取工作簿并识别列", en: "Re-read workbook and columns" },
  staleResults: { zh: "参数或表格已更改：下面是上次评分的结果，请重新评分。", en: "Options or tables changed: the results below are from the last run; score again." },
  clickHint: { zh: "点击任一数字可查看其计算过程与依据。", en: "Click any number to see how it was calculated and why." },
  warningsSummary: { zh: "提示 {n} 条（如缺少完成值）", en: "{n} warnings (missing actuals and the like)" },
  previousWinnerTag: { zh: "上年度已获激励", en: "Previous winner" },
  notRecommendedTag: { zh: "未推荐", en: "Not recommended" },
  optNotNumber: { zh: "请填写数字", en: "Enter a number" },
  optAmbiguousComma: { zh: "这里的逗号可能是小数点，也可能是千位分隔符：请用小数点书写（如 0.5）", en: "The comma could be a decimal point or a thousands separator: write it with a point (0.5)" },
  optTopInvalid: { zh: "第一名得分须大于 0", en: "Top points must be above 0" },
  optStepInvalid: { zh: "每名递减不能小于 0", en: "Step cannot be below 0" },
  optFloorInvalid: { zh: "最低得分须在 0 到第一名得分（{top}）之间", en: "Floor must be from 0 to the top points ({top})" },
  optSlotsInvalid: { zh: "建议激励名额须为不小于 1 的整数", en: "Suggested places must be a whole number, 1 or more" },
  optMinAcceleratedInvalid: { zh: "名额内加快发展县至少须为 0 到建议激励名额（{slots}）之间的整数", en: "加快发展县 within the places must be a whole number from 0 to the suggested places ({slots})" },
  help: { zh: "帮助", en: "Help" },
  flagsTitle: { zh: "加快发展县 {a} 个、上年度已获激励 {p} 个（可勾选）", en: "{a} accelerated, {p} previous winners (tick to change)" },
  flagsIntro: {
    zh: "默认取县级情况表中的列，没有该列时取2020年26个加快发展县名单。勾选只影响下一次评分；需要时可写回县级情况表。",
    en: "Defaults come from the county sheet's columns, else the 2020 list of 26 accelerated counties. A tick changes the next run only; write it back to the county sheet when you want.",
  },
  flagAccelerated: { zh: "加快发展县", en: "Accelerated" },
  flagPrevious: { zh: "上年度已获激励", en: "Previous winner" },
  flagsWriteBack: { zh: "写回县级情况表", en: "Write back to the county sheet" },
  flagsWriteBackBody: {
    zh: "将把每个县的“加快发展县”“上年度已获激励”两列写成“是/否”（表中没有的列加在表头最右侧）。这会改动您的工作表，Excel 不能撤销加载项的写入。",
    en: "Each county's 加快发展县 and 上年度已获激励 cells will be set to 是/否 (columns the sheet lacks are added after its last header). This changes your sheet, and Excel cannot undo an add-in's writes.",
  },
  flagsWriteBackYes: { zh: "写回", en: "Write back" },
  flagsWritten: { zh: "已写回工作表“{sheet}”的 {n} 个单元格。", en: "{n} cells written back to sheet {sheet}." },
  flagsReset: { zh: "恢复默认", en: "Reset" },
  writeDistributable: { zh: "生成可分发副本", en: "Make a copy to send" },
  distributableWritten: { zh: "可分发副本已写入工作表“{sheet}”：只含数值和普通公式，无需本加载项，可在 WPS 表格中打开。", en: "Copy written to sheet {sheet}: values and plain formulas only, so it opens without the add-in (and in WPS)." },
  ourSheetsTitle: { zh: "本加载项写入的工作表", en: "Sheets this add-in wrote" },
  ourSheetsIntro: { zh: "Excel 不能撤销加载项的写入；需要时可在此删除本加载项写入的工作表（您自己的工作表不会列出，也不会被删除）。", en: "Excel cannot undo an add-in's writes; remove a sheet this add-in wrote here (your own sheets are never listed or removed)." },
  ourSheetsList: { zh: "列出", en: "List them" },
  ourSheetsNone: { zh: "没有本加载项写入的工作表。", en: "No sheet written by this add-in." },
  removeSheet: { zh: "删除", en: "Remove" },
  removeSheetLabel: { zh: "删除工作表“{sheet}”", en: "Remove sheet {sheet}" },
  removeSheetTitle: { zh: "删除工作表？", en: "Remove the sheet?" },
  removeSheetBody: { zh: "删除本加载项写入的工作表“{sheet}”？", en: "Remove sheet {sheet}, written by this add-in?" },
  removeUndoWarning: { zh: "Excel 不能撤销删除工作表，此前的所有撤销记录也会被清空。", en: "Excel cannot undo removing a sheet, and your undo history up to this point is cleared." },
  sheetRemoved: { zh: "已删除工作表“{sheet}”。", en: "Sheet {sheet} removed." },
  helpLabel: { zh: "打开本页签的使用说明（新窗口）", en: "Open this tab's guide (new window)" },
  optMarginInvalid: { zh: "差额比例须在 0 到 {max} 之间", en: "The margin must be from 0 to {max}" },
  optionsInvalid: { zh: "请先更正标红的评分参数。", en: "Correct the options marked in red first." },
} satisfies Record<string, Msg>;

export type StringKey = keyof typeof STRINGS;

/** The string for `key` in `lang`, with {name} placeholders filled. */
export function tr(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const s = STRINGS[key][lang];
  // {n|name|names}: the count with its noun in the right number, so English never says "1 names".
  return s
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, k: string, one: string, many: string) => (k in vars ? `${vars[k]} ${vars[k] === 1 ? one : many}` : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A message from the engine in the pane's language. */
export function say(lang: Lang, m: Msg): string {
  return inLang(m, lang);
}

/** A number for display: at most 2 decimals (the engine never rounds; display does, rules.md §5). */
export function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** A score for a table column: always two decimals, so the column lines up (rules.md §5: display rounds to 2). */
export function fmtScore(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : (Math.round(x * 100) / 100).toFixed(2);
}

/**
 * A quantity in base units shown in the unit the table wrote it in (`display`: 亿元, 万吨), else in the base unit
 * with its separators; rates as percentages.
 */
export function fmtQuantity(x: number | null | undefined, unit: string | null, display?: string | null): string {
  if (x === null || x === undefined) return "—";
  if (unit === "%") return `${fmt(x * 100)}%`;
  if (display && display !== unit && unitPower(display, unit) !== null) return inWrittenUnit(x, unit, display);
  return `${fmt(x)}${unit ?? ""}`;
}

/** The words of the score results sheet the pane writes (scoreSheet.ts), in both languages. */
export const SCORE_SHEET = {
  zh: {
    title: "督查激励评分结果（浙转升办〔2020〕2号第五条、第六条）",
    note: "本表公式引用原始数据，修改目标或完成值后自动重算，推荐、拟列入督查激励建议名单随之更新；省级部门评送环节列出的是写入时各设区市推荐的县。名单报省政府办公厅确定（第六条（三）），“建议激励名额内”是本工具的建议。",
    options: "参数",
    /** The options in words (浙转升办〔2020〕2号's terms), never as code such as top=10. */
    optionWords: (o: ScoreOptions, listSize: number): string =>
      `第一名得分 ${o.top}，名次递减 ${o.step}，最低得分 ${o.floor}；标准分${o.std === "full" ? `按满分折算：S ÷ (${o.top} × J) × 60` : "按组内最高分折算：S ÷ 组内最高 S × 60"}（本工具默认，文件只写“折算为标准分”）；目标为 0 或空白的指标${o.unassigned === "exclude" ? "不计入该县的 J" : "计入 J、得 0 分"}（本工具的读法，文件未规定）；完成度${o.basis === "ratio" ? "按完成率（完成值 ÷ 目标值）" : "按完成值"}；建议激励名额 ${o.slots} 个，${o.minAccelerated === 0 ? "已关闭第三条加快发展县要求，建议激励名额内可能没有加快发展县" : `其中加快发展县至少 ${o.minAccelerated} 个（第三条“原则上”，本工具默认读作必须）`}；差额比例 ${o.margin}（本工具默认 0.2，文件未给数值），拟列入督查激励建议名单 ${listSize} 个；总分并列时依次比较目标任务完成分、超目标任务完成分、政策机制分，再按输入顺序（本工具默认，文件未规定）`,
    city: "一、设区市推荐环节",
    province: "二、省级部门评送环节",
    choose: "三、各设区市推荐与拟列入督查激励建议名单（第六条（二）、（三），第三条；实时公式）",
    cityDetail: "四、指标明细（设区市推荐环节）",
    provinceDetail: "五、指标明细（省级部门评送环节）",
    headCity: ["设区市", "县（市、区）", "目标任务完成排名分合计S", "超目标任务完成排名分合计O", "指标数J", "目标任务完成分", "超目标任务完成分", "政策机制分", "总分", "市内名次", "推荐", "上年度已获激励"],
    headProvince: ["设区市", "县（市、区）", "目标任务完成排名分合计S", "超目标任务完成排名分合计O", "指标数J", "目标任务完成分", "超目标任务完成分", "政策机制分", "总分", "省级名次", "加快发展县", "建议激励名额内", "拟列入督查激励建议名单"],
    headDetail: ["设区市", "县（市、区）", "指标", "目标", "完成", "完成度", "超目标幅度", "分组", "完成排名分", "超目标排名分"],
    headPDetail: ["县（市、区）", "指标", "完成度", "超目标幅度", "完成排名分", "超目标排名分"],
    yes: "是",
    no: "否",
    headRecommend: ["设区市", "推荐县（市、区）", "理由"],
    headShortlist: ["拟列入督查激励建议名单（先列建议激励名额内，再列差额）", "理由"],
    chart: "省级部门评送环节总分",
  },
  en: {
    title: "Incentive scores (浙转升办〔2020〕2号, Articles 5 and 6)",
    note: "The formulas refer to your data: edit a target or an actual and the scores, recommendations and proposed list recalculate; the province stage lists the counties recommended when the sheet was written. The list goes to the provincial government's office, which decides (Art. 6(3)); the places marked within are ZG's suggestion.",
    options: "Options",
    optionWords: (o: ScoreOptions, listSize: number): string =>
      `rank 1 gets ${o.top} points, ${o.step} less per rank, at least ${o.floor}; standard score ${o.std === "full" ? `against full marks: S ÷ (${o.top} × J) × 60` : "against the group's highest: S ÷ highest S × 60"} (ZG's default; the documents say only 折算为标准分); indicators given no target (0 or blank) ${o.unassigned === "exclude" ? "leave the county's own J" : "stay in J at 0 points"} (ZG's reading; the documents are silent); completion ${o.basis === "ratio" ? "as actual ÷ target" : "as the actual itself"}; ${o.slots} suggested places, ${o.minAccelerated === 0 ? "the 加快发展县 rule of Art. 3 off, so they may hold none" : `at least ${o.minAccelerated} of them 加快发展县 (Art. 3 says 原则上; ZG's default reading)`}; margin ${o.margin} (ZG's default 0.2; the documents give no figure), so ${listSize} names on the proposed list; ties on total by target, over-target, policy score, then input order (ZG's default; the documents say nothing)`,
    city: "1. City stage",
    province: "2. Province stage",
    choose: "3. Each city's recommendation and the proposed list (Art. 6(2), 6(3), Art. 3; live formulas)",
    cityDetail: "4. Indicators, city stage",
    provinceDetail: "5. Indicators, province stage",
    headCity: ["City", "County", "Completion points S", "Over-target points O", "Indicators J", "Target score", "Over-target score", "Policy score", "Total", "Rank in city", "Recommended", "Previous winner"],
    headProvince: ["City", "County", "Completion points S", "Over-target points O", "Indicators J", "Target score", "Over-target score", "Policy score", "Total", "Rank", "Accelerated", "Within the places", "Proposed list"],
    headDetail: ["City", "County", "Indicator", "Target", "Actual", "Completion", "Over target", "Group", "Completion points", "Over points"],
    headPDetail: ["County", "Indicator", "Completion", "Over target", "Completion points", "Over points"],
    yes: "Yes",
    no: "No",
    headRecommend: ["City", "Recommended county", "Reason"],
    headShortlist: ["Proposed list (the places first, then the margin's names)", "Reason"],
    chart: "Province-stage totals",
  },
};
