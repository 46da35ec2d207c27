/** `zg template decomposition|self-assessment OUT.xlsx [--city NAME] [--force]`: the task pane's templates as files. */
import { cityDecompositionTemplate, decompositionTable2020, selfAssessmentTemplate } from "../core/templates";
import { CITIES, findCity } from "../core/reference";
import { normalizeText } from "../core/parse";
import type { Request } from "./args";
import { argumentError } from "./errors";
import { saveWorkbook, templateWorkbook } from "./write-xlsx";
import type { Output } from "./output";
import { visible } from "./format";

export type TemplateKind = "decomposition" | "self-assessment";

/** Accepted spellings of each kind, English and Chinese. */
const KINDS: Record<TemplateKind, string[]> = {
  decomposition: ["decomposition", "2020", "分解表", "分解方案", "指标分解表"],
  "self-assessment": ["self-assessment", "selfassessment", "自评表", "自评"],
};

export function templateKind(word: string): TemplateKind {
  const key = normalizeText(word).toLowerCase();
  for (const [kind, spellings] of Object.entries(KINDS) as [TemplateKind, string[]][]) {
    if (spellings.includes(key)) return kind;
  }
  throw argumentError({
    zh: `未知模板种类“${word}”；可用：decomposition（2020 年指标分解表）、self-assessment（空白自评表）`,
    en: `unknown template "${word}"; the kinds are decomposition (the 2020 table) and self-assessment (a blank self-assessment)`,
  });
}

export async function runTemplate(req: Request, out: Output): Promise<number> {
  const kind = templateKind(req.positionals[0]);
  if (req.city !== undefined && !findCity(req.city)) {
    throw argumentError({
      zh: `--city“${req.city}”不是浙江省的设区市；可用：${CITIES.map((c) => c.name).join("、")}`,
      en: `--city "${req.city}" is not one of Zhejiang's cities; the 11 are: ${CITIES.map((c) => `${c.name} (${c.en})`).join(", ")}`,
    });
  }
  // 9号 asks each city to decompose its figures to its counties: with --city, that city's template.
  const cityTemplate = kind === "decomposition" && req.city !== undefined ? cityDecompositionTemplate(req.city) : undefined;
  const sheets = kind === "decomposition" ? [cityTemplate ?? decompositionTable2020()] : selfAssessmentTemplate({ city: req.city }).sheets;
  const outFile = req.out as string;
  await saveWorkbook(templateWorkbook(sheets), outFile, { force: req.force });
  out.stdout(`已写入 / written: ${visible(outFile)}（${sheets.map((s) => s.name).join("、")}）`);
  return 0;
}
