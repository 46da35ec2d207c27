/** Flow 1, 分解校核: check the decomposition table around the selection against its parent targets (rules.md §2). */
import { Badge, Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { checkSheet } from "../core/table";
import type { CheckResult, SheetCheck } from "../core/types";
import { blockAddress } from "../core/address";
import { fmtQuantity } from "./i18n";
import { marksFor, reportSheet, statusText } from "./report";
import { explainCheck } from "./explain";
import { useRovingTable } from "./roving";
import { Status, Explained, IssueList, useBusy, useConfirmReplace, useNote, useOps, useT } from "./common";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  row: { display: "flex", columnGap: "8px", flexWrap: "wrap", alignItems: "center" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: "4px 4px", whiteSpace: "nowrap" },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: "4px 4px", verticalAlign: "top", lineHeight: tokens.lineHeightBase200 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // 12 px and the stronger secondary colour: 10 px grey was hard to read at Excel's pane width.
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginTop: "2px" },
  // Theme-aware, so the row stays readable in Office's dark theme.
  shortRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

function StatusBadge({ r }: { r: CheckResult }) {
  const { lang } = useT();
  const color = r.status === "ok" ? "success" : r.status === "short" ? "danger" : "informative";
  return (
    <Badge appearance="tint" color={color} data-status={r.status}>
      {statusText(lang, r)}
    </Badge>
  );
}

export function CheckTab({ onChecked }: { onChecked?: (c: SheetCheck) => void }) {
  const ops = useOps();
  const { t, lang, m } = useT();
  const s = useStyles();
  const { busy, error, setError, run } = useBusy();
  const { confirmReplace, dialog } = useConfirmReplace();
  const [address, setAddress] = useState("");
  const [check, setCheck] = useState<SheetCheck | null>(null);
  const [note, setNote] = useNote();
  const roving = useRovingTable<HTMLTableElement>();

  const doCheck = () =>
    run(t("working"), async () => {
      setNote(null);
      const sheet = await ops.getSelectionSheet(address.trim() ? { address: address.trim() } : {});
      const checked = checkSheet(sheet);
      // What the read had to leave out or choose (several ranges, a far cell, merges) comes first.
      const result = sheet.notices?.length ? { ...checked, issues: [...sheet.notices, ...checked.issues] } : checked;
      if (!result.table) {
        setCheck(null);
        const first = checked.issues[0];
        setError({ msg: first ?? { zh: t("noTable"), en: t("noTable") }, sheet: sheet.name, cell: first?.cell });
        return;
      }
      setCheck(result);
      onChecked?.(result);
      // Mark right away: the shortfalls are what the user came to see; one click removes them.
      const marks = marksFor(result);
      if (marks.length) {
        const n = await ops.markCells(marks);
        setNote("marked", { n });
      }
    });

  const doClear = () =>
    run(t("working"), async () => {
      const n = await ops.clearMarks();
      setNote("marksCleared", { n });
    });

  const doReport = () =>
    run(t("working"), async () => {
      if (!check) return;
      const w = await ops.writeSheet(reportSheet(check, lang), { confirmReplace });
      setNote("reportWritten", { sheet: w.sheet });
    });

  const counts = check ? { ok: check.results.filter((r) => r.status === "ok").length, short: check.results.filter((r) => r.status === "short").length, unchecked: check.results.filter((r) => r.status === "unchecked").length } : null;

  return (
    <div className={s.root}>
      <Text size={200}>{t("checkIntro")}</Text>
      <Field label={t("rangeLabel")}>
        <Input value={address} onChange={(_, d) => setAddress(d.value)} placeholder={t("rangePlaceholder")} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void doCheck()} disabled={busy !== null}>
          {t("runCheck")}
        </Button>
        <Button onClick={() => void doClear()} disabled={busy !== null}>
          {t("clearMarks")}
        </Button>
        <Button onClick={() => void doReport()} disabled={busy !== null || !check}>
          {t("writeReport")}
        </Button>
      </div>
      <Status busy={busy} error={error} onDismissError={() => setError(null)} note={note} />
      {check && check.table && counts ? (
        <>
          <Text size={200} data-testid="table-found">
            {t("tableFound", {
              sheet: check.sheet,
              region: blockAddress(check.table.region),
              n: check.results.length,
              m: check.table.childNames.length,
              orientation: t(check.table.orientation === "indicatorRows" ? "orientationRows" : "orientationColumns"),
            })}
          </Text>
          <div className={s.row} data-testid="check-summary">
            <Badge color="success" appearance="filled">
              {t("summaryOk", { n: counts.ok })}
            </Badge>
            <Badge color="danger" appearance="filled">
              {t("summaryShort", { n: counts.short })}
            </Badge>
            <Badge color="informative" appearance="filled">
              {t("summaryUnchecked", { n: counts.unchecked })}
            </Badge>
          </div>
          <table className={s.table} data-testid="check-results" ref={roving.ref} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
            <thead>
              <tr>
                <th className={s.th}>{t("colIndicator")}</th>
                <th className={`${s.th} ${s.num}`}>{t("colGap")}</th>
                <th className={s.th}>{t("colStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {check.results.map((r, i) => (
                <tr key={i} className={r.status === "short" ? s.shortRow : undefined} data-indicator={r.indicator}>
                  <td className={s.td}>
                    {r.indicator}
                    <div className={s.detail}>
                      {t("colParent")} {fmtQuantity(r.parent, r.unit, r.displayUnit)}
                      {r.childrenTotal !== null ? ` · ${t("colChildren")} ${fmtQuantity(r.childrenTotal, r.unit, r.childrenUnit ?? r.displayUnit)}` : ""}
                      {r.status === "short" && r.kind === "rate" ? ` · ${t("shortChildren", { list: r.short.join(lang === "zh" ? "、" : ", ") })}` : ""}
                      {r.status === "short" && r.kind !== "rate" ? ` · ${t("totalShort", { gap: fmtQuantity(-(r.gap ?? 0), r.unit, r.displayUnit) })}` : ""}
                      {r.status === "unchecked" && r.reason ? ` · ${m(r.reason)}` : ""}
                    </div>
                  </td>
                  <td className={`${s.td} ${s.num}`}>
                    <Explained text={r.gap === null ? "—" : fmtQuantity(r.gap, r.unit, r.displayUnit)} label={t("colGap")} subject={r.indicator} explanation={() => explainCheck(r)} />
                  </td>
                  <td className={s.td} style={{ whiteSpace: "nowrap" }}>
                    <StatusBadge r={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <IssueList issues={check.issues} />
        </>
      ) : null}
      {dialog}
    </div>
  );
}
