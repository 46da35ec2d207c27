/** The scoring options of rules.md (top, step, floor, standard score, completion basis, places, 加快发展县). */
import { Field, Input, Select, makeStyles } from "@fluentui/react-components";
import type { ScoreOptions } from "../../core/types";
import { useT } from "../shared";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: "8px", rowGap: "6px" },
  input: { minWidth: 0, width: "100%" },
});

type NumericOption = "top" | "step" | "floor" | "slots" | "minAccelerated" | "margin";

export function OptionsForm({ options, onChange }: { options: ScoreOptions; onChange: (o: ScoreOptions) => void }) {
  const { t } = useT();
  const s = useStyles();
  const num = (key: NumericOption, label: string, step: number, min: number) => (
    <Field label={label} size="small">
      <Input
        size="small"
        className={s.input}
        type="number"
        step={step}
        min={min}
        defaultValue={String(options[key])}
        onChange={(_, d) => {
          const v = Number(d.value);
          if (d.value !== "" && Number.isFinite(v)) onChange({ ...options, [key]: v });
        }}
      />
    </Field>
  );
  return (
    <div className={s.grid}>
      {num("top", t("optTop"), 0.5, 0)}
      {num("step", t("optStep"), 0.1, 0)}
      {num("floor", t("optFloor"), 0.5, 0)}
      <Field label={t("optStd")} size="small">
        <Select size="small" value={options.std} onChange={(_, d) => onChange({ ...options, std: d.value as ScoreOptions["std"] })}>
          <option value="full">{t("optStdFull", { top: options.top })}</option>
          <option value="max">{t("optStdMax")}</option>
        </Select>
      </Field>
      <Field label={t("optBasis")} size="small">
        <Select size="small" value={options.basis} onChange={(_, d) => onChange({ ...options, basis: d.value as ScoreOptions["basis"] })}>
          <option value="ratio">{t("optBasisRatio")}</option>
          <option value="value">{t("optBasisValue")}</option>
        </Select>
      </Field>
      {num("slots", t("optSlots"), 1, 1)}
      {num("minAccelerated", t("optMinAccelerated"), 1, 0)}
      {num("margin", t("optMargin"), 0.1, 0)}
    </div>
  );
}
