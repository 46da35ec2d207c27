/** The task pane: four flows in tabs, over whatever ExcelOps it is given (Office.js in Excel, memory in the preview). */
import { Button, FluentProvider, Link, Tab, TabList, Text, ToggleButton, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { ExcelOps } from "../excel/ops";
import { CheckTab } from "./CheckTab";
import { CityTab } from "./city/CityTab";
import { type Lang, langOf } from "../core/lang";
import { tr } from "./i18n";
import { ScoreTab, type ScoreState } from "./ScoreTab";
import { SelectTab } from "./SelectTab";
import { LangContext, OpsContext } from "./common";
import { TemplatesTab } from "./TemplatesTab";

export type TabId = "check" | "score" | "select" | "city" | "templates";

export interface AppProps {
  ops: ExcelOps;
  /** Overrides the language Office reports (tests, preview). */
  lang?: Lang;
  /** Shows a light/dark switch (the preview; in Excel the theme follows Office's). */
  themeToggle?: boolean;
  initialTab?: TabId;
  onLangChange?: (lang: Lang) => void;
}

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: "10px 12px 24px", display: "flex", flexDirection: "column", rowGap: "8px", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  // At Excel's default 350 px: the title and the tools share the first line (the title is cut with … rather than
  // wrapped if a font runs wide), the subtitle takes the whole second line.
  header: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", alignItems: "center", columnGap: "8px" },
  titles: { display: "contents" },
  title: { margin: 0, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", gridColumn: "1", gridRow: "1" },
  subtitle: { color: tokens.colorNeutralForeground2, gridColumn: "1 / span 2", gridRow: "2" },
  // Five tabs and 帮助 are wider than 326 px in English (and just so in Chinese): the tabs wrap onto a second line,
  // 帮助 stays at the end of the last one, rather than scroll the whole pane sideways (Excel's pane is a page of its own).
  tabs: { marginLeft: "-10px", minWidth: 0, flexShrink: 1, flexWrap: "wrap" },
  tabRow: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", alignItems: "end", columnGap: "4px" },
  help: { fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap", paddingBottom: "8px" },
  tools: { display: "flex", alignItems: "center", columnGap: "4px", whiteSpace: "nowrap", gridColumn: "2", gridRow: "1" },
  // Fluent's small button is at least 64 px wide: two of them left the English title too little of 326 px.
  tool: { minWidth: "auto", paddingLeft: "6px", paddingRight: "6px" },
});

export function App({ ops, lang: forced, themeToggle, initialTab = "check", onLangChange }: AppProps) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(forced ?? langOf(ops.getDisplayLanguage()));
  const [dark, setDark] = useState(ops.getTheme() === "dark");
  const [tab, setTab] = useState<TabId>(initialTab);
  const [score, setScore] = useState<ScoreState | null>(null);
  const [gapCounty, setGapCounty] = useState("");
  const t = (k: Parameters<typeof tr>[1]) => tr(lang, k);
  const switchLang = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    onLangChange?.(next);
  };
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <LangContext.Provider value={lang}>
        <OpsContext.Provider value={ops}>
          <main className={s.root}>
            <header className={s.header}>
              <div className={s.titles}>
                <Text weight="semibold" size={300} as="h1" className={s.title}>
                  {t("appTitle")}
                </Text>
                <Text size={200} className={s.subtitle}>
                  {t("appSubtitle")}
                </Text>
              </div>
              <div className={s.tools}>
                {themeToggle ? (
                  <ToggleButton size="small" appearance="subtle" className={s.tool} checked={dark} onClick={() => setDark(!dark)} data-testid="theme-toggle">
                    {t("darkTheme")}
                  </ToggleButton>
                ) : null}
                <Button size="small" appearance="outline" className={s.tool} onClick={switchLang} aria-label={t("switchLanguageLabel")} data-testid="lang-switch">
                  {t("switchLanguage")}
                </Button>
              </div>
            </header>
            <div className={s.tabRow}>
              <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
                <Tab value="check">{t("tabCheck")}</Tab>
                <Tab value="score">{t("tabScore")}</Tab>
                <Tab value="select">{t("tabSelect")}</Tab>
                <Tab value="city">{t("tabCity")}</Tab>
                <Tab value="templates">{t("tabTemplates")}</Tab>
              </TabList>
              {/* The guide served with the add-in (dist/help.html, built from docs/taskpane.md), at this tab's section. */}
              <Link href={`help.html#${tab}`} target="_blank" rel="noopener" aria-label={t("helpLabel")} data-testid="help-link" className={s.help}>
                {t("help")}
              </Link>
            </div>
            {/* Tabs stay mounted, so switching keeps each flow's results. */}
            <div hidden={tab !== "check"}>
              <CheckTab />
            </div>
            <div hidden={tab !== "score"}>{tab === "score" || score ? <ScoreTab state={score} onScored={setScore} /> : null}</div>
            <div hidden={tab !== "select"}>
              <SelectTab state={score} />
            </div>
            <div hidden={tab !== "city"}>
              <CityTab state={score} onScored={setScore} county={gapCounty} onCounty={setGapCounty} />
            </div>
            <div hidden={tab !== "templates"}>
              <TemplatesTab />
            </div>
          </main>
        </OpsContext.Provider>
      </LangContext.Provider>
    </FluentProvider>
  );
}
