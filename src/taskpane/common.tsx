/** What every flow shares: the injected Excel operations, the language, errors, progress, explanations. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Popover,
  PopoverSurface,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { CITIES } from "../core/reference";
import type { Msg, ZgIssue } from "../core/types";
import { type ExcelOps, OpError } from "../excel/ops";
import type { Explanation } from "./explain";
import type { Lang } from "../core/lang";
import { STRINGS, type StringKey, tr } from "./i18n";

export const OpsContext = createContext<ExcelOps | null>(null);
export const LangContext = createContext<Lang>("zh");

export function useOps(): ExcelOps {
  const ops = useContext(OpsContext);
  if (!ops) throw new Error("ExcelOps missing: render inside <App ops={…}>");
  return ops;
}

/** t("key", {vars}) in the current language. */
export function useT(): { lang: Lang; t: (key: StringKey, vars?: Record<string, string | number>) => string; m: (msg: Msg) => string } {
  const lang = useContext(LangContext);
  return { lang, t: (key, vars) => tr(lang, key, vars), m: (msg) => msg[lang] };
}

/** An error shown in the pane: its message, and where it is (sheet and cell) with a button to go there. */
export interface PaneError {
  msg: Msg;
  sheet?: string;
  cell?: string;
}

export function toPaneError(e: unknown): PaneError {
  if (e instanceof OpError) return { msg: e.msg, sheet: e.sheet, cell: e.cell };
  const text = (e as Error)?.message ?? String(e);
  return { msg: { zh: `操作失败：${text}`, en: `Operation failed: ${text}` } };
}

export function ErrorBar({ error, onDismiss }: { error: PaneError; onDismiss?: () => void }) {
  const { t, m } = useT();
  const ops = useOps();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
        {m(error.msg)}
        {error.sheet ? (
          <>
            {" "}
            <Link as="button" onClick={() => void ops.goTo(error.sheet!, error.cell).catch(() => undefined)}>
              {t("goToCell")} {error.sheet}
              {error.cell ? `!${error.cell}` : ""}
            </Link>
          </>
        ) : null}
      </MessageBarBody>
      {onDismiss ? (
        <Button appearance="transparent" size="small" onClick={onDismiss} aria-label={t("close")}>
          ×
        </Button>
      ) : null}
    </MessageBar>
  );
}

const useIssueStyles = makeStyles({
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", rowGap: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground2 },
});

/** Issues (cells to look at), each naming its sheet and cell, with a button to go there. */
export function IssueList({ issues, max = 30, title }: { issues: ZgIssue[]; max?: number; title?: string }) {
  const { m, t } = useT();
  const ops = useOps();
  const s = useIssueStyles();
  if (!issues.length) return null;
  return (
    <details>
      <summary>
        <Text weight="semibold">{title ?? t("issuesTitle", { n: issues.length })}</Text>
      </summary>
      <ul className={s.list}>
        {issues.slice(0, max).map((i, k) => (
          <li key={k} className={i.severity === "error" ? s.error : s.warning}>
            {m(i)}{" "}
            {i.sheet && i.cell ? (
              <Link as="button" onClick={() => void ops.goTo(i.sheet!, i.cell).catch(() => undefined)}>
                {t("goToCell")}
              </Link>
            ) : null}
          </li>
        ))}
        {issues.length > max ? <li>…</li> : null}
      </ul>
    </details>
  );
}

/**
 * A success note kept as its string key and values, so it follows a language switch; a list value is
 * joined with the language's separator when shown.
 */
export function useNote(): [string | null, (key: StringKey | null, vars?: Record<string, string | number | string[]>) => void] {
  const { t, lang } = useT();
  const [note, set] = useState<{ key: StringKey; vars: Record<string, string | number | string[]> } | null>(null);
  const shown = note
    ? t(note.key, Object.fromEntries(Object.entries(note.vars).map(([k, v]) => [k, Array.isArray(v) ? v.join(lang === "zh" ? "、" : ", ") : v])))
    : null;
  const setNote = useCallback((key: StringKey | null, vars: Record<string, string | number | string[]> = {}) => set(key ? { key, vars } : null), []);
  return [shown, setNote];
}

/** A long operation: shows a spinner with its label while `run` is under way and any error after. */
export function useBusy(): {
  busy: string | null;
  error: PaneError | null;
  setError: (e: PaneError | null) => void;
  run: <T>(label: string, f: () => Promise<T>) => Promise<T | undefined>;
} {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const run = useCallback(async <T,>(label: string, f: () => Promise<T>) => {
    setBusy(label);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(toPaneError(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, run };
}

export function Busy({ label }: { label: string | null }) {
  return label ? <Spinner size="tiny" label={label} labelPosition="after" role="status" /> : null;
}

/** What an operation is doing or did: progress, then its error (with the cell) or its success note. */
export function Status({ busy, error, onDismissError, note }: { busy: string | null; error: PaneError | null; onDismissError: () => void; note: string | null }) {
  return (
    <>
      <Busy label={busy} />
      {error ? <ErrorBar error={error} onDismiss={onDismissError} /> : null}
      {note ? (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

const useExplainStyles = makeStyles({
  number: { fontVariantNumeric: "tabular-nums", minWidth: 0, padding: "0 2px", height: "auto", fontWeight: tokens.fontWeightRegular },
  surface: { maxWidth: "320px", display: "flex", flexDirection: "column", rowGap: "6px" },
  lines: { margin: 0, paddingLeft: "16px", fontSize: tokens.fontSizeBase200 },
  article: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * A number that explains itself on click: the rule applied and the article of 2号 behind it. The popover is
 * mounted only while open: a results table holds hundreds of these numbers, and a closed Popover per number
 * cost most of the time 评分 took to show its tables.
 */
export function Explained({ text, explanation, label, subject }: { text: string; explanation: () => Explanation; label?: string; subject?: string }) {
  const { t, m } = useT();
  const s = useExplainStyles();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    ref.current?.focus();
  };
  const e = open ? explanation() : null;
  return (
    <>
      <Button
        ref={ref}
        appearance="transparent"
        size="small"
        className={s.number}
        aria-label={[subject, label, text].filter(Boolean).join(" ")}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(k) => {
          if (k.key === "Escape" && open) close();
        }}
      >
        {text}
      </Button>
      {open && ref.current ? (
        <Popover open onOpenChange={(_, d) => (!d.open ? close() : undefined)} withArrow positioning={{ target: ref.current, position: "below" }}>
          <PopoverSurface className={s.surface} aria-label={t("explainTitle")}>
            {e ? (
              <>
                <Text weight="semibold">
                  {m(e.title)}
                  {t("colon")}
                  {e.value}
                </Text>
                <Text size={200}>
                  <b>
                    {t("explainRule")}
                    {t("colon")}
                  </b>
                  {m(e.rule)}
                </Text>
                {e.calc ? (
                  <Text size={200} font="monospace" data-testid="explain-calc">
                    {e.calc}
                  </Text>
                ) : null}
                {e.lines.length ? (
                  <ul className={s.lines}>
                    {e.lines.map((l, k) => (
                      <li key={k}>{m(l)}</li>
                    ))}
                  </ul>
                ) : null}
                <Text className={s.article}>
                  {t("explainArticle")}
                  {t("colon")}
                  {m(e.article)}
                </Text>
              </>
            ) : null}
          </PopoverSurface>
        </Popover>
      ) : null}
    </>
  );
}

/** Asks before replacing one of our sheets: returns confirmReplace for ExcelOps.writeSheet and the dialog to render. */
export function useConfirmReplace(): { confirmReplace: (name: string) => Promise<boolean>; dialog: ReactNode } {
  const { t } = useT();
  const [pending, setPending] = useState<{ name: string; resolve: (yes: boolean) => void } | null>(null);
  const confirmReplace = useCallback((name: string) => new Promise<boolean>((resolve) => setPending({ name, resolve })), []);
  const answer = (yes: boolean) => {
    pending?.resolve(yes);
    setPending(null);
  };
  const dialog = (
    <Dialog open={pending !== null} onOpenChange={(_, d) => (!d.open ? answer(false) : undefined)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("confirmReplaceTitle")}</DialogTitle>
          <DialogContent>
            {pending ? <p>{t("confirmReplaceBody", { name: pending.name })}</p> : null}
            <MessageBar intent="warning" layout="multiline" data-testid="undo-warning">
              <MessageBarBody>
                <div lang="zh-CN">{STRINGS.undoWarning.zh}</div>
                <div lang="en">{STRINGS.undoWarning.en}</div>
              </MessageBarBody>
            </MessageBar>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)}>
              {t("replace")}
            </Button>
            <Button onClick={() => answer(false)}>{t("keepBoth")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { confirmReplace, dialog };
}

/** A choice of one of the 11 设区市 (value: its name), `empty` naming the choice of none when there is one. */
export function CitySelect({ label, value, onChange, empty, testId }: { label: string; value: string; onChange: (city: string) => void; empty?: string; testId?: string }) {
  return (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)} data-testid={testId}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {CITIES.map((c) => (
          <option key={c.id} value={c.name}>
            {c.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
