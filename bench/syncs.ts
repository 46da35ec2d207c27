/**
 * context.sync() round trips of each task-pane operation, on a small table and on one 50× larger, over the
 * office-addin-mock fake Excel the adapter tests use. Each must stay ≤ 3 and must not grow with the table.
 */
import { countSyncs, type CountedOp } from "../test/excel/sync-count";
import type { Measurement } from "./measure";

const OPERATIONS: readonly CountedOp[] = ["getSelectionSheet", "readSheet", "writeSheet", "markCells", "clearMarks", "insertTemplates"];
const SMALL = 20;
const LARGE = SMALL * 50;

export async function measureSyncs(): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const op of OPERATIONS) {
    const small = await countSyncs(op, SMALL);
    const large = await countSyncs(op, LARGE);
    out.push({ name: `syncs.${op}.small`, value: small, unit: "syncs", budget: 3, note: `${SMALL} 行 / rows` });
    out.push({ name: `syncs.${op}.large`, value: large, unit: "syncs", budget: Math.min(3, small), note: `${LARGE} 行 / rows：不得多于小表 / no more than the small table` });
  }
  return out;
}
