/** Command-line arguments → a validated request. Every bad argument is a CliError (exit status 2). */
import { DEFAULT_OPTIONS, type ScoreOptions } from "../core/types";
import { MAX_MARGIN } from "../core/score";
import { argumentError } from "./errors";

export type CommandName = "check" | "score" | "template" | "collect" | "gap";
export const COMMANDS: readonly CommandName[] = ["check", "score", "template", "collect", "gap"];

export interface Request {
  /** null: no command given, or `zg help` / `zg --help` without one. */
  command: CommandName | null;
  help: boolean;
  version: boolean;
  positionals: string[];
  sheet?: string;
  /** template self-assessment: only this city's counties. */
  city?: string;
  json: boolean;
  out?: string;
  force: boolean;
  options: ScoreOptions;
  /** gap: the county to analyse. */
  county?: string;
  /** collect: the city's decomposition to its counties (a table zg check reads). */
  decomposition?: string;
  /** collect: files named to count for their county where it was returned twice (--prefer, repeatable). */
  prefer?: string[];
}

type Flag = "json" | "force" | "help";
type Valued = "sheet" | "city" | "out" | "top" | "step" | "floor" | "std" | "basis" | "slots" | "min-accelerated" | "county" | "decomposition" | "margin" | "prefer" | "unassigned";

const FLAGS: Record<CommandName, readonly Flag[]> = {
  check: ["json", "force", "help"],
  score: ["json", "force", "help"],
  template: ["force", "help"],
  collect: ["json", "force", "help"],
  gap: ["json", "help"],
};
const VALUED: Record<CommandName, readonly Valued[]> = {
  check: ["sheet", "out"],
  score: ["out", "top", "step", "floor", "std", "basis", "slots", "min-accelerated", "margin", "unassigned"],
  template: ["out", "city"],
  collect: ["out", "city", "decomposition", "prefer"],
  gap: ["county", "top", "step", "floor", "std", "basis", "slots", "min-accelerated", "margin", "unassigned"],
};

export function parseArgs(argv: readonly string[]): Request {
  const req: Request = {
    command: null,
    help: false,
    version: false,
    positionals: [],
    json: false,
    force: false,
    options: { ...DEFAULT_OPTIONS },
  };
  const args = [...argv];
  const first = args[0];
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    req.help = true;
    const topic = first === "help" ? args[1] : undefined;
    if (topic !== undefined) req.command = commandName(topic);
    return req;
  }
  if (first === "--version" || first === "-v") {
    req.version = true;
    return req;
  }
  const command = commandName(first);
  req.command = command;
  const raw: Partial<Record<Valued, string>> = {};
  let onlyPositionals = false;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (onlyPositionals || !arg.startsWith("-") || arg === "-") {
      req.positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    if (arg === "-h") {
      req.help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!arg.startsWith("--") || name === "") throw unknownOption(command, arg);
    if ((FLAGS[command] as readonly string[]).includes(name)) {
      if (eq >= 0) {
        throw argumentError({ zh: `选项 --${name} 不带值`, en: `option --${name} takes no value` });
      }
      if (name === "json") req.json = true;
      else if (name === "force") req.force = true;
      else req.help = true;
      continue;
    }
    if ((VALUED[command] as readonly string[]).includes(name)) {
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else value = args[++i];
      if (value === undefined || value === "") {
        throw argumentError({ zh: `选项 --${name} 缺少值`, en: `option --${name} needs a value` });
      }
      // --prefer names one file each time: several resent counties, several files.
      if (name === "prefer") {
        (req.prefer ??= []).push(value);
        continue;
      }
      if (raw[name as Valued] !== undefined) {
        throw argumentError({ zh: `选项 --${name} 给了两次`, en: `option --${name} given twice` });
      }
      raw[name as Valued] = value;
      continue;
    }
    throw unknownOption(command, arg);
  }
  if (req.help) return req;

  if (raw.sheet !== undefined) req.sheet = raw.sheet;
  if (raw.out !== undefined) req.out = raw.out;
  if (raw.city !== undefined) req.city = raw.city;
  if (raw.county !== undefined) req.county = raw.county;
  if (raw.decomposition !== undefined) req.decomposition = raw.decomposition;
  req.options = scoreOptions(raw);
  checkPositionals(command, req);
  return req;
}

function commandName(word: string): CommandName {
  if ((COMMANDS as readonly string[]).includes(word)) return word as CommandName;
  throw argumentError({
    zh: `未知命令“${word}”；可用命令：check、score、template、collect、gap（zg --help 查看说明）`,
    en: `unknown command "${word}"; the commands are check, score, template, collect and gap (see zg --help)`,
  });
}

function unknownOption(command: CommandName, arg: string) {
  const known = [...FLAGS[command], ...VALUED[command]].map((n) => `--${n}`).join(" ");
  return argumentError({
    zh: `zg ${command} 不认识选项 ${arg}；可用选项：${known}`,
    en: `zg ${command} has no option ${arg}; its options are: ${known}`,
  });
}

function checkPositionals(command: CommandName, req: Request): void {
  const n = req.positionals.length;
  if (command === "template") {
    // zg template KIND [OUT.xlsx] — the output may also be given with --out.
    if (n === 0) {
      throw argumentError({
        zh: "缺少模板种类：zg template decomposition|self-assessment 输出.xlsx",
        en: "missing template kind: zg template decomposition|self-assessment OUT.xlsx",
      });
    }
    if (n > 2 || (n === 2 && req.out !== undefined)) throw extra(req.positionals.slice(1));
    if (n === 2) req.out = req.positionals[1];
    if (req.out === undefined) {
      throw argumentError({
        zh: "缺少输出文件：zg template 种类 输出.xlsx",
        en: "missing output file: zg template KIND OUT.xlsx",
      });
    }
    return;
  }
  if (command === "collect") {
    // zg collect FILE… --out CITY.xlsx: every county's returned workbook, one city's workbook out.
    if (n === 0) {
      throw argumentError({ zh: "缺少各县（市、区）报送的自评表：zg collect 文件… --out 全市.xlsx", en: "missing the counties' returned workbooks: zg collect FILE… --out CITY.xlsx" });
    }
    if (req.out === undefined) {
      throw argumentError({ zh: "缺少输出文件：zg collect 文件… --out 全市.xlsx", en: "missing the output file: zg collect FILE… --out CITY.xlsx" });
    }
    return;
  }
  if (command === "gap" && req.county === undefined) {
    throw argumentError({ zh: "缺少要分析的县（市、区）：zg gap 文件.xlsx --county 名称", en: "missing the county to analyse: zg gap FILE.xlsx --county NAME" });
  }
  if (n === 0) {
    throw argumentError({
      zh: `缺少要读取的工作簿：zg ${command} 文件.xlsx`,
      en: `missing the workbook to read: zg ${command} FILE.xlsx`,
    });
  }
  if (n > 1) throw extra(req.positionals.slice(1));
}

function extra(words: string[]) {
  return argumentError({
    zh: `多余的参数：${words.join(" ")}（一次只处理一个文件）`,
    en: `unexpected arguments: ${words.join(" ")} (one file at a time)`,
  });
}

/** The score options, each validated with a message that says what is allowed. */
function scoreOptions(raw: Partial<Record<Valued, string>>): ScoreOptions {
  const o: ScoreOptions = { ...DEFAULT_OPTIONS };
  if (raw.top !== undefined) o.top = number("top", raw.top, { min: 0, exclusiveMin: true });
  if (raw.step !== undefined) o.step = number("step", raw.step, { min: 0 });
  if (raw.floor !== undefined) o.floor = number("floor", raw.floor, { min: 0 });
  if (raw.slots !== undefined) o.slots = number("slots", raw.slots, { min: 1, integer: true });
  if (raw["min-accelerated"] !== undefined) {
    o.minAccelerated = number("min-accelerated", raw["min-accelerated"], { min: 0, integer: true });
  }
  if (raw.margin !== undefined) o.margin = number("margin", raw.margin, { min: 0, max: MAX_MARGIN });
  if (raw.std !== undefined) o.std = choice("std", raw.std, ["full", "max"]) as ScoreOptions["std"];
  if (raw.basis !== undefined) o.basis = choice("basis", raw.basis, ["ratio", "value"]) as ScoreOptions["basis"];
  if (raw.unassigned !== undefined) o.unassigned = choice("unassigned", raw.unassigned, ["exclude", "zero"]) as ScoreOptions["unassigned"];
  if (o.floor > o.top) {
    throw argumentError({
      zh: `--floor ${o.floor} 不能高于 --top ${o.top}`,
      en: `--floor ${o.floor} cannot be above --top ${o.top}`,
    });
  }
  if (o.minAccelerated > o.slots) {
    throw argumentError({
      zh: `--min-accelerated ${o.minAccelerated} 不能多于 --slots ${o.slots}`,
      en: `--min-accelerated ${o.minAccelerated} cannot exceed --slots ${o.slots}`,
    });
  }
  return o;
}

function number(name: string, text: string, rule: { min: number; max?: number; exclusiveMin?: boolean; integer?: boolean }): number {
  const ok = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text);
  const x = ok ? Number(text) : NaN;
  const what = rule.integer ? { zh: "整数", en: "whole number" } : { zh: "数", en: "number" };
  const bound = rule.max !== undefined ? `${rule.min}–${rule.max}` : rule.exclusiveMin ? `> ${rule.min}` : `≥ ${rule.min}`;
  if (!Number.isFinite(x) || (rule.integer && !Number.isInteger(x)) || x < rule.min || (rule.max !== undefined && x > rule.max) || (rule.exclusiveMin && x === rule.min)) {
    throw argumentError({
      zh: `--${name} 的值“${text}”无效：应为${bound} 的${what.zh}`,
      en: `--${name} "${text}" is not valid: it must be a ${what.en} ${bound}`,
    });
  }
  return x;
}

function choice(name: string, text: string, allowed: string[]): string {
  if (allowed.includes(text)) return text;
  throw argumentError({
    zh: `--${name} 的值“${text}”无效：应为 ${allowed.join(" 或 ")}`,
    en: `--${name} "${text}" is not valid: it must be ${allowed.join(" or ")}`,
  });
}
