/** @jest-environment jsdom */
/**
 * The host choice and WPS's globals: the pane renders over WPS when WPS's Application is there, and tells a user of a
 * WPS without custom functions (older than 12.1.0.20540) that =ZG.… needs that version; the ribbon opens the pane on a
 * tab through Application.CreateTaskPane, once, and afterwards navigates the same pane; registration adds every
 * function under ZG.
 */
import "@testing-library/jest-dom";
import { act, screen } from "@testing-library/react";
import { FUNCTIONS } from "../../src/functions/registry";
import { functionsNotice, olderThan, openPane, registerFunctions, wpsApplication } from "../../src/wps/host";
import { startInWps, tabOf } from "../../src/taskpane/hostChoice";
import { FakeWps } from "./fakeWps";

type Win = Record<string, unknown>;
const win = window as unknown as Win;

beforeAll(() => {
  win.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => {
  delete win.wps;
  delete win.Application;
  document.body.innerHTML = "";
});

test("versions: older than 12.1.0.20540 or not; a version we cannot read is never called too old", () => {
  expect(olderThan("12.1.0.19770")).toBe(true);
  expect(olderThan("11.8.2.12085")).toBe(true);
  expect(olderThan("12.1.0.20540")).toBe(false);
  expect(olderThan("12.1.0.21541")).toBe(false);
  expect(olderThan("WPS 2019")).toBeNull();
  // VBA's Application.Version is "16.0" in Excel: a short version says nothing about the build.
  expect(olderThan("12.0")).toBeNull();
  expect(olderThan(undefined)).toBeNull();
});

test("outside WPS there is no application; inside, wps.EtApplication() or window.Application", () => {
  expect(wpsApplication()).toBeNull();
  const fake = new FakeWps();
  win.Application = fake.app;
  expect(wpsApplication()).toBe(fake.app);
  delete win.Application;
  win.wps = { EtApplication: () => fake.app };
  expect(wpsApplication()).toBe(fake.app);
});

test("every function is registered under ZG with wps.AddCustomFunction; none where WPS cannot", () => {
  expect(registerFunctions()).toEqual([]);
  const added: [string, string, unknown][] = [];
  win.wps = { AddCustomFunction: (ns: string, name: string, fn: unknown) => added.push([ns, name, fn]) };
  expect(registerFunctions()).toEqual(FUNCTIONS.map((f) => f.spec.id));
  expect(added.every(([ns, , fn]) => ns === "ZG" && typeof fn === "function")).toBe(true);
  const target = added.find(([, name]) => name === "TARGET")![2] as (x: unknown) => unknown;
  expect(target("10%以上")).toBe(0.1);
});

test("the notice: none with AddCustomFunction and a recent version; shown without it or with an older version", () => {
  const fake = new FakeWps();
  expect(functionsNotice(fake.app)).toEqual({ version: "12.1.0.20540" });
  win.wps = { AddCustomFunction: () => undefined };
  expect(functionsNotice(fake.app)).toBeNull();
  expect(functionsNotice({ ...fake.app, Version: "12.1.0.18000" } as typeof fake.app)).toEqual({ version: "12.1.0.18000" });
});

test("the pane starts over WPS on the tab the ribbon asked for, and says which version =ZG.… needs", async () => {
  const fake = new FakeWps();
  fake.addSheet("表", [["指标"]]);
  win.Application = fake.app;
  window.location.hash = "#tab=templates";
  expect(tabOf(window.location.hash)).toBe("templates");
  expect(tabOf("#tab=nonsense")).toBeUndefined();
  const root = document.createElement("div");
  document.body.appendChild(root);
  await act(async () => {
    expect(startInWps(root)).toBe(true);
  });
  expect(screen.getByRole("tab", { selected: true })).toHaveTextContent(/^(模板|Templates)$/);
  expect(screen.getByTestId("wps-functions-notice")).toHaveTextContent("12.1.0.20540");
});

test("not in WPS: the pane is not started there", () => {
  expect(startInWps(document.createElement("div"))).toBe(false);
});

test("the ribbon opens one pane with CreateTaskPane, then navigates it", () => {
  const store = new Map<string, unknown>();
  const panes: { ID: number; Visible: boolean; url: string; Navigate(u: string): void }[] = [];
  win.Application = {
    ActiveWorkbook: null,
    CreateTaskPane: (url: string) => {
      const pane = { ID: panes.length + 7, Visible: false, url, Navigate: (u: string) => (pane.url = u) };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
    PluginStorage: { getItem: (k: string) => store.get(k), setItem: (k: string, v: unknown) => store.set(k, v) },
  };
  openPane("https://x/zg/taskpane.html#tab=check");
  openPane("https://x/zg/taskpane.html#tab=score");
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ Visible: true, url: "https://x/zg/taskpane.html#tab=score" });
});
