/** Flow 2, 评分: recognise the completion table's columns, confirm them, set the options, score, write live formulas. */
import { Button, Field, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SCORE_HEADERS } from "../core/templates";
import { CountyFlags } from "./score/CountyFlags";
import { MappingEditor } from "./score/MappingEditor";
import { OptionsForm } from "./score/OptionsForm";
import { CityTable, ProvinceTable } from "./score/ResultTables";
import { type ScoreState, useScoreFlow } from "./score/useScoreFlow";
import { COMPLETION_CHOICES, COMPLETION_REQUIRED, COUNTY_CHOICES } from "./scoreInput";
import { ErrorBar, IssueList, Status, useT } from "./common";

export type { ScoreState };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  row: { display: "flex", columnGap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  sheetField: { flexGrow: 1, flexBasis: 0 },
  section: { marginTop: "4px" },
  results: { display: "flex", flexDirection: "column", rowGap: "10px" },
  stale: { display: "flex", flexDirection: "column", rowGap: "10px", opacity: 0.55 },
  hint: { color: tokens.colorNeutralForeground2 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
});

export function ScoreTab({ state, onScored }: { state: ScoreState | null; onScored: (s: ScoreState) => void }) {
  const { t, lang } = useT();
  const s = useStyles();
  const flow = useScoreFlow(state, onScored);
  const { busy, completionMapping: cm, countyMapping: km, missing } = flow;
  const result = state?.result;
  const cities = result ? new Set(result.counties.map((c) => c.city)).size : 0;

  return (
    <div className={s.root}>
      <Text size={200}>{t("scoreIntro")}</Text>
      <div className={s.row}>
        <Field label={t("completionSheet")} size="small" className={s.sheetField}>
          <Select size="small" value={flow.completionName} onChange={(_, d) => flow.pickCompletion(d.value)}>
            {flow.sheets.map((x) => (
              <option key={x.name}>{x.name}</option>
            ))}
          </Select>
        </Field>
        <Field label={t("countySheet")} size="small" className={s.sheetField}>
          <Select size="small" value={flow.countyName} onChange={(_, d) => flow.pickCounty(d.value)}>
            <option value="">{t("noneOption")}</option>
            {flow.sheets.map((x) => (
              <option key={x.name}>{x.name}</option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={() => void flow.recognise()} disabled={busy !== null}>
          {t("rereadWorkbook")}
        </Button>
      </div>
      {cm ? <MappingEditor title={t("completionSheet")} m={cm} choices={COMPLETION_CHOICES} required={COMPLETION_REQUIRED} onChange={flow.setCompletionMapping} /> : null}
      {missing.length ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t("mappingMissing", { list: missing.map((c) => (lang === "zh" ? SCORE_HEADERS[c].label : SCORE_HEADERS[c].en)).join(lang === "zh" ? "、" : ", ") })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {km && flow.countyName ? <MappingEditor title={t("countySheet")} m={km} choices={COUNTY_CHOICES} required={["county"]} onChange={flow.setCountyMapping} /> : null}
      <Text size={200} weight="semibold">
        {t("optionsTitle")}
      </Text>
      <OptionsForm options={flow.options} onChange={flow.setOptions} />
      {flow.base.length ? <CountyFlags counties={flow.base} overrides={flow.flags} onChange={flow.setFlags} canWrite={!!flow.countyName && !!km} onWrite={() => void flow.writeFlags()} busy={busy !== null} /> : null}
      {!flow.optionsValid ? (
        <Text size={200} className={s.invalid} data-testid="options-invalid">
          {t("optionsInvalid")}
        </Text>
      ) : null}
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void flow.score()} disabled={busy !== null || !cm || missing.length > 0 || !flow.optionsValid}>
          {t("runScore")}
        </Button>
        {/* Out-of-date results are not written: the sheet would say options the pane no longer shows. */}
        <Button onClick={() => void flow.write()} disabled={busy !== null || !state || flow.stale}>
          {t("writeScoreSheet")}
        </Button>
        <Button onClick={() => void flow.writeCopy()} disabled={busy !== null || !state || flow.stale}>
          {t("writeDistributable")}
        </Button>
      </div>
      <Status busy={busy} error={flow.error} onDismissError={flow.clearError} note={flow.note} />
      {result && flow.stale ? (
        <MessageBar intent="warning" data-testid="score-stale">
          <MessageBarBody>{t("staleResults")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result ? (
        <div className={flow.stale ? s.stale : s.results} data-stale={flow.stale}>
          <Text size={200} data-testid="score-summary">
            {t("countiesRead", { n: result.counties.length, m: cities })}
          </Text>
          {result.warnings.some((w) => w.severity === "error") && result.counties.length === 0 ? (
            <ErrorBar error={{ msg: result.warnings[0], sheet: result.warnings[0].sheet, cell: result.warnings[0].cell }} />
          ) : null}
          {/* Near the top, counted and folded: below the tables they were 100 rows out of sight. */}
          {result.warnings.length ? <IssueList issues={result.warnings} title={t("warningsSummary", { n: result.warnings.length })} /> : null}
          <Text size={200} className={s.hint} data-testid="click-hint">
            {t("clickHint")}
          </Text>
          <Text weight="semibold" className={s.section}>
            {t("provinceStage")}
          </Text>
          <ProvinceTable result={result} />
          <Text weight="semibold" className={s.section}>
            {t("cityStage")}
          </Text>
          <CityTable result={result} />
        </div>
      ) : null}
      {flow.dialog}
    </div>
  );
}
