/**
 * A minimal CustomFunctions global, as the custom-functions runtime provides it, so the code under test creates
 * real-looking error objects (code + message) and tests can hand in error values the way Excel does.
 */
export class ShimError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export const ErrorCode = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: ShimError,
    ErrorCode,
    associate: () => undefined,
  };
}

/** An Excel error value as the runtime hands it to a function (e.g. a #N/A cell inside a range). */
export function excelError(code: string): ShimError {
  return new ShimError(code);
}

/** Asserts an Excel error result: its code and that the message mentions every given fragment. */
export function expectError(v: unknown, code: string, ...fragments: string[]): void {
  expect(v).toBeInstanceOf(ShimError);
  const e = v as ShimError;
  expect(e.code).toBe(code);
  for (const f of fragments) expect(e.message ?? "").toContain(f);
}

/** A column of values as Excel passes a one-column range. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/**
 * A function as Excel sees it: any argument may be null (omitted) or a bare value, whatever the TypeScript
 * signature says (optional matrix parameters must stay `any[][]` for the metadata's dimensionality).
 */
export const asExcel = (fn: unknown): ((...args: unknown[]) => unknown) => fn as (...args: unknown[]) => unknown;
