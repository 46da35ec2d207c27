export interface OfficeJsSource {
  kind: string;
  base: string;
  origin: string | null;
  officeJs: string;
  runtimeJs: string;
}
export declare function officeJsSource(choice?: string): OfficeJsSource;
export declare function officeJsCopyPatterns(): unknown[];
export declare const OFFICE_JS_CDNS: Record<string, string>;
export declare const OFFICE_JS_LOCAL_DIR: string;
