/**
 * 差距分析 in the pane: any county of the score results, its gap at the city stage and, where it is
 * recommended, at the province stage; per indicator the actual that passes the next better county, in the table's
 * own unit and decimals (core/gap.ts, proven there by rescoring).
 */
import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { TARGET_STEP, countyGap, writtenFigure, type IndicatorGap } from "../../core/gap";
import { fmt, fmtScore } from "../i18n";
import type { ScoreState } from "../score/useScoreFlow";
import { ErrorBar, useT } from "../common";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "8px" },
  table: { fontSize: tokens.fontSizeBase200 },
  next: { fontWeight: tokens.fontWeightSemibold },
  dim: { color: tokens.colorNeutralForeground3 },
});

/** A figure in the table's written unit, at the decimals of the step it moves by (1e-30 stays 1e-30). */
const fig = (x: number | null, unit: string | null, step: number | null): string => (x === null ? "—" : `${writtenFigure(x, step, true)}${unit ?? ""}`);

function Move({ to, points, level, unit, step }: { to: number | null; points: number | null; level: number | null; unit: string | null; step: number | null }) {
  const { t } = useT();
  const s = useStyles();
  if (to === null) return <span className={s.dim}>—</span>;
  return (
    <span>
      <span className={s.next}>{fig(to, unit, step)}</span>（{fmt(points)}）
      {level !== null ? <div className={s.dim}>{t("gapLevel", { x: fig(level, unit, step) })}</div> : null}
    </span>
  );
}

export function GapView({ state, county, onCounty }: { state: ScoreState; county: string; onCounty: (c: string) => void }) {
  const { t, lang } = useT();
  const s = useStyles();
  const gap = useMemo(() => (county ? countyGap(state.counties, county, state.result.options) : null), [state, county]);
  const names = state.result.counties.map((c) => c.county);
  // Points short of a cut, to the lowest county in it by its total (core/gap.ts proves it by rescoring).
  const reach = (inside: boolean, bar: number | null, short: number | null, atLevel: boolean | null): string =>
    inside ? t("gapIn") : short === null || bar === null ? t("gapOutNever") : t(atLevel ? "gapOut" : "gapOutPass", { short: fmtScore(short), bar: fmtScore(bar) });
  const rank = (r: number | null, p: number) => (r === null ? "—" : lang === "zh" ? `第${r}名 · ${fmt(p)}分` : `#${r} · ${fmt(p)} pts`);
  return (
    <div className={s.root} data-testid="gap-view">
      <Text weight="semibold">{t("gapTitle")}</Text>
      <Text size={200}>{t("gapIntro")}</Text>
      <Field label={t("gapCounty")} size="small">
        <Select size="small" value={county} onChange={(_, d) => onCounty(d.value)} data-testid="gap-county">
          <option value="">{t("gapChoose")}</option>
          {names.map((n, i) => (
            <option key={`${n}|${i}`} value={n}>
              {n}（{state.result.counties[i].city}）
            </option>
          ))}
        </Select>
      </Field>
      {gap && !gap.ok ? <ErrorBar error={{ msg: gap.error }} /> : null}
      {gap && gap.ok ? (
        <>
          <Text data-testid="gap-city">
            {t("gapCityStage", { total: fmtScore(gap.gap.total), rank: gap.gap.cityRank })}{" "}
            {gap.gap.recommendedCounty === null
              ? t("gapNobody")
              : gap.gap.recommended
                ? t("gapRecommended")
                : gap.gap.cityStanding === "previous-winner"
                  ? t("gapPreviousWinner", { county: gap.gap.recommendedCounty, total: fmtScore(gap.gap.recommendedTotal) })
                  : gap.gap.cityStanding === "tied"
                  ? t("gapTieLost", { county: gap.gap.recommendedCounty })
                  : t("gapShort", { county: gap.gap.recommendedCounty, total: fmtScore(gap.gap.recommendedTotal), short: fmtScore(gap.gap.pointsShort) })}
          </Text>
          {gap.gap.province ? (
            <Text data-testid="gap-province">
              {t("gapProvince", { rank: gap.gap.province.rank, total: fmtScore(gap.gap.province.total) })}；
              {t("gapList", { n: gap.gap.province.listSize, answer: reach(gap.gap.province.proposed, gap.gap.province.listTotal, gap.gap.province.pointsShortOfList, gap.gap.province.listAtLevel) })}；
              {t("gapPlaces", { n: gap.gap.province.places, answer: reach(gap.gap.province.selected, gap.gap.province.placesTotal, gap.gap.province.pointsShortOfPlaces, gap.gap.province.placesAtLevel) })}
            </Text>
          ) : null}
          <Table size="extra-small" className={s.table} data-testid="gap-table" aria-label={t("gapTitle")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("gapIndicator")}</TableHeaderCell>
                <TableHeaderCell>{t("gapRank")}</TableHeaderCell>
                <TableHeaderCell>{t("gapNext")}</TableHeaderCell>
                <TableHeaderCell>{t("gapOver")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {gap.gap.indicators.map((g: IndicatorGap) => (
                <TableRow key={g.indicator} data-indicator={g.indicator}>
                  <TableCell>
                    <div>{g.indicator}</div>
                    <div className={s.dim}>{t("gapFigures", { actual: fig(g.actual, g.unit, g.step), target: fig(g.target, g.targetUnit, TARGET_STEP) })}</div>
                  </TableCell>
                  <TableCell>{rank(g.completionRank, g.completionPoints)}</TableCell>
                  <TableCell>
                    <Move to={g.nextRankActual} points={g.pointsAtNextRank} level={g.levelActual} unit={g.unit} step={g.step} />
                  </TableCell>
                  <TableCell>
                    <div>{rank(g.overRank, g.overPoints)}</div>
                    <Move to={g.nextOverRankActual} points={g.pointsAtNextOverRank} level={g.levelOverActual} unit={g.unit} step={g.step} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text size={100}>{t("gapNote")}</Text>
        </>
      ) : null}
    </div>
  );
}
