/**
 * The two documents ZG implements, named once: every user-facing text cites them by these numbers and their
 * articles (浙转升办〔2020〕2号 第五条（一）), never by a file of ours. Kept apart from reference.ts so the
 * message catalogue can cite them without an import cycle.
 */
export const DOC_2 = Object.freeze({
  number: "浙转升办〔2020〕2号",
  title: "传统制造业改造提升工作督查激励配套实施办法",
  en: "Zhe Zhuan Sheng Ban [2020] No. 2: Implementing Measures for Supervision Incentives of Traditional Manufacturing Upgrading",
});

export const DOC_9 = Object.freeze({
  number: "浙转升办〔2020〕9号",
  title: "加快传统制造业改造提升行动计划2020年关键性量化指标责任分解方案",
  en: "Zhe Zhuan Sheng Ban [2020] No. 9: Allocation of the 2020 Key Quantitative Indicators of the Action Plan for Accelerating Traditional Manufacturing Upgrading",
});
