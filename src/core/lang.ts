/**
 * The two languages ZG speaks, and how a language is named: one definition for the pane, the functions and the
 * command line. Chinese comes first and is the default wherever nothing says otherwise (the documents and their
 * readers are Chinese).
 */
import type { Msg } from "./types";

export type Lang = "zh" | "en";

/**
 * A language as a user or a host writes it: zh, en, 中文, 英文, Chinese, English, zh-CN, en-US, … (any case, any
 * region); null for anything else.
 */
export function parseLang(x: unknown): Lang | null {
  if (typeof x !== "string") return null;
  const t = x.trim().toLowerCase();
  if (t === "中文" || t === "汉语" || t === "chinese" || /^zh(?:[-_][a-z0-9]+)*$/.test(t)) return "zh";
  if (t === "英文" || t === "英语" || t === "english" || /^en(?:[-_][a-z0-9]+)*$/.test(t)) return "en";
  return null;
}

/** A host's display language ('zh-CN', 'zh-TW', 'en-US', 'de-DE', …): Chinese for any zh tag, else English; Chinese when unknown. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  if (!displayLanguage) return "zh";
  return displayLanguage.toLowerCase().indexOf("zh") === 0 ? "zh" : "en";
}

/** A message in one language. */
export function inLang(msg: Msg, lang: Lang): string {
  return lang === "zh" ? msg.zh : msg.en;
}
