/**
 * A workbook the e2e run makes for itself (not a committed sample): 9号's decomposition table with one city's target
 * lowered at random, and a completion table of `counties` county-level units (the 90 of 2020, repeated with numbered
 * names past 90) with random targets and actuals in the ways officials write them (text "10%", a number in a percent
 * format, bare counts under a 单位 column, "万台"), and the county sheet of policy points. Seeded: a failing run can be
 * repeated. The reference data (indicators, cities, counties) comes from the command line's build (dist/cli).
 */
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");

const root = path.join(__dirname, "..", "..");

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the workbook to `file`; returns what was made (the lowered cell, the number of units). */
async function makeWorkbook(file, { seed = 15, counties = 90 } = {}) {
  const ref = require(path.join(root, "dist", "cli", "core", "reference.js"));
  const rnd = seeded(seed);
  const pick = (n) => Math.floor(rnd() * n);
  const wb = new ExcelJS.Workbook();

  // 分解表: 9号's table, one rate target of one city lowered below the province's.
  const d = wb.addWorksheet("分解表");
  const cities = ref.CITY_IDS;
  d.addRow(["关键性量化指标责任分解方案（e2e 生成）"]);
  d.addRow(["序号", "关键性量化指标", "各设区市年度目标任务", ...cities.slice(1).map(() => null), "省级牵头单位"]);
  d.addRow([null, null, ...cities, null]);
  const lowered = { indicator: pick(5), city: pick(cities.length) };
  ref.INDICATORS_2020.forEach((ind, j) => {
    const row = ref.ALLOCATION_2020[j].map((v, c) => {
      if (j === lowered.indicator && c === lowered.city) return `${parseFloat(ind.parentText) - 2}%`;
      return v;
    });
    d.addRow([ind.no, ind.name, ...row, ind.lead]);
  });
  d.mergeCells(1, 1, 1, cities.length + 3);
  d.mergeCells(2, 3, 2, cities.length + 2);

  // 完成情况 and 县: the units, their figures and policy points.
  const units = [];
  for (let i = 0; i < counties; i++) {
    const base = ref.COUNTIES_2020[i % ref.COUNTIES_2020.length];
    units.push({ name: i < ref.COUNTIES_2020.length ? base.name : `${base.name.slice(0, -1)}${Math.floor(i / ref.COUNTIES_2020.length) + 1}${base.name.slice(-1)}`, city: `${base.city}市` });
  }
  const c = wb.addWorksheet("完成情况");
  c.addRow(["设区市", "县（市、区）", "指标", "单位", "目标", "完成"]);
  for (const u of units) {
    for (const ind of ref.INDICATORS_2020) {
      if (ind.no === 7) continue; // cumulative: left out, as many cities' tables do
      let target;
      let actual;
      let format = null;
      if (ind.kind === "rate") {
        const t = parseFloat(ind.parentText);
        target = `${t}%`;
        const a = Math.round((t * (0.7 + rnd() * 0.7)) * 10) / 10;
        if (pick(2) === 0) {
          actual = Math.round(a * 10) / 1000;
          format = "0.0%";
        } else actual = `${a.toFixed(1)}%`;
      } else {
        const t = 20 + pick(400);
        target = t;
        actual = Math.round(t * (0.6 + rnd() * 0.9));
      }
      const row = c.addRow([u.city, u.name, ind.name, ind.kind === "rate" ? "%" : ind.displayUnit === "亿元" ? "万元" : ind.displayUnit.replace(/^万/, ""), target, actual]);
      if (format) row.getCell(6).numFmt = format;
    }
  }
  const k = wb.addWorksheet("县");
  k.addRow(["县（市、区）", "设区市", "实施方案", "年度工作要点", "配套政策", "工作机制", "省级试点", "批示或典型发言", "上年度已获激励"]);
  const yn = () => (rnd() < 0.8 ? "是" : "否");
  for (const u of units) k.addRow([u.name, u.city, yn(), yn(), yn(), yn(), rnd() < 0.2 ? "是" : "否", pick(4), rnd() < 0.1 ? "是" : "否"]);
  await wb.xlsx.writeFile(file);
  return { lowered: { indicator: ref.INDICATORS_2020[lowered.indicator].name, city: cities[lowered.city] }, counties };
}

module.exports = { makeWorkbook };
