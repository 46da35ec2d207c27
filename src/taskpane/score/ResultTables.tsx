/** The two stages' results as tables; every score explains itself when clicked. */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { SelectionResult } from "../../core/types";
import { explain, type ScoreField } from "../explain";
import { fmtScore } from "../i18n";
import { Explained, useT } from "../shared";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "3px 2px", whiteSpace: "nowrap" },
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
  return <Explained text={text} label={label} explanation={() => explain(unit, field, result, stage)} />;
}

const SCORE_FIELDS = [
  ["targetScore", "colTargetScore"],
  ["overScore", "colOverScore"],
  ["policyScore", "colPolicyScore"],
  ["total", "colTotal"],
] as const;

export function ProvinceTable({ result }: { result: SelectionResult }) {
  const { t } = useT();
  const s = useStyles();
  return (
    <table className={s.table} data-testid="province-table">
      <thead>
        <tr>
          <th className={s.th}>{t("colRank")}</th>
          <th className={s.th}>{t("colCounty")}</th>
          {SCORE_FIELDS.map(([, col]) => (
            <th key={col} className={`${s.th} ${s.num}`}>
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
}

export function CityTable({ result }: { result: SelectionResult }) {
  const { t } = useT();
  const s = useStyles();
  const cities = [...new Set(result.counties.map((c) => c.city))];
  return (
    <table className={s.table} data-testid="city-table">
      <thead>
        <tr>
          <th className={s.th}>{t("colCounty")}</th>
          {SCORE_FIELDS.map(([, col]) => (
            <th key={col} className={`${s.th} ${s.num}`}>
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
}
