/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
/**
 * The pane's start never leaves it blank: Office.js missing, the page outside Office, Office.js that never answers
 * each get their notice; the App comes once Office is ready in a host.
 */
import { act, render, screen } from "@testing-library/react";
import { OFFICE_SLOW_MS, StartNotice, type StartProblem, startInOffice } from "../../src/taskpane/startup";

type Info = { host: unknown; platform: unknown };

function run(office: { onReady(): Promise<Info> } | undefined) {
  const shown: StartProblem[] = [];
  let readyCalls = 0;
  startInOffice(office, (p) => shown.push(p), () => readyCalls++);
  return { shown, ready: () => readyCalls };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("no Office.js at all: the notice says Office.js did not load, at once", () => {
  const r = run(undefined);
  expect(r.shown).toEqual(["no-office-js"]);
  expect(r.ready()).toBe(0);
});

test("Office.js outside an Office application (host null): the notice points to the browser page", async () => {
  const r = run({ onReady: () => Promise.resolve({ host: null, platform: null }) });
  await act(async () => {});
  expect(r.shown).toEqual(["starting", "outside-office"]);
  expect(r.ready()).toBe(0);
  jest.advanceTimersByTime(OFFICE_SLOW_MS * 2);
  expect(r.shown).toEqual(["starting", "outside-office"]);
});

test("in Excel: the App, and no notice after the timer", async () => {
  const r = run({ onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) });
  await act(async () => {});
  expect(r.ready()).toBe(1);
  jest.advanceTimersByTime(OFFICE_SLOW_MS * 2);
  expect(r.shown).toEqual(["starting"]);
});

test("Office.js that never answers: the waiting notice after the timer, then the App when it answers", async () => {
  let answer: (i: Info) => void = () => undefined;
  const r = run({ onReady: () => new Promise<Info>((resolve) => (answer = resolve)) });
  jest.advanceTimersByTime(OFFICE_SLOW_MS - 1);
  expect(r.shown).toEqual(["starting"]);
  jest.advanceTimersByTime(1);
  expect(r.shown).toEqual(["starting", "office-slow"]);
  answer({ host: "Excel", platform: "OfficeOnline" });
  await act(async () => {});
  expect(r.ready()).toBe(1);
});

test("each notice is in Chinese and English, and the outside-Office one links the browser page", () => {
  jest.useRealTimers();
  for (const problem of ["no-office-js", "outside-office", "office-slow"] as const) {
    const { unmount } = render(<StartNotice problem={problem} />);
    const box = screen.getByTestId(`start-${problem}`);
    expect(box.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(box.textContent).toMatch(/Office|Excel/);
    if (problem !== "office-slow") for (const link of screen.getAllByRole("link", { name: "index.html" })) expect(link.getAttribute("href")).toBe("index.html");
    unmount();
  }
});
