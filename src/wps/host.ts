/**
 * WPS's globals, read here and nowhere else (lint: only src/wps touches them): whether this page runs inside
 * WPS 表格, its Application, the custom-function registration, the task pane.
 *
 * `wps` is the add-in's namespace (`wps-jsapi` index.d.ts: wps.EtApplication(), wps.CreateTaskPane, …);
 * Kingsoft's 表格 templates (the `wpsjs` package) also use `window.Application`, with CreateTaskPane and
 * PluginStorage on it. Every access is guarded: outside WPS none of it exists.
 */
import type { WpsApplication } from "./model";
import { NAMESPACE, wpsFunctions } from "./functions";

/** Custom functions exist from this WPS version (WPS's page on 加载项自定义函数). */
export const FUNCTIONS_SINCE = "12.1.0.20540";

interface TaskPane {
  ID: number;
  Visible: boolean;
  DockPosition?: number;
  Navigate?(url: string): void;
}

/** The little of the page's WPS globals we use. */
interface WpsGlobals {
  wps?: {
    EtApplication?: () => unknown;
    AddCustomFunction?: (namespace: string, name: string, fn: (...args: unknown[]) => unknown) => unknown;
    CreateTaskPane?: (url: string, title?: string) => TaskPane;
    GetTaskPane?: (id: number) => TaskPane | null;
    PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: string | number | boolean): void };
  };
  Application?: {
    ActiveWorkbook?: unknown;
    CreateTaskPane?: (url: string, title?: string) => TaskPane;
    GetTaskPane?: (id: number) => TaskPane | null;
    PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: string | number | boolean): void };
  };
}

const globals = (): WpsGlobals => (typeof window !== "undefined" ? (window as unknown as WpsGlobals) : {});

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** 表格's Application when this page runs inside WPS 表格, else null. */
export function wpsApplication(): WpsApplication | null {
  const g = globals();
  const viaWps = attempt(() => (typeof g.wps?.EtApplication === "function" ? g.wps.EtApplication() : undefined));
  if (viaWps && typeof viaWps === "object") return viaWps as WpsApplication;
  const app = attempt(() => g.Application);
  if (app && typeof app === "object" && "ActiveWorkbook" in app) return app as unknown as WpsApplication;
  return null;
}

/** Whether this WPS registers custom functions (wps.AddCustomFunction exists, as Kingsoft's templates test). */
export function functionsSupported(): boolean {
  return typeof attempt(() => globals().wps?.AddCustomFunction) === "function";
}

/**
 * a < b for full four-part versions ("12.1.0.19770" < "12.1.0.20540"); null when either is not one. WPS documents no
 * format for Application.Version, and VBA's gives only "16.0": a shorter or unreadable version is never called too old.
 */
export function olderThan(version: unknown, than: string = FUNCTIONS_SINCE): boolean | null {
  const parse = (v: unknown) => (typeof v === "string" && /^\d+(\.\d+){3,}$/.test(v.trim()) ? v.trim().split(".").map(Number) : null);
  const a = parse(version);
  const b = parse(than);
  if (!a || !b) return null;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/**
 * What the pane tells a WPS user about =ZG.… functions: null when they work; otherwise the version they need.
 * Too old when registration is missing, or when Application.Version reads as older than FUNCTIONS_SINCE.
 */
export function functionsNotice(app: WpsApplication | null = wpsApplication()): { version: string | null } | null {
  const version = attempt(() => app?.Version);
  const text = typeof version === "string" ? version : typeof version === "number" ? String(version) : null;
  if (!functionsSupported() || olderThan(text) === true) return { version: text };
  return null;
}

/** Registers every ZG function with WPS; returns the names registered (none where WPS cannot). */
export function registerFunctions(): string[] {
  const add = attempt(() => globals().wps?.AddCustomFunction);
  if (typeof add !== "function") return [];
  const names: string[] = [];
  for (const { name, fn } of wpsFunctions()) {
    // One refused function (a name WPS reserves, say) does not keep the others out.
    try {
      add.call(globals().wps, NAMESPACE, name, fn);
      names.push(name);
    } catch {
      // Left out of the names returned.
    }
  }
  return names;
}

const PANE_KEY = "zg_taskpane_id";

/**
 * Opens the ZG pane at `url` (a page of the add-in's folder), or shows the one already open at that page:
 * Application.CreateTaskPane(url, title) the first time, its id kept in PluginStorage (shared by the add-in's
 * pages), and Navigate + Visible afterwards — as Kingsoft's 表格 template does.
 */
export function openPane(url: string, title = "ZG"): void {
  const g = globals();
  const host = g.Application?.CreateTaskPane ? g.Application : g.wps;
  if (!host?.CreateTaskPane) throw new Error("WPS CreateTaskPane is not available");
  const storage = g.Application?.PluginStorage ?? g.wps?.PluginStorage;
  const id = Number(attempt(() => storage?.getItem(PANE_KEY)));
  const existing = id ? attempt(() => host.GetTaskPane?.(id)) : null;
  if (existing) {
    existing.Navigate?.(url);
    existing.Visible = true;
    return;
  }
  const pane = host.CreateTaskPane(url, title);
  storage?.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
}
