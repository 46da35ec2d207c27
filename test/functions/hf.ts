/**
 * A HyperFormula function plugin that maps ZG.* to the exported custom functions, so formulas are evaluated over
 * real cell references (ranges with blanks and errors, recalculation after an edit). It hands arguments over
 * the way Excel's custom-functions runtime does: ranges as 2-D arrays, blanks as null, error values as
 * CustomFunctions.Error objects, omitted arguments as null. Dev and test only (HyperFormula is GPL-3.0).
 */
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { a1 } from "../../src/core/address";
import * as fns from "../../src/functions/functions";
import { FUNCTIONS, isOptional } from "../../src/functions/registry";
import { ShimError, installCustomFunctions } from "./shim";

/** The exported function Excel calls for each id (the metadata test checks the same association). */
const EXPORTED: Record<string, (...args: unknown[]) => unknown> = {
  RANKSCORE: fns.rankScore,
  RANKSCOREBY: fns.rankScoreBy,
  STDSCORE: fns.stdScore,
  TARGET: fns.target,
  UNIT: fns.unit,
  COMPLETION: fns.completion,
  OVERTARGET: fns.overTarget,
  ALLOCGAP: fns.allocGap,
  ALLOCCHECK: fns.allocCheck,
  POLICYSCORE: fns.policyScore,
  RECOMMEND: fns.recommend,
  SHORTLIST: fns.shortlist,
} as unknown as Record<string, (...args: unknown[]) => unknown>;

const EXCEL_CODE: Record<string, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
  [ErrorType.ERROR]: "#ERROR!",
};
const HF_TYPE: Record<string, ErrorType> = Object.fromEntries(Object.entries(EXCEL_CODE).map(([t, c]) => [c, t as ErrorType]));

/** One cell value as the custom-functions runtime hands it over. */
function toExcelCell(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return new ShimError(EXCEL_CODE[v.type] ?? "#VALUE!");
  // HyperFormula keeps formatted numbers (10% typed in a cell) as number objects carrying `val`.
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number") return (v as { val: number }).val;
  return v;
}

function toExcelArg(v: unknown, matrix: boolean): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toExcelCell));
  if (v === undefined) return null;
  const cell = toExcelCell(v);
  // Excel wraps a single value passed to a matrix parameter as a 1 × 1 array.
  return matrix && cell !== null ? [[cell]] : cell;
}

function toHfCell(v: unknown): unknown {
  if (v instanceof ShimError || (typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string")) {
    const e = v as ShimError;
    return new CellError(HF_TYPE[e.code] ?? ErrorType.VALUE, e.message);
  }
  return v;
}

function toHf(out: unknown): unknown {
  if (Array.isArray(out)) return SimpleRangeValue.onlyValues((out as unknown[][]).map((row) => row.map(toHfCell)) as never);
  return toHfCell(out);
}

class ZgPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
}

type Address = { sheet: number; row: number; col: number };
type RefAst = { type: string; reference?: { toSimpleCellAddress(b: Address): Address }; start?: { toSimpleCellAddress(b: Address): Address }; end?: { toSimpleCellAddress(b: Address): Address } };
type Ast = { args: RefAst[] };

/**
 * The parameter addresses Excel passes with requiresParameterAddresses ("Sheet1!B2:B6"; "" for a constant).
 * HyperFormula names its sheets Sheet1, Sheet2, … when built from arrays.
 */
function addressOf(arg: RefAst, base: Address): string {
  const name = (x: Address): string => `Sheet${x.sheet + 1}!${a1(x.row, x.col)}`;
  if (arg.type === "CELL_REFERENCE" && arg.reference) return name(arg.reference.toSimpleCellAddress(base));
  if (arg.type === "CELL_RANGE" && arg.start && arg.end) {
    const end = arg.end.toSimpleCellAddress(base);
    return `${name(arg.start.toSimpleCellAddress(base))}:${a1(end.row, end.col)}`;
  }
  return "";
}
const proto = ZgPlugin.prototype as unknown as Record<string, unknown>;

for (const def of FUNCTIONS) {
  const id = def.spec.id;
  const name = `ZG.${id}`;
  const params = def.spec.params;
  const shape = def.spec.result;
  ZgPlugin.implementedFunctions[name] = {
    method: `zg${id}`,
    // Ranges stay ranges (ANY); a scalar parameter takes SCALAR so error values reach the function, as in Excel.
    parameters: params.map((p) => ({
      argumentType: p.kind === "cells" ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
      ...(isOptional(p) ? { optionalArg: true } : {}),
    })),
    vectorizationForbidden: true,
    sizeOfResultArrayMethod: `zgSize${id}`,
  };
  proto[`zg${id}`] = function (this: ZgPlugin, ast: Ast, state: unknown): unknown {
    const base = (state as { formulaAddress: Address }).formulaAddress;
    const invocation = { parameterAddresses: params.map((_, i) => (ast.args[i] ? addressOf(ast.args[i], base) : "")) };
    return this.runFunction(ast.args as never, state as never, this.metadata(name), ((...args: unknown[]) =>
      toHf(EXPORTED[id](...params.map((p, i) => toExcelArg(args[i], p.kind === "cells")), invocation))) as never);
  };
  {
    // HyperFormula sizes a spill before evaluating: 1 × 1 for one value, the shape of the `like` arguments, or
    // `cols` wide and as tall as the longest argument (a shorter list leaves the rest of the spill empty).
    proto[`zgSize${id}`] = function (this: ZgPlugin, ast: Ast, state: unknown): ArraySize {
      if (shape === "cell") return new ArraySize(1, 1);
      const sizes = ast.args.map((a) => this.arraySizeForAst(a as never, state as never));
      if ("like" in shape) {
        let width = 1;
        let height = 1;
        sizes.forEach((s, i) => {
          if (params[i] && shape.like.includes(params[i].name)) {
            width = Math.max(width, s.width);
            height = Math.max(height, s.height);
          }
        });
        return new ArraySize(width, height);
      }
      return new ArraySize(shape.cols, Math.max(1, ...sizes.map((s) => s.width * s.height)));
    };
  }
}

let registered = false;

/** A HyperFormula instance with ZG.* registered and the CustomFunctions shim installed. */
export function engine(sheet: unknown[][]): HyperFormula {
  installCustomFunctions();
  if (!registered) {
    const names = Object.fromEntries(FUNCTIONS.map((f) => [`ZG.${f.spec.id}`, `ZG.${f.spec.id}`]));
    HyperFormula.registerFunctionPlugin(ZgPlugin, { enGB: names, enUS: names });
    registered = true;
  }
  return HyperFormula.buildFromArray(sheet as never, { licenseKey: "gpl-v3" });
}

/**
 * A HyperFormula instance over several named sheets (a workbook), ZG.* registered. A string that starts with "="
 * is a formula there, as when typed into Excel; pass formulas that way and text as strings that do not.
 */
export function workbookEngine(sheets: Record<string, unknown[][]>): HyperFormula {
  installCustomFunctions();
  if (!registered) {
    const names = Object.fromEntries(FUNCTIONS.map((f) => [`ZG.${f.spec.id}`, `ZG.${f.spec.id}`]));
    HyperFormula.registerFunctionPlugin(ZgPlugin, { enGB: names, enUS: names });
    registered = true;
  }
  // useArrayArithmetic: a range or an operator over ranges spills, as in Excel 365 (what our sheets are written for).
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3", useArrayArithmetic: true });
}

/** A cell's value by A1 address on the first sheet. */
export function valueAt(hf: HyperFormula, a1: string): unknown {
  const addr = hf.simpleCellAddressFromString(a1, 0);
  if (!addr) throw new Error(`bad address ${a1}`);
  return hf.getCellValue(addr);
}

export { DetailedCellError };
