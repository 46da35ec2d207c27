/**
 * Every ZG function's declaration, by id: for the tests (metadata against declarations) and the HyperFormula
 * harness. Not imported by functions.ts, so it adds nothing to the bundle.
 */
import { ALLOCCHECK, ALLOCGAP } from "./alloc";
import type { Defined, ParamSpec } from "./args";
import { RECOMMEND, SHORTLIST } from "./choose";
import { COMPLETION, OVERTARGET, POLICYSCORE, TARGET, UNIT } from "./measure";
import { RANKSCORE, RANKSCOREBY, STDSCORE } from "./rank";

export const FUNCTIONS: ReadonlyArray<Defined<readonly ParamSpec[]>> = [
  RANKSCORE,
  RANKSCOREBY,
  STDSCORE,
  TARGET,
  UNIT,
  COMPLETION,
  OVERTARGET,
  ALLOCGAP,
  ALLOCCHECK,
  POLICYSCORE,
  RECOMMEND,
  SHORTLIST,
] as unknown as ReadonlyArray<Defined<readonly ParamSpec[]>>;

/** Whether a parameter may be omitted: ranges and cells when declared so, every option always. */
export function isOptional(p: ParamSpec): boolean {
  return p.kind === "cells" || p.kind === "cell" ? p.optional === true : true;
}
