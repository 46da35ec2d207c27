/** The city's March round: 汇总 the counties' self-assessments, then 差距分析 for any county of the results. */
import { Divider, Text, makeStyles } from "@fluentui/react-components";
import type { ScoreState } from "../score/useScoreFlow";
import { useT } from "../common";
import { CollectView } from "./CollectView";
import { GapView } from "./GapView";
import type { WorkbookReader } from "./readFiles";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", rowGap: "12px" } });

export interface CityTabProps {
  state: ScoreState | null;
  onScored: (s: ScoreState) => void;
  /** The county chosen for 差距分析 (App keeps it, so any county of the results can be opened here). */
  county: string;
  onCounty: (county: string) => void;
  reader?: WorkbookReader;
}

export function CityTab({ state, onScored, county, onCounty, reader }: CityTabProps) {
  const { t } = useT();
  const s = useStyles();
  return (
    <div className={s.root}>
      <CollectView onScored={onScored} reader={reader} />
      <Divider />
      {state ? <GapView state={state} county={county} onCounty={onCounty} /> : <Text>{t("scoreFirst")}</Text>}
    </div>
  );
}
