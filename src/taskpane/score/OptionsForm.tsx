/** The scoring options of rules.md (top, step, floor, standard score, completion basis, places, 加快发展县). */
import { Field, Input, Select, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { normalizeText } from "../../core/parse";
import { MAX_MARGIN } from "../../core/score";
import type { ScoreOptions } from "../../core/types";
import type { StringKey } from "../i18n";
import { useT } from "../common";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: "8px", rowGap: "6px" },
  input: { minWidth: 0, width: "100%" },
});

export type NumericOption = "top" | "step" | "floor" | "slots" | "minAccelerated" | "margin";
const NUMERIC: readonly NumericOption[] = ["top", "step", "floor", "slots", "minAccelerated", "margin"];

export type RawOptions = Record<NumericOption, string>;
export type OptionErrors = Partial<Record<NumericOption, { key: StringKey; vars?: Record<string, number> }>>;

export function rawOf(o: ScoreOptions): RawOptions {
  return Object.fromEntries(NUMERIC.map((k) => [k, String(o[k])])) as RawOptions;
}

/**
 * A number typed in the form. A Chinese input method gives 。 or ， for the decimal point (and some keyboards ,):
 * one of them is read as the point where that is the only reading. 1,000 could also be a thousands separator, so a
 * comma before exactly three digits is refused with its own message, never read as 1000 or 1 in silence.
 */
export function readTypedNumber(typed: string): { value: number } | { error: "optNotNumber" | "optAmbiguousComma" } {
  // Full-width digits and points to ASCII, spaces out (the engine's reading of a cell); NFKC turns ， into , and keeps 。.
  const text = normalizeText(typed);
  const marks = text.match(/[.,，。]/g) ?? [];
  if (marks.length > 1) return { error: "optNotNumber" };
  if (/^[+-]?\d{1,3}[,，]\d{3}$/.test(text)) return { error: "optAmbiguousComma" };
  const plain = text.replace(/[,，。]/, ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(plain)) return { error: "optNotNumber" };
  return { value: Number(plain) };
}

/**
 * Each field's fault in its own words (the engine's checkRankOptions/resolveOptions rules, said as the form
 * names the fields): a wrong field is marked where it is, and nothing is scored until it is right.
 */
export function optionErrors(raw: RawOptions): OptionErrors {
  const errors: OptionErrors = {};
  const n = (k: NumericOption): number | null => {
    const r = readTypedNumber(raw[k]);
    if ("error" in r) {
      errors[k] = { key: r.error };
      return null;
    }
    return r.value;
  };
  const top = n("top");
  const step = n("step");
  const floor = n("floor");
  const slots = n("slots");
  const minAccelerated = n("minAccelerated");
  const margin = n("margin");
  if (top !== null && top <= 0) errors.top = { key: "optTopInvalid" };
  if (step !== null && step < 0) errors.step = { key: "optStepInvalid" };
  if (floor !== null && top !== null && (floor < 0 || floor > top)) errors.floor = { key: "optFloorInvalid", vars: { top } };
  if (slots !== null && (!Number.isInteger(slots) || slots < 1)) errors.slots = { key: "optSlotsInvalid" };
  if (minAccelerated !== null && slots !== null && (!Number.isInteger(minAccelerated) || minAccelerated < 0 || minAccelerated > slots))
    errors.minAccelerated = { key: "optMinAcceleratedInvalid", vars: { slots } };
  if (margin !== null && (margin < 0 || margin > MAX_MARGIN)) errors.margin = { key: "optMarginInvalid", vars: { max: MAX_MARGIN } };
  return errors;
}

/**
 * `onChange(options, valid)`: the options as typed; `valid` false while a field is wrong (the options then
 * keep the last right value of that field, and the caller scores nothing).
 */
export function OptionsForm({ options, onChange }: { options: ScoreOptions; onChange: (o: ScoreOptions, valid: boolean) => void }) {
  const { t } = useT();
  const s = useStyles();
  const [raw, setRaw] = useState<RawOptions>(() => rawOf(options));
  const errors = optionErrors(raw);
  const edit = (key: NumericOption, text: string) => {
    const next = { ...raw, [key]: text };
    setRaw(next);
    const e = optionErrors(next);
    const valid = Object.keys(e).length === 0;
    const parsed = Object.fromEntries(NUMERIC.filter((k) => !e[k]).map((k) => [k, (readTypedNumber(next[k]) as { value: number }).value]));
    onChange({ ...options, ...parsed }, valid);
  };
  const num = (key: NumericOption, label: string) => {
    const e = errors[key];
    return (
      <Field label={label} size="small" validationState={e ? "error" : "none"} validationMessage={e ? t(e.key, e.vars) : undefined}>
        {/* Text, not type="number": a number field drops what it cannot parse, so 0。5 or 0,5 from an input method became 05. */}
        <Input size="small" className={s.input} type="text" inputMode="decimal" value={raw[key]} onChange={(_, d) => edit(key, d.value)} />
      </Field>
    );
  };
  const valid = Object.keys(errors).length === 0;
  return (
    <div className={s.grid}>
      {num("top", t("optTop"))}
      {num("step", t("optStep"))}
      {num("floor", t("optFloor"))}
      <Field label={t("optStd")} size="small">
        <Select size="small" value={options.std} onChange={(_, d) => onChange({ ...options, std: d.value as ScoreOptions["std"] }, valid)}>
          <option value="full">{t("optStdFull", { top: options.top })}</option>
          <option value="max">{t("optStdMax")}</option>
        </Select>
      </Field>
      <Field label={t("optBasis")} size="small">
        <Select size="small" value={options.basis} onChange={(_, d) => onChange({ ...options, basis: d.value as ScoreOptions["basis"] }, valid)}>
          <option value="ratio">{t("optBasisRatio")}</option>
          <option value="value">{t("optBasisValue")}</option>
        </Select>
      </Field>
      {num("slots", t("optSlots"))}
      {num("minAccelerated", t("optMinAccelerated"))}
      {options.minAccelerated === 0 ? <Text size={200} data-testid="opt-no-accelerated">{t("optNoAccelerated")}</Text> : null}
      {num("margin", t("optMargin"))}
      <Field label={t("optUnassigned")} size="small">
        <Select size="small" value={options.unassigned} data-testid="opt-unassigned" onChange={(_, d) => onChange({ ...options, unassigned: d.value as ScoreOptions["unassigned"] }, valid)}>
          <option value="exclude">{t("optUnassignedExclude")}</option>
          <option value="zero">{t("optUnassignedZero")}</option>
        </Select>
      </Field>
    </div>
  );
}
