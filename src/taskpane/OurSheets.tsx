/**
 * The sheets this add-in wrote, each with a button to remove it after a confirmation: Excel cannot undo an
 * add-in's writes, so this is how a report, results sheet or template goes again. Only sheets carrying our
 * marker are listed (ExcelOps.listSheets's `ours`), and the Excel layer refuses any other.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { SheetInfo } from "../excel/ops";
import { STRINGS } from "./i18n";
import { Status, useBusy, useNote, useOps, useT } from "./common";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "6px" },
  list: { margin: 0, paddingLeft: 0, listStyle: "none", display: "flex", flexDirection: "column", rowGap: "4px" },
  item: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: "8px" },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export function OurSheets() {
  const ops = useOps();
  const { t } = useT();
  const s = useStyles();
  const { busy, error, setError, run } = useBusy();
  const [note, setNote] = useNote();
  const [sheets, setSheets] = useState<SheetInfo[] | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const refresh = () =>
    run(t("working"), async () => {
      setSheets((await ops.listSheets()).filter((x) => x.ours));
    });
  const remove = (name: string) =>
    run(t("working"), async () => {
      setAsking(null);
      await ops.removeOurSheet(name);
      setNote("sheetRemoved", { sheet: name });
      setSheets((await ops.listSheets()).filter((x) => x.ours));
    });
  return (
    <section className={s.root} aria-label={t("ourSheetsTitle")}>
      <Text weight="semibold">{t("ourSheetsTitle")}</Text>
      <Text size={200}>{t("ourSheetsIntro")}</Text>
      <div>
        <Button size="small" onClick={() => void refresh()} disabled={busy !== null}>
          {t("ourSheetsList")}
        </Button>
      </div>
      {sheets ? (
        sheets.length ? (
          <ul className={s.list} data-testid="our-sheets">
            {sheets.map((x) => (
              <li key={x.name} className={s.item} data-sheet={x.name}>
                <Text size={200} className={s.name} title={x.name}>
                  {x.name}
                </Text>
                <Button size="small" onClick={() => setAsking(x.name)} disabled={busy !== null} aria-label={t("removeSheetLabel", { sheet: x.name })}>
                  {t("removeSheet")}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <Text size={200}>{t("ourSheetsNone")}</Text>
        )
      ) : null}
      <Status busy={busy} error={error} onDismissError={() => setError(null)} note={note} />
      <Dialog open={asking !== null} onOpenChange={(_, d) => (!d.open ? setAsking(null) : undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("removeSheetTitle")}</DialogTitle>
            <DialogContent>
              <p>{t("removeSheetBody", { sheet: asking ?? "" })}</p>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <div lang="zh-CN">{STRINGS.removeUndoWarning.zh}</div>
                  <div lang="en">{STRINGS.removeUndoWarning.en}</div>
                </MessageBarBody>
              </MessageBar>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => asking && void remove(asking)}>
                {t("removeSheet")}
              </Button>
              <Button onClick={() => setAsking(null)}>{t("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
