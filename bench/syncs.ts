/**
 * context.sync() round trips of each task-pane operation, on a small table and on one 50× larger, over the
 * office-addin-mock fake Excel the adapter tests use. None may grow with the table; each stays within its
 * budget: 3, except two operations that need a fourth round trip to keep a documented Excel contract.
 */
import { countSyncs, type CountedOp } from "../test/excel/sync-count";
import type { Measurement } from "./measure";

const OPERATIONS: readonly CountedOp[] = ["getSelectionSheet", "readSheet", "writeSheet", "replaceSheet", "markCells", "clearMarks", "insertTemplates"];

/**
 * Budgets per operation. clearMarks: the sheets, their formats' types, the rules of the custom ones (a rule
 * can only be read off a custom format: ConditionalFormat.custom, and OfficeDev/office-js#2180), the
 * deletes — it recognises our marks by their rule because a format's id is only its priority.
 * replaceSheet: the new sheet is written whole under a temporary name before the old one is deleted
 * and the new one renamed, so a failed write never loses the old sheet.
 */
const BUDGET: Partial<Record<CountedOp, number>> = { clearMarks: 4, replaceSheet: 4 };
const SMALL = 20;
const LARGE = SMALL * 50;

export async function measureSyncs(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const op of OPERATIONS) {
    const small = await countSyncs(op, SMALL);
    const large = await countSyncs(op, LARGE);
    const budget = BUDGET[op] ?? 3;
    out.push({ name: `syncs.${op}.small`, value: small, unit: "syncs", budget, note: `${SMALL} 行 / rows` });
    out.push({ name: `syncs.${op}.large`, value: large, unit: "syncs", budget: Math.min(budget, small), note: `${LARGE} 行 / rows：不得多于小表 / no more than the small table` });
  }
  return out;
}
