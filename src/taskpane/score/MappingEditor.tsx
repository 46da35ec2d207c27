/** Which column of the user's sheet holds what: recognised by the headers, corrected here by the user. */
import { Select, makeStyles, tokens } from "@fluentui/react-components";
import { SCORE_HEADERS, type ScoreColumn } from "../../core/templates";
import { type HeaderMapping, missingColumns } from "../scoreInput";
import { useT } from "../common";

const useStyles = makeStyles({
  details: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "4px 8px" },
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  mapping: { display: "grid", gridTemplateColumns: "minmax(0,1fr) minmax(0,1.3fr)", columnGap: "8px", rowGap: "4px", alignItems: "center", fontSize: tokens.fontSizeBase200, marginTop: "6px" },
  pair: { display: "contents" },
  header: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export function MappingEditor({ title, m, choices, required, onChange }: { title: string; m: HeaderMapping; choices: ScoreColumn[]; required: readonly ScoreColumn[]; onChange: (m: HeaderMapping) => void }) {
  const { t, lang } = useT();
  const s = useStyles();
  const complete = missingColumns(m, required).length === 0;
  const name = (c: ScoreColumn): string => (lang === "zh" ? SCORE_HEADERS[c].label : SCORE_HEADERS[c].en);
  const found = m.columns.filter((c): c is ScoreColumn => c !== null).map(name);
  return (
    // Collapsed once every required column is recognised; open while one is missing.
    <details className={s.details} open={!complete}>
      <summary className={s.summary}>
        {title} · {t("mappingTitle", { row: m.row + 1 })}
        {complete ? `${t("colon")}${found.join(lang === "zh" ? "、" : ", ")}` : ""}
      </summary>
      <div className={s.mapping}>
        {m.texts.map((text, i) =>
          text ? (
            <div key={i} className={s.pair}>
              <span className={s.header} title={text}>
                {text}
              </span>
              <Select
                size="small"
                aria-label={`${title} ${text}`}
                value={m.columns[i] ?? ""}
                onChange={(_, d) => {
                  const chosen = (d.value || null) as ScoreColumn | null;
                  // One column per meaning: choosing it here takes it away from where it was.
                  const columns = m.columns.map((c, k) => (k === i ? chosen : chosen && c === chosen ? null : c));
                  onChange({ ...m, columns });
                }}
              >
                <option value="">{t("ignoreColumn")}</option>
                {choices.map((c) => (
                  <option key={c} value={c}>
                    {name(c)}
                  </option>
                ))}
              </Select>
            </div>
          ) : null,
        )}
      </div>
    </details>
  );
}
