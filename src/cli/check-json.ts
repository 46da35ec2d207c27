/** `zg check --json`'s shape (cli.md) and the words of its kinds and verdicts, shared by the table and --out. */
import type { CheckResult, Msg, SheetCheck, ZgIssue } from "../core/types";

/** One result exactly as cli.md's JSON lists it. */
export interface CheckJsonResult {
  indicator: string;
  kind: CheckResult["kind"];
  unit: string | null;
  parent: number | null;
  childrenTotal: number | null;
  gap: number | null;
  status: CheckResult["status"];
  short: string[];
  reason: Msg | null;
}

export interface CheckJson {
  file: string;
  sheet: string;
  results: CheckJsonResult[];
  warnings: ZgIssue[];
}

export function toJson(file: string, checked: SheetCheck): CheckJson {
  return {
    file,
    sheet: checked.sheet,
    results: checked.results.map((r) => ({
      indicator: r.indicator,
      kind: r.kind,
      unit: r.unit,
      parent: r.parent,
      childrenTotal: r.childrenTotal,
      gap: r.gap,
      status: r.status,
      short: r.short,
      reason: r.reason,
    })),
    warnings: checked.issues.filter((i) => i.severity === "warning"),
  };
}

export const KIND: Record<CheckResult["kind"], string> = { total: "总量", rate: "比率", cumulative: "累计" };
export const STATUS: Record<CheckResult["status"], string> = { ok: "达标", short: "未达标", unchecked: "无法校核" };

