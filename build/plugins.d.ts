import type { Compiler } from "webpack";
import type { Budget } from "./budgets";
export declare class LocalizeFunctionsPlugin {
  constructor(options: { table: string; input?: string; output?: string });
  apply(compiler: Compiler): void;
}
export declare class BundleBudgetPlugin {
  constructor(options?: { budgets?: Record<string, Budget>; enforce?: boolean; report?: string | false; log?: boolean; merge?: boolean });
  apply(compiler: Compiler): void;
}
export declare class Es2016Gate {
  constructor(options: { files: string[]; ecmaVersion?: number; who?: { zh: string; en: string } });
  apply(compiler: Compiler): void;
}
/** Why the code does not parse as a classic script at ecmaVersion, or null when it does. */
export declare function syntaxProblem(code: string, ecmaVersion: number): { line: number; column: number; message: string; near: string } | null;
export declare function gzipSize(buffer: Buffer): number;
