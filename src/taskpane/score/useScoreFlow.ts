/**
 * The score flow's state and steps, apart from how they are shown: which sheets hold the completion table and the
 * county table, how their columns map, the options, then scoring (the engine) and writing the results sheet (the
 * Excel operations). A result is never changed after it is computed: what the reads had to leave out is added to
 * a new result's warnings.
 */
import { useEffect, useState } from "react";
import { runSelection } from "../../core/select";
import { DEFAULT_OPTIONS, type CountyInput, type ScoreOptions, type SelectionResult, type SheetData } from "../../core/types";
import type { ReadSheet } from "../../excel/ops";
import { COMPLETION_REQUIRED, detectHeader, type HeaderMapping, isCompletionSheet, isCountySheet, missingColumns, readCounties } from "../scoreInput";
import { distributableSheet } from "../distributable";
import { type FlagOverrides, flagWrites, withFlags } from "./CountyFlags";
import { scoreSheet } from "../scoreSheet";
import { useBusy, useConfirmReplace, useNote, useOps, useT } from "../common";
import type { ScoreColumn } from "../../core/templates";

export interface ScoreState {
  result: SelectionResult;
  /** What the result was computed from (sheets, mappings, options): results differing from the form are out of date. */
  inputs: string;
  counties: CountyInput[];
  completion: { sheet: SheetData; mapping: HeaderMapping };
  county: { sheet: SheetData; mapping: HeaderMapping } | null;
}

export function useScoreFlow(state: ScoreState | null, onScored: (s: ScoreState) => void) {
  const ops = useOps();
  const { t, lang } = useT();
  const { busy, error, setError, run } = useBusy();
  const { confirmReplace, dialog } = useConfirmReplace();
  const [note, setNote] = useNote();
  const [sheets, setSheets] = useState<SheetData[]>([]);
  const [completionName, setCompletionName] = useState("");
  const [countyName, setCountyName] = useState("");
  const [completionMapping, setCompletionMapping] = useState<HeaderMapping | null>(null);
  const [countyMapping, setCountyMapping] = useState<HeaderMapping | null>(null);
  const [options, setOptionsState] = useState<ScoreOptions>({ ...DEFAULT_OPTIONS });
  const [optionsValid, setOptionsValid] = useState(true);
  // The counties as last read (the ticks' defaults) and the user's ticks over them.
  const [base, setBase] = useState<CountyInput[]>([]);
  const [flags, setFlags] = useState<FlagOverrides>({});
  const setOptions = (o: ScoreOptions, valid = true) => {
    setOptionsState(o);
    setOptionsValid(valid);
  };

  /** Every user sheet, read afresh: the workbook may have changed since the last read. */
  const readAll = async (): Promise<SheetData[]> => {
    // A filled-in template and the city sheets 汇总 writes hold the user's figures: they are read like the user's own.
    const list = (await ops.listSheets()).filter((x) => !x.ours || x.kind === "template");
    const read: SheetData[] = [];
    for (const x of list) read.push(await ops.readSheet(x.name));
    setSheets(read);
    return read;
  };

  /** Reads the user's sheets and recognises the two tables by their headers. */
  const recognise = () =>
    run(t("working"), async () => {
      const read = await readAll();
      const completion = read.find((x) => isCompletionSheet(detectHeader(x)));
      const county = read.find((x) => x !== completion && isCountySheet(detectHeader(x)));
      setCompletionName(completion?.name ?? read[0]?.name ?? "");
      setCompletionMapping(completion ? detectHeader(completion) : read[0] ? detectHeader(read[0]) : null);
      setCountyName(county?.name ?? "");
      setCountyMapping(county ? detectHeader(county) : null);
    });

  useEffect(() => {
    void recognise();
    // Recognise once when the tab opens; the button reruns it after the user changes the workbook.
  }, []);

  const pickCompletion = (name: string) => {
    setCompletionName(name);
    const sh = sheets.find((x) => x.name === name);
    setCompletionMapping(sh ? detectHeader(sh) : null);
  };
  const pickCounty = (name: string) => {
    setCountyName(name);
    const sh = sheets.find((x) => x.name === name);
    setCountyMapping(sh ? detectHeader(sh) : null);
  };

  const missing: readonly ScoreColumn[] = completionMapping ? missingColumns(completionMapping, COMPLETION_REQUIRED) : COMPLETION_REQUIRED;

  const inputs = inputsKey(completionName, countyName, completionMapping, countyMapping, options, flags);
  const stale = state !== null && state.inputs !== inputs;

  const score = () =>
    run(t("working"), async () => {
      setNote(null);
      if (!optionsValid) return;
      // Every run reads the workbook afresh: actuals edited since the last run must count.
      const fresh = await readAll();
      const completion = fresh.find((x) => x.name === completionName);
      if (!completion || !completionMapping) return;
      const county = fresh.find((x) => x.name === countyName) ?? null;
      // The user's mapping holds while the header row still says the same; a changed header is recognised again.
      const cm = keepMapping(completionMapping, completion);
      const km = county ? keepMapping(countyMapping, county) : null;
      if (cm !== completionMapping) setCompletionMapping(cm);
      if (km !== countyMapping) setCountyMapping(km);
      if (!cm) return;
      const read = readCounties(completion, cm, county, km);
      if (!read.ok) {
        setError({ msg: read.error, sheet: read.sheet, cell: read.cell });
        return;
      }
      setBase(read.counties);
      const counties = withFlags(read.counties, flags);
      const scored = runSelection(counties, options);
      // What the reads had to leave out (a far cell, merges) is said with the results.
      const notices = [completion, county].flatMap((x) => (x as ReadSheet | null)?.notices ?? []);
      const result: SelectionResult = { ...scored, warnings: [...notices, ...read.warnings, ...scored.warnings] };
      onScored({ result, inputs: inputsKey(completionName, countyName, cm, km, options, flags), counties, completion: { sheet: completion, mapping: cm }, county: county && km ? { sheet: county, mapping: km } : null });
    });

  const write = () =>
    run(t("working"), async () => {
      if (!state) return;
      const w = await ops.writeSheet(scoreSheet({ ...state, lang }), { confirmReplace });
      setNote("scoreWritten", { sheet: w.sheet });
    });

  /** The ticks written back to the county sheet, on the user's request only (CountyFlags asks first). */
  const writeFlags = () =>
    run(t("working"), async () => {
      if (!countyName) return;
      const sheet = await ops.readSheet(countyName);
      const km = keepMapping(countyMapping, sheet);
      if (!km) return;
      const cells = flagWrites(sheet, km, base, flags);
      const n = await ops.setUserCells(sheet.name, cells);
      setNote("flagsWritten", { sheet: sheet.name, n });
    });

  /** 生成可分发副本: the results shown, as values and plain formulas (no =ZG.…), on a sheet of ours. */
  const writeCopy = () =>
    run(t("working"), async () => {
      if (!state) return;
      const w = await ops.writeSheet(distributableSheet(state.result, lang), { confirmReplace });
      setNote("distributableWritten", { sheet: w.sheet });
    });

  return {
    busy,
    error,
    clearError: () => setError(null),
    note,
    dialog,
    sheets,
    completionName,
    countyName,
    completionMapping,
    countyMapping,
    setCompletionMapping,
    setCountyMapping,
    options,
    setOptions,
    optionsValid,
    stale,
    missing,
    recognise,
    pickCompletion,
    pickCounty,
    score,
    write,
    writeCopy,
    base,
    flags,
    setFlags,
    writeFlags,
  };
}

/** The mapping to use on a sheet as now read: the one given while its header row says the same, else recognised anew. */
function keepMapping(m: HeaderMapping | null, sheet: SheetData): HeaderMapping | null {
  const again = detectHeader(sheet);
  if (m && again && again.row === m.row && again.texts.join("\u0000") === m.texts.join("\u0000")) return m;
  return again;
}

/** What a result was computed from; the 汇总 view keys its result the same way, so the 评分 tab shows it as current. */
export function inputsKey(completion: string, county: string, cm: HeaderMapping | null, km: HeaderMapping | null, options: ScoreOptions, flags: FlagOverrides): string {
  return JSON.stringify([completion, county, cm?.row, cm?.columns, km?.row, km?.columns, options, flags]);
}
