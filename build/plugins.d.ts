import type { Compiler } from "webpack";
import type { Budget } from "./budgets";
export declare class LocalizeFunctionsPlugin {
  constructor(options: { table: string; input?: string; output?: string });
  apply(compiler: Compiler): void;
}
export declare class BundleBudgetPlugin {
  constructor(options?: { budgets?: Record<string, Budget>; enforce?: boolean; report?: string | false; log?: boolean });
  apply(compiler: Compiler): void;
}
export declare function gzipSize(buffer: Buffer): number;
