export interface ExcelProbe {
  platform?: NodeJS.Platform;
  exists?: (p: string) => boolean;
  env?: Record<string, string | undefined>;
  /** Default value of a registry key (Windows), or null. */
  regQuery?: (key: string) => string | null;
}
/** Path of the desktop Excel application, or null where there is none (always null on Linux). */
export declare function findExcel(probe?: ExcelProbe): string | null;
