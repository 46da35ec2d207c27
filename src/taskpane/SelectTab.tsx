/**
 * Flow 3, 推荐与建议名单: the proposed list of 2号 第六条（三） with the suggested places inside it, the other recommended
 * counties, and each city's recommendation, each with its reasons. Every heading counts the list under it.
 */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ProvinceResult, Reason, SelectionResult } from "../core/types";
import { explain } from "./explain";
import { fmtScore } from "./i18n";
import type { ScoreState } from "./ScoreTab";
import { Explained, useT } from "./common";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "6px" },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: "8px" },
  selected: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  head: { display: "flex", alignItems: "center", columnGap: "6px", flexWrap: "wrap" },
  reasons: { margin: "2px 0 0", paddingLeft: "16px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

function Reasons({ reasons }: { reasons: Reason[] }) {
  const { m } = useT();
  const s = useStyles();
  if (!reasons.length) return null;
  return (
    <ul className={s.reasons}>
      {reasons.map((r, i) => (
        <li key={i} data-reason={r.code}>
          {m(r)}
        </li>
      ))}
    </ul>
  );
}

function ProvinceList({ units, result, testId }: { units: ProvinceResult[]; result: SelectionResult; testId: string }) {
  const { t } = useT();
  const s = useStyles();
  return (
    <ol className={s.list} data-testid={testId}>
      {units.map((p) => (
        <li key={`${p.city}|${p.county}`} className={`${s.item} ${p.selected ? s.selected : ""}`} data-county={p.county} data-selected={p.selected} data-proposed={p.proposed}>
          <div className={s.head}>
            <Text weight={p.selected ? "semibold" : "regular"}>
              {p.rank}. {p.county}（{p.city}）
            </Text>
            <Explained text={fmtScore(p.total)} label={t("colTotal")} subject={p.county} explanation={() => explain(p, "total", result, "province")} />
            {p.selected ? (
              <Badge color="success" size="small">
                {t("selected")}
              </Badge>
            ) : p.proposed ? (
              <Badge color="informative" appearance="outline" size="small">
                {t("byMargin")}
              </Badge>
            ) : null}
            {p.accelerated ? (
              <Badge color="warning" appearance="tint" size="small">
                {t("accelerated")}
              </Badge>
            ) : null}
          </div>
          <Reasons reasons={p.reasons} />
        </li>
      ))}
    </ol>
  );
}

export function SelectTab({ state }: { state: ScoreState | null }) {
  const { t } = useT();
  const s = useStyles();
  if (!state) return <Text>{t("scoreFirst")}</Text>;
  const { result } = state;
  const cities = [...new Set(result.counties.map((c) => c.city))];
  // The list as it goes to 省政府办公厅: the suggested places first, then the names the margin adds.
  const proposed = [...result.province.filter((p) => p.selected), ...result.province.filter((p) => p.proposed && !p.selected)];
  const rest = result.province.filter((p) => !p.proposed);
  return (
    <div className={s.root}>
      <Text size={200}>{t("selectIntro")}</Text>
      <Text weight="semibold">{t("provinceShortlist", { n: proposed.length, m: proposed.filter((p) => p.selected).length })}</Text>
      <ProvinceList units={proposed} result={result} testId="shortlist" />
      {rest.length ? (
        <>
          <Text weight="semibold">{t("notProposed", { n: rest.length })}</Text>
          <ProvinceList units={rest} result={result} testId="not-proposed" />
        </>
      ) : null}
      <Text weight="semibold">{t("cityRecommendations", { n: cities.length })}</Text>
      <ul className={s.list} data-testid="recommendations">
        {cities.map((city) => {
          const rec = result.counties.find((c) => c.city === city && c.recommended);
          // Only the counties passed over for a reason worth telling (previous winner, a tie); not every lower total.
          const passedOver = result.counties
            .filter((c) => c.city === city && !c.recommended)
            .map((c) => ({ c, reasons: c.reasons.filter((r) => r.code !== "not-best") }))
            .filter((x) => x.reasons.length > 0);
          return (
            <li key={city} className={s.item} data-city={city}>
              <div className={s.head}>
                <Text weight="semibold">
                  {city}
                  {t("colon")}
                </Text>
                {rec ? (
                  <>
                    <Text>{rec.county}</Text>
                    <Explained text={fmtScore(rec.total)} label={t("colTotal")} subject={rec.county} explanation={() => explain(rec, "total", result, "city")} />
                  </>
                ) : (
                  <Text>{t("noRecommendation")}</Text>
                )}
              </div>
              {rec ? <Reasons reasons={rec.reasons} /> : null}
              {passedOver.map((x) => (
                <Reasons key={x.c.county} reasons={x.reasons} />
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
