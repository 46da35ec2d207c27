export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: FunctionParameterMetadata[];
  [key: string]: unknown;
}
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}
export interface TranslationEntry {
  description?: string;
  result?: string;
  parameters?: Record<string, string>;
}
export type TranslationTable = Record<string, TranslationEntry>;
/** Chinese metadata and every "ID" / "ID.param" that has no Chinese description. */
export declare function localizeMetadata(
  metadata: FunctionsMetadata,
  table: TranslationTable,
): { metadata: FunctionsMetadata; missing: string[] };
/** Table entries that match no function or parameter. */
export declare function unusedEntries(metadata: FunctionsMetadata, table: TranslationTable): string[];
/** The metadata with the top-level flags the generator cannot write (allowErrorForDataTypeAny true, allowCustomDataForDataTypeAny false). */
export declare function finishMetadata(metadata: FunctionsMetadata): FunctionsMetadata & { allowErrorForDataTypeAny: true; allowCustomDataForDataTypeAny: false };
