/**
 * Flow 4, 模板: insert 9号's 2020 decomposition table, a city's decomposition to its counties (9号: filed by
 * 5月30日) and the county self-assessment template (2号 第六条（二）) on new sheets.
 */
import { OurSheets } from "./OurSheets";
import { Button, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { CITIES } from "../core/reference";
import { cityDecompositionTemplate, decompositionTable2020, selfAssessmentTemplate } from "../core/templates";
import { quoteSheet } from "../core/address";
import { freeSheetName } from "../excel/ops";
import { templateContent } from "./templateContent";
import { CitySelect, Status, useBusy, useNote, useOps, useT } from "./common";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "12px" },
  card: { display: "flex", flexDirection: "column", rowGap: "6px", alignItems: "flex-start" },
});

export function TemplatesTab() {
  const ops = useOps();
  const { t } = useT();
  const s = useStyles();
  const { busy, error, setError, run } = useBusy();
  const [city, setCity] = useState("");
  const [note, setNote] = useNote();

  const [cityForCounties, setCityForCounties] = useState(CITIES[0].name);

  const insert = (which: "decomposition" | "city" | "self") =>
    run(t("working"), async () => {
      const cityTemplate = which === "city" ? cityDecompositionTemplate(cityForCounties) : undefined;
      const sheets =
        which === "decomposition" ? [decompositionTable2020()] : which === "city" ? (cityTemplate ? [cityTemplate] : []) : selfAssessmentTemplate(city ? { city } : {}).sheets;
      // Names are settled first, so a drop-down's source follows its sheet when that one gets a new name.
      const taken = (await ops.listSheets()).map((x) => x.name);
      const renamed = new Map<string, string>();
      for (const sh of sheets) {
        const name = freeSheetName(sh.name, taken);
        taken.push(name);
        renamed.set(sh.name, name);
      }
      const contents = sheets.map((sh) => {
        const c = templateContent(sh, renamed.get(sh.name));
        c.validations = c.validations?.map((v) => {
          if (v.type !== "list" || !v.source) return v;
          let source = v.source;
          for (const [from, to] of renamed) source = source.split(`'${from}'!`).join(`${quoteSheet(to)}!`);
          return { ...v, source };
        });
        return c;
      });
      const names = await ops.insertTemplates(contents);
      setNote("inserted", { list: names });
    });

  return (
    <div className={s.root}>
      <Text size={200}>{t("templatesIntro")}</Text>
      <div className={s.card}>
        <Button appearance="primary" onClick={() => void insert("decomposition")} disabled={busy !== null}>
          {t("insertDecomposition")}
        </Button>
        <Text size={200}>{t("insertDecompositionHint")}</Text>
      </div>
      <div className={s.card}>
        <CitySelect label={t("cityForCounties")} value={cityForCounties} onChange={setCityForCounties} testId="city-decomposition-city" />
        <Button appearance="primary" onClick={() => void insert("city")} disabled={busy !== null}>
          {t("insertCityDecomposition")}
        </Button>
        <Text size={200}>{t("insertCityDecompositionHint")}</Text>
      </div>
      <div className={s.card}>
        <CitySelect label={t("cityFilter")} value={city} onChange={setCity} empty={t("allCities")} />
        <Button appearance="primary" onClick={() => void insert("self")} disabled={busy !== null}>
          {t("insertSelfAssessment")}
        </Button>
        <Text size={200}>{t("insertSelfAssessmentHint")}</Text>
      </div>
      <Status busy={busy} error={error} onDismissError={() => setError(null)} note={note} />
      <OurSheets />
    </div>
  );
}
