/**
 * Last year's winners (上年度已获激励, 2号 第六条（二）) and the 26 加快发展县 (第三条), ticked in the pane: the
 * defaults come from the county sheet's columns where it has them, else from the 2020 list in core/reference.ts
 * (none ticked as last year's winner). A tick changes the next run only; it is written back to the county sheet
 * only when the user asks (one button, the cells it will change listed in its confirmation).
 */
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { a1 } from "../../core/address";
import { findCounty, isAccelerated } from "../../core/reference";
import { SCORE_HEADERS } from "../../core/templates";
import type { CountyInput, SheetData } from "../../core/types";
import type { HeaderMapping } from "../scoreInput";
import { useT } from "../common";

export interface Flags {
  accelerated: boolean;
  previousWinner: boolean;
}
/** The user's ticks, by county key (city|county); counties not in it keep their defaults. */
export type FlagOverrides = Record<string, Flags>;

export const flagKey = (c: { city: string; county: string }) => `${c.city}|${c.county}`;

export function defaultFlags(c: CountyInput): Flags {
  return { accelerated: c.accelerated ?? isAccelerated(c.county), previousWinner: c.previousWinner === true };
}

export function flagsOf(c: CountyInput, overrides: FlagOverrides): Flags {
  return overrides[flagKey(c)] ?? defaultFlags(c);
}

/** The counties with the ticks applied, for the engine. */
export function withFlags(counties: CountyInput[], overrides: FlagOverrides): CountyInput[] {
  return counties.map((c) => (overrides[flagKey(c)] ? { ...c, ...overrides[flagKey(c)] } : c));
}

/**
 * The cells of the county sheet that writing the ticks back changes: each county's 加快发展县 and 上年度已获激励
 * cells (a column appended after the header's last one where the sheet has none), as text 是/否.
 */
export function flagWrites(sheet: SheetData, m: HeaderMapping, counties: CountyInput[], overrides: FlagOverrides): { address: string; value: string }[] {
  const o = sheet.origin ?? { row: 0, col: 0 };
  const width = Math.max(m.texts.length, ...sheet.cells.map((r) => r?.length ?? 0));
  const countyCol = m.columns.indexOf("county");
  const out: { address: string; value: string }[] = [];
  let next = width;
  const columnOf = (c: "accelerated" | "previousWinner"): number => {
    const i = m.columns.indexOf(c);
    if (i >= 0) return i;
    const added = next++;
    out.push({ address: a1(o.row + m.row, o.col + added), value: SCORE_HEADERS[c].label });
    return added;
  };
  const accCol = columnOf("accelerated");
  const prevCol = columnOf("previousWinner");
  const same = (a: string, b: string) => (findCounty(a)?.name ?? a.trim()) === (findCounty(b)?.name ?? b.trim());
  for (let r = m.row + 1; r < sheet.cells.length; r++) {
    const name = sheet.cells[r]?.[countyCol];
    if (typeof name !== "string" || !name.trim()) continue;
    const c = counties.find((x) => same(x.county, name));
    if (!c) continue;
    const f = flagsOf(c, overrides);
    out.push({ address: a1(o.row + r, o.col + accCol), value: f.accelerated ? "是" : "否" });
    out.push({ address: a1(o.row + r, o.col + prevCol), value: f.previousWinner ? "是" : "否" });
  }
  return out;
}

const useStyles = makeStyles({
  details: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "4px 8px" },
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  city: { marginTop: "6px", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  row: { display: "grid", gridTemplateColumns: "minmax(0,1fr) auto auto", alignItems: "center", fontSize: tokens.fontSizeBase200 },
  head: { display: "grid", gridTemplateColumns: "minmax(0,1fr) auto auto", columnGap: "4px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { marginTop: "6px", display: "flex", columnGap: "8px", flexWrap: "wrap" },
});

export function CountyFlags({
  counties,
  overrides,
  onChange,
  canWrite,
  onWrite,
  busy,
}: {
  counties: CountyInput[];
  overrides: FlagOverrides;
  onChange: (o: FlagOverrides) => void;
  /** False without a county sheet (nowhere to write back to). */
  canWrite: boolean;
  onWrite: () => void;
  busy: boolean;
}) {
  const { t } = useT();
  const s = useStyles();
  const [asking, setAsking] = useState(false);
  // The 180 check boxes are mounted only while the list is open: a closed list costs the results nothing.
  const [open, setOpen] = useState(false);
  const all = counties.map((c) => flagsOf(c, overrides));
  return (
    <details className={s.details} data-testid="county-flags" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary className={s.summary}>{t("flagsTitle", { a: all.filter((f) => f.accelerated).length, p: all.filter((f) => f.previousWinner).length })}</summary>
      <Text size={200}>{t("flagsIntro")}</Text>
      {open ? <FlagList counties={counties} overrides={overrides} onChange={onChange} /> : null}
      <div className={s.actions}>
        <Button size="small" onClick={() => setAsking(true)} disabled={busy || !canWrite}>
          {t("flagsWriteBack")}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => onChange({})} disabled={busy || Object.keys(overrides).length === 0}>
          {t("flagsReset")}
        </Button>
      </div>
      <Dialog open={asking} onOpenChange={(_, d) => setAsking(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("flagsWriteBack")}</DialogTitle>
            <DialogContent>{t("flagsWriteBackBody")}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setAsking(false);
                  onWrite();
                }}
              >
                {t("flagsWriteBackYes")}
              </Button>
              <Button onClick={() => setAsking(false)}>{t("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </details>
  );
}

function FlagList({ counties, overrides, onChange }: { counties: CountyInput[]; overrides: FlagOverrides; onChange: (o: FlagOverrides) => void }) {
  const { t } = useT();
  const s = useStyles();
  const cities = [...new Set(counties.map((c) => c.city))];
  const set = (c: CountyInput, patch: Partial<Flags>) => onChange({ ...overrides, [flagKey(c)]: { ...flagsOf(c, overrides), ...patch } });
  return (
    <>
      <div className={s.head} aria-hidden>
        <span />
        <span>{t("flagAccelerated")}</span>
        <span>{t("flagPrevious")}</span>
      </div>
      {cities.map((city) => (
        <div key={city} role="group" aria-label={city}>
          <div className={s.city}>{city}</div>
          {counties
            .filter((c) => c.city === city)
            .map((c) => {
              const f = flagsOf(c, overrides);
              return (
                <div key={flagKey(c)} className={s.row} data-county={c.county}>
                  <span>{c.county}</span>
                  <Checkbox checked={f.accelerated} onChange={(_, d) => set(c, { accelerated: d.checked === true })} aria-label={`${c.county} ${t("flagAccelerated")}`} />
                  <Checkbox checked={f.previousWinner} onChange={(_, d) => set(c, { previousWinner: d.checked === true })} aria-label={`${c.county} ${t("flagPrevious")}`} />
                </div>
              );
            })}
        </div>
      ))}
    </>
  );
}
