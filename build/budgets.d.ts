export interface Budget {
  /** Limit in bytes after gzip (level 9). */
  maxGzipBytes: number;
  /** false: reported only, never fails the build. */
  enforce: boolean;
}
export declare const budgets: Readonly<Record<"functions.js" | "taskpane.js" | "preview.js", Budget>>;
export declare const KB: number;
