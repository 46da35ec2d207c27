/** Flow 2, 评分: recognise the completion table's columns, confirm them, set the options, score, write live formulas. */
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { runSelection } from "../core/select";
import { SCORE_HEADERS, type ScoreColumn } from "../core/templates";
import { DEFAULT_OPTIONS, type CountyInput, type ScoreOptions, type SelectionResult, type SheetData } from "../core/types";
import type { ReadSheet } from "../excel/ops";
import { explain, type ScoreField } from "./explain";
import { fmtScore } from "./i18n";
import {
  COMPLETION_CHOICES,
  COMPLETION_REQUIRED,
  COUNTY_CHOICES,
  detectHeader,
  type HeaderMapping,
  isCompletionSheet,
  isCountySheet,
  missingColumns,
  readCounties,
} from "./scoreInput";
import { scoreSheet } from "./scoreSheet";
import { Status, ErrorBar, Explained, IssueList, useBusy, useConfirmReplace, useNote, useOps, useT } from "./shared";

export interface ScoreState {
  result: SelectionResult;
  counties: CountyInput[];
  completion: { sheet: SheetData; mapping: HeaderMapping };
  county: { sheet: SheetData; mapping: HeaderMapping } | null;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  row: { display: "flex", columnGap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: "8px", rowGap: "6px" },
  input: { minWidth: 0, width: "100%" },
  details: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "4px 8px" },
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  mapping: { display: "grid", gridTemplateColumns: "minmax(0,1fr) minmax(0,1.3fr)", columnGap: "8px", rowGap: "4px", alignItems: "center", fontSize: tokens.fontSizeBase200 },
  header: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "3px 2px", whiteSpace: "nowrap" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "1px 2px" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  cityRow: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  section: { marginTop: "4px" },
});

function MappingEditor({ title, m, choices, required, onChange }: { title: string; m: HeaderMapping; choices: ScoreColumn[]; required: readonly ScoreColumn[]; onChange: (m: HeaderMapping) => void }) {
  const { t, lang } = useT();
  const s = useStyles();
  const complete = missingColumns(m, required).length === 0;
  const found = m.columns.filter((c) => c !== null).map((c) => (lang === "zh" ? SCORE_HEADERS[c!].label : SCORE_HEADERS[c!].en));
  return (
    // Collapsed once every required column is recognised; open while one is missing.
    <details className={s.details} open={!complete}>
      <summary className={s.summary}>
        {title} · {t("mappingTitle", { row: m.row + 1 })}
        {complete ? `：${found.join(lang === "zh" ? "、" : ", ")}` : ""}
      </summary>
      <div className={s.mapping} style={{ marginTop: 6 }}>
        {m.texts.map((text, i) =>
          text ? (
            <div key={i} style={{ display: "contents" }}>
              <span className={s.header} title={text}>
                {text}
              </span>
              <Select
                size="small"
                aria-label={`${title} ${text}`}
                value={m.columns[i] ?? ""}
                onChange={(_, d) => {
                  const columns = [...m.columns];
                  const chosen = (d.value || null) as ScoreColumn | null;
                  // One column per meaning: choosing it here takes it away from where it was.
                  if (chosen) columns.forEach((c, k) => (c === chosen ? (columns[k] = null) : undefined));
                  columns[i] = chosen;
                  onChange({ ...m, columns });
                }}
              >
                <option value="">{t("ignoreColumn")}</option>
                {choices.map((c) => (
                  <option key={c} value={c}>
                    {lang === "zh" ? SCORE_HEADERS[c].label : SCORE_HEADERS[c].en}
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

export function ScoreTab({ state, onScored }: { state: ScoreState | null; onScored: (s: ScoreState) => void }) {
  const ops = useOps();
  const { t, lang } = useT();
  const s = useStyles();
  const { busy, error, setError, run } = useBusy();
  const { confirmReplace, dialog } = useConfirmReplace();
  const [sheets, setSheets] = useState<SheetData[]>([]);
  const [completionName, setCompletionName] = useState("");
  const [countyName, setCountyName] = useState("");
  const [cm, setCm] = useState<HeaderMapping | null>(null);
  const [km, setKm] = useState<HeaderMapping | null>(null);
  const [opts, setOpts] = useState<ScoreOptions>({ ...DEFAULT_OPTIONS });
  const [note, setNote] = useNote();

  const recognise = () =>
    run(t("working"), async () => {
      const list = (await ops.listSheets()).filter((x) => !x.ours);
      const read: SheetData[] = [];
      for (const x of list) read.push(await ops.readSheet(x.name));
      setSheets(read);
      const completion = read.find((x) => isCompletionSheet(detectHeader(x)));
      const county = read.find((x) => x !== completion && isCountySheet(detectHeader(x)));
      setCompletionName(completion?.name ?? read[0]?.name ?? "");
      setCm(completion ? detectHeader(completion) : read[0] ? detectHeader(read[0]) : null);
      setCountyName(county?.name ?? "");
      setKm(county ? detectHeader(county) : null);
    });

  useEffect(() => {
    void recognise();
    // Recognise once when the tab opens; the button reruns it after the user changes the workbook.
  }, []);

  const pickCompletion = (name: string) => {
    setCompletionName(name);
    const sh = sheets.find((x) => x.name === name);
    setCm(sh ? detectHeader(sh) : null);
  };
  const pickCounty = (name: string) => {
    setCountyName(name);
    const sh = sheets.find((x) => x.name === name);
    setKm(sh ? detectHeader(sh) : null);
  };

  const missing = cm ? missingColumns(cm, COMPLETION_REQUIRED) : COMPLETION_REQUIRED;

  const doScore = () =>
    run(t("working"), async () => {
      setNote(null);
      const completion = sheets.find((x) => x.name === completionName);
      if (!completion || !cm) return;
      const county = sheets.find((x) => x.name === countyName) ?? null;
      const read = readCounties(completion, cm, county, county ? km : null);
      if (!read.ok) {
        setError({ msg: read.error, sheet: read.sheet, cell: read.cell });
        return;
      }
      const result = runSelection(read.counties, opts);
      // What the reads had to leave out (a far cell, merges) is said with the results.
      const notices = [completion, county].flatMap((x) => (x as ReadSheet | null)?.notices ?? []);
      result.warnings = [...notices, ...read.warnings, ...result.warnings];
      onScored({ result, counties: read.counties, completion: { sheet: completion, mapping: cm }, county: county && km ? { sheet: county, mapping: km } : null });
    });

  const doWrite = () =>
    run(t("working"), async () => {
      if (!state) return;
      const content = scoreSheet({ ...state, lang });
      const w = await ops.writeSheet(content, { confirmReplace });
      setNote("scoreWritten", { sheet: w.sheet });
    });

  const num = (key: keyof ScoreOptions, label: string, step: number, min: number) => (
    <Field label={label} size="small">
      <Input
        size="small"
        className={s.input}
        type="number"
        step={step}
        min={min}
        defaultValue={String(opts[key])}
        onChange={(_, d) => {
          const v = Number(d.value);
          if (d.value !== "" && Number.isFinite(v)) setOpts({ ...opts, [key]: v });
        }}
      />
    </Field>
  );

  const result = state?.result;
  const byCity = result ? [...new Set(result.counties.map((c) => c.city))] : [];
  const cell = (u: Parameters<typeof explain>[0], field: ScoreField, stage: "city" | "province", label: string) => (
    <Explained text={field === "rank" ? String((u as { rank?: number }).rank ?? "") : fmtScore(u[field as Exclude<ScoreField, "rank">] as number)} label={label} explanation={() => explain(u, field, result!.options, stage)} />
  );

  return (
    <div className={s.root}>
      <Text size={200}>{t("scoreIntro")}</Text>
      <div className={s.row}>
        <Field label={t("completionSheet")} size="small" style={{ flex: 1 }}>
          <Select size="small" value={completionName} onChange={(_, d) => pickCompletion(d.value)}>
            {sheets.map((x) => (
              <option key={x.name}>{x.name}</option>
            ))}
          </Select>
        </Field>
        <Field label={t("countySheet")} size="small" style={{ flex: 1 }}>
          <Select size="small" value={countyName} onChange={(_, d) => pickCounty(d.value)}>
            <option value="">{t("noneOption")}</option>
            {sheets.map((x) => (
              <option key={x.name}>{x.name}</option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={() => void recognise()} disabled={busy !== null}>
          {t("recognise")}
        </Button>
      </div>
      {cm ? <MappingEditor title={t("completionSheet")} m={cm} choices={COMPLETION_CHOICES} required={COMPLETION_REQUIRED} onChange={setCm} /> : null}
      {missing.length ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t("mappingMissing", { list: missing.map((c) => (lang === "zh" ? SCORE_HEADERS[c].label : SCORE_HEADERS[c].en)).join(lang === "zh" ? "、" : ", ") })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {km && countyName ? <MappingEditor title={t("countySheet")} m={km} choices={COUNTY_CHOICES} required={["county"]} onChange={setKm} /> : null}
      <Text size={200} weight="semibold">
        {t("optionsTitle")}
      </Text>
      <div className={s.grid}>
        {num("top", t("optTop"), 0.5, 0)}
        {num("step", t("optStep"), 0.1, 0)}
        {num("floor", t("optFloor"), 0.5, 0)}
        <Field label={t("optStd")} size="small">
          <Select size="small" value={opts.std} onChange={(_, d) => setOpts({ ...opts, std: d.value as ScoreOptions["std"] })}>
            <option value="full">{t("optStdFull")}</option>
            <option value="max">{t("optStdMax")}</option>
          </Select>
        </Field>
        <Field label={t("optBasis")} size="small">
          <Select size="small" value={opts.basis} onChange={(_, d) => setOpts({ ...opts, basis: d.value as ScoreOptions["basis"] })}>
            <option value="ratio">{t("optBasisRatio")}</option>
            <option value="value">{t("optBasisValue")}</option>
          </Select>
        </Field>
        {num("slots", t("optSlots"), 1, 1)}
        {num("minAccelerated", t("optMinAccelerated"), 1, 0)}
      </div>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void doScore()} disabled={busy !== null || !cm || missing.length > 0}>
          {t("runScore")}
        </Button>
        <Button onClick={() => void doWrite()} disabled={busy !== null || !state}>
          {t("writeScoreSheet")}
        </Button>
      </div>
      <Status busy={busy} error={error} onDismissError={() => setError(null)} note={note} />
      {result ? (
        <>
          <Text size={200} data-testid="score-summary">
            {t("countiesRead", { n: result.counties.length, m: byCity.length })}
          </Text>
          {result.warnings.some((w) => w.severity === "error") && result.counties.length === 0 ? (
            <ErrorBar error={{ msg: result.warnings[0], sheet: result.warnings[0].sheet, cell: result.warnings[0].cell }} />
          ) : null}
          <Text weight="semibold" className={s.section}>
            {t("provinceStage")}
          </Text>
          <table className={s.table} data-testid="province-table">
            <thead>
              <tr>
                <th className={s.th}>{t("colRank")}</th>
                <th className={s.th}>{t("colCounty")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colTargetScore")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colOverScore")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colPolicyScore")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colTotal")}</th>
              </tr>
            </thead>
            <tbody>
              {result.province.map((p) => (
                <tr key={`${p.city}|${p.county}`} data-county={p.county}>
                  <td className={s.td}>{cell(p, "rank", "province", t("colRank"))}</td>
                  <td className={s.td}>
                    {p.county}{" "}
                    {p.selected ? (
                      <Badge size="small" color="success">
                        {t("selected")}
                      </Badge>
                    ) : null}
                  </td>
                  <td className={`${s.td} ${s.num}`}>{cell(p, "targetScore", "province", t("colTargetScore"))}</td>
                  <td className={`${s.td} ${s.num}`}>{cell(p, "overScore", "province", t("colOverScore"))}</td>
                  <td className={`${s.td} ${s.num}`}>{cell(p, "policyScore", "province", t("colPolicyScore"))}</td>
                  <td className={`${s.td} ${s.num}`}>{cell(p, "total", "province", t("colTotal"))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Text weight="semibold" className={s.section}>
            {t("cityStage")}
          </Text>
          <table className={s.table} data-testid="city-table">
            <thead>
              <tr>
                <th className={s.th}>{t("colCounty")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colTargetScore")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colOverScore")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colPolicyScore")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colTotal")}</th>
              </tr>
            </thead>
            <tbody>
              {byCity.map((city) => [
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
                      <td className={`${s.td} ${s.num}`}>{cell(c, "targetScore", "city", t("colTargetScore"))}</td>
                      <td className={`${s.td} ${s.num}`}>{cell(c, "overScore", "city", t("colOverScore"))}</td>
                      <td className={`${s.td} ${s.num}`}>{cell(c, "policyScore", "city", t("colPolicyScore"))}</td>
                      <td className={`${s.td} ${s.num}`}>{cell(c, "total", "city", t("colTotal"))}</td>
                    </tr>
                  )),
              ])}
            </tbody>
          </table>
          {result.warnings.length ? (
            <IssueList issues={result.warnings} />
          ) : null}
        </>
      ) : null}
      {dialog}
    </div>
  );
}
