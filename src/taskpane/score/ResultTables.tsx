/** The two stages' results as tables; every score explains itself when clicked. */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { CountyResult, SelectionResult } from "../../core/types";
import { explain, type ScoreField } from "../explain";
import { fmtScore } from "../i18n";
import { useRovingTable } from "../roving";
import { Explained, useT } from "../common";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  // Headings wrap (目标任务完成分 over two lines) so the table fits Excel's 350 px pane; the figures below never do.
  th: { textAlign: "left", verticalAlign: "bottom", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "3px 2px" },
  numHead: { textAlign: "right" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 2px" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  cityRow: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  // A badge never breaks inside its pill (建议激励名额内 is one term); it moves below the name when the column is narrow.
  badge: { whiteSpace: "nowrap" },
});

type Unit = Parameters<typeof explain>[0];

/** A score cell that opens its explanation. */
function ScoreCell({ unit, field, stage, label, result }: { unit: Unit; field: ScoreField; stage: "city" | "province"; label: string; result: SelectionResult }) {
  const text = field === "rank" ? String((unit as { rank?: number }).rank ?? "") : fmtScore(unit[field as Exclude<ScoreField, "rank">] as number);
  return <Explained text={text} label={label} subject={unit.county} explanation={() => explain(unit, field, result, stage)} />;
}

const SCORE_FIELDS = [
  ["targetScore", "colTargetScore"],
  ["overScore", "colOverScore"],
  ["policyScore", "colPolicyScore"],
  ["total", "colTotal"],
] as const;

// Memoised: a result never changes after it is computed, and the form above re-renders on every keystroke.
export const ProvinceTable = memo(function ProvinceTable({ result }: { result: SelectionResult }) {
  const { t } = useT();
  const s = useStyles();
  const roving = useRovingTable<HTMLTableElement>();
  return (
    <table className={s.table} data-testid="province-table" ref={roving.ref} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <thead>
        <tr>
          <th className={s.th}>{t("colRank")}</th>
          <th className={s.th}>{t("colCounty")}</th>
          {SCORE_FIELDS.map(([, col]) => (
            <th key={col} className={`${s.th} ${s.numHead}`}>
              {t(col)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {result.province.map((p) => (
          <tr key={`${p.city}|${p.county}`} data-county={p.county}>
            <td className={s.td}>
              <ScoreCell unit={p} field="rank" stage="province" label={t("colRank")} result={result} />
            </td>
            <td className={s.td}>
              {p.county}{" "}
              {p.selected ? (
                <Badge size="small" color="success" className={s.badge}>
                  {t("selected")}
                </Badge>
              ) : p.proposed ? (
                <Badge size="small" color="informative" appearance="outline" className={s.badge}>
                  {t("byMargin")}
                </Badge>
              ) : null}
            </td>
            {SCORE_FIELDS.map(([field, col]) => (
              <td key={field} className={`${s.td} ${s.num}`}>
                <ScoreCell unit={p} field={field} stage="province" label={t(col)} result={result} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/**
 * The head of a city's list that is not recommended says why on its row (上年度已获激励, an unresolved tie),
 * not only on the 推荐与建议名单 tab: otherwise the first row looks like an error next to the 推荐 below it.
 */
function HeadNotRecommended({ c }: { c: CountyResult }) {
  const { t, m } = useT();
  if (c.cityRank !== 1 || c.recommended) return null;
  const why = c.reasons.find((r) => r.code !== "not-best") ?? c.reasons[0];
  const previous = why?.code === "previous-winner";
  return (
    <Badge size="small" appearance="tint" color="warning" data-head-tag={why?.code ?? "none"} title={why ? m(why) : undefined}>
      {t(previous ? "previousWinnerTag" : "notRecommendedTag")}
    </Badge>
  );
}

export const CityTable = memo(function CityTable({ result }: { result: SelectionResult }) {
  const { t } = useT();
  const s = useStyles();
  const roving = useRovingTable<HTMLTableElement>();
  const cities = [...new Set(result.counties.map((c) => c.city))];
  return (
    <table className={s.table} data-testid="city-table" ref={roving.ref} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <thead>
        <tr>
          <th className={s.th}>{t("colCounty")}</th>
          {SCORE_FIELDS.map(([, col]) => (
            <th key={col} className={`${s.th} ${s.numHead}`}>
              {t(col)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cities.map((city) => [
          <tr key={city} className={s.cityRow}>
            <td className={s.td} colSpan={5}>
              {city}
            </td>
          </tr>,
          ...result.counties
            .filter((c) => c.city === city)
            .sort((a, b) => a.cityRank - b.cityRank)
            .map((c) => (
              <tr key={`${city}|${c.county}`} data-county={c.county}>
                <td className={s.td}>
                  {c.cityRank}. {c.county}{" "}
                  {c.recommended ? (
                    <Badge size="small" color="brand">
                      {t("recommended")}
                    </Badge>
                  ) : null}
                  <HeadNotRecommended c={c} />
                </td>
                {SCORE_FIELDS.map(([field, col]) => (
                  <td key={field} className={`${s.td} ${s.num}`}>
                    <ScoreCell unit={c} field={field} stage="city" label={t(col)} result={result} />
                  </td>
                ))}
              </tr>
            )),
        ])}
      </tbody>
    </table>
  );
});
