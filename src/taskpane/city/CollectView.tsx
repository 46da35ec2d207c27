/**
 * 汇总 in the pane (2号 第六条（二）): choose the counties' returned workbooks, ZG reads them here, checks
 * each (core/collect.ts) and writes the city's completion sheet and county sheet into the open workbook as NEW sheets
 * of ours (never over the user's), then scores them as the 评分 tab reads them, so the results are one click away.
 */
import { Badge, Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { collectCounties, type CollectResult } from "../../core/collect";
import { findDecompositionTable } from "../../core/table";
import { runSelection } from "../../core/select";
import { DEFAULT_OPTIONS, type SheetData } from "../../core/types";
import type { SheetContent } from "../../excel/ops";
import { tr } from "../i18n";
import { detectHeader, readCounties } from "../scoreInput";
import { inputsKey, type ScoreState } from "../score/useScoreFlow";
import { CitySelect, IssueList, Status, useBusy, useNote, useOps, useT } from "../common";
import type { WorkbookReader } from "./readFiles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", columnGap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "4px" },
  item: { borderLeft: `3px solid ${tokens.colorPaletteGreenBorderActive}`, paddingLeft: "8px" },
  rejected: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  head: { display: "flex", alignItems: "center", columnGap: "6px", flexWrap: "wrap" },
  hiddenInput: { display: "none" },
});

/** The sheet names we ask for (a free name is derived when taken): ZG's, so they are never the user's. */
export const COLLECTED_SHEETS = { completion: "ZG汇总完成情况", county: "ZG汇总县" } as const;

function content(sheet: SheetData, name: string, widths: number[]): SheetContent {
  return {
    name,
    kind: "template",
    cells: sheet.cells,
    // Text stays text ('12%', '1300台' as the county typed them), never a number or a formula.
    numberFormats: sheet.cells.map((row, r) => row.map((v) => (r > 0 && typeof v === "string" ? "@" : null))),
    boldRows: [0],
    freezeRows: 1,
    columnWidths: widths,
  };
}

export function CollectView({ onScored, reader }: { onScored: (s: ScoreState) => void; reader?: WorkbookReader }) {
  const ops = useOps();
  const { t, m } = useT();
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [city, setCity] = useState("");
  // The city's decomposition to its counties, where the open workbook holds it: targets are checked against it.
  const [sheetNames, setSheetNames] = useState<string[]>([]);
  const [decomposition, setDecomposition] = useState("");
  useEffect(() => {
    void ops.listSheets().then((list) => setSheetNames(list.filter((x) => !x.ours).map((x) => x.name)), () => setSheetNames([]));
  }, [ops]);
  const [result, setResult] = useState<CollectResult | null>(null);
  const { busy, error, setError, run } = useBusy();
  const [note, setNote] = useNote();

  const collect = () =>
    run(t("working"), async () => {
      setNote(null);
      // The file reader is evaluated when first used (in the same bundle: "eager" makes no extra chunk), so opening
      // the pane costs nothing for it.
      const { readChosenFiles } = await import(/* webpackMode: "eager" */ "./readFiles");
      const read = await readChosenFiles(files, reader);
      let table = null;
      if (decomposition) {
        table = findDecompositionTable(await ops.readSheet(decomposition));
        if (!table) {
          setError({ msg: { zh: tr("zh", "collectNoDecomposition", { sheet: decomposition }), en: tr("en", "collectNoDecomposition", { sheet: decomposition }) }, sheet: decomposition });
          return;
        }
      }
      const r = collectCounties(read, { city: city || null, decomposition: table });
      setResult(r);
      if (r.counties.length === 0) {
        setNote("collectNothing");
        return;
      }
      const names = await ops.insertTemplates([
        content(r.completion, COLLECTED_SHEETS.completion, [10, 16, 46, 8, 14, 14, 40]),
        content(r.county, COLLECTED_SHEETS.county, [16, 10, 10, 14, 10, 10, 10, 16, 12, 16]),
      ]);
      // Scored as the 评分 tab reads the written sheets, so what is shown is what the workbook holds.
      const completion = { sheet: { ...r.completion, name: names[0] }, mapping: detectHeader({ ...r.completion, name: names[0] })! };
      const county = { sheet: { ...r.county, name: names[1] }, mapping: detectHeader({ ...r.county, name: names[1] })! };
      const counties = readCounties(completion.sheet, completion.mapping, county.sheet, county.mapping);
      if (!counties.ok) {
        setError({ msg: counties.error, sheet: counties.sheet, cell: counties.cell });
        return;
      }
      const selection = runSelection(counties.counties, { ...DEFAULT_OPTIONS });
      onScored({
        result: { ...selection, warnings: [...counties.warnings, ...selection.warnings] },
        inputs: inputsKey(names[0], names[1], completion.mapping, county.mapping, { ...DEFAULT_OPTIONS }, {}),
        counties: counties.counties,
        completion,
        county,
      });
      setNote("collectWritten", { sheets: names });
    });

  return (
    <div className={s.root} data-testid="collect-view">
      <Text weight="semibold">{t("collectTitle")}</Text>
      <Text size={200}>{t("collectIntro")}</Text>
      <div className={s.row}>
        <input
          ref={input}
          className={s.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="collect-input"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
        <Button size="small" onClick={() => input.current?.click()} disabled={busy !== null}>
          {t("collectFiles")}
        </Button>
        <Text size={200}>{t("collectChosen", { n: files.length })}</Text>
        <CitySelect label={t("collectCity")} value={city} onChange={setCity} empty={t("collectCityAuto")} />
        <Field label={t("collectDecomposition")} size="small">
          <Select size="small" value={decomposition} onChange={(_, d) => setDecomposition(d.value)} data-testid="collect-decomposition">
            <option value="">{t("noneOption")}</option>
            {sheetNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" size="small" onClick={() => void collect()} disabled={busy !== null || files.length === 0}>
          {t("runCollect")}
        </Button>
      </div>
      <Status busy={busy} error={error} onDismissError={() => setError(null)} note={note} />
      {result ? (
        <>
          <ul className={s.list} data-testid="collect-files">
            {result.files.map((f, i) => (
              <li key={i} className={`${s.item} ${f.status === "ok" ? "" : s.rejected}`} data-file={f.file} data-status={f.status}>
                <div className={s.head}>
                  <Text weight="semibold">{f.file}</Text>
                  {f.county ? <Text>{f.county}</Text> : null}
                  <Badge size="small" color={f.status === "ok" ? "success" : "danger"}>
                    {f.status === "ok" ? t("collectOk") : t("collectRejected")}
                  </Badge>
                  {f.status === "ok" ? <Text size={200}>{t("collectRows", { n: f.rows })}</Text> : null}
                </div>
                {f.problems.length ? <IssueList issues={f.problems} /> : null}
              </li>
            ))}
          </ul>
          {result.missing.length ? (
            <Text size={200} data-testid="collect-missing">
              {t("collectMissing", { list: result.missing.join("、") })}
            </Text>
          ) : null}
          {result.warnings.some((w) => w.code !== "collect-missing-county") ? (
            <Text size={200}>{result.warnings.filter((w) => w.code !== "collect-missing-county").map(m).join(" ")}</Text>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
