/** @jest-environment jsdom */
/**
 * The score form's numbers as a Chinese input method types them: 。 and ， (or ,) for the decimal point are read as
 * the point where that is the only reading, a comma that could be a thousands separator is refused in its own words,
 * and nothing becomes 05 = 5 in silence (a number field used to drop the mark it could not parse).
 */
import "@testing-library/jest-dom";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OptionsForm, readTypedNumber } from "../../src/taskpane/score/OptionsForm";
import { DEFAULT_OPTIONS, type ScoreOptions } from "../../src/core/types";

test.each([
  ["0.5", 0.5],
  ["0。5", 0.5],
  ["0，5", 0.5],
  ["0,5", 0.5],
  ["０．５", 0.5],
  [" 1 ", 1],
  ["12,5", 12.5],
  ["-1", -1],
])("%s reads as %s", (typed, value) => {
  expect(readTypedNumber(typed)).toEqual({ value });
});

test.each([["1,000"], ["1，000"]])("%s could be a thousands separator: refused in its own words", (typed) => {
  expect(readTypedNumber(typed)).toEqual({ error: "optAmbiguousComma" });
});

test.each([[""], ["abc"], ["0.5.1"], ["0,5.1"], ["0。5。1"], ["5e1"], ["0x10"]])("%s is not a number", (typed) => {
  expect(readTypedNumber(typed)).toEqual({ error: "optNotNumber" });
});

test("typing 0。5 or 0,5 into 每名递减 gives the step 0.5, and 1,000 marks the field", () => {
  const seen: { o: ScoreOptions; valid: boolean }[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <OptionsForm options={DEFAULT_OPTIONS} onChange={(o, valid) => seen.push({ o, valid })} />
    </FluentProvider>,
  );
  const step = screen.getByRole("textbox", { name: "每名递减" });
  fireEvent.change(step, { target: { value: "0。5" } });
  expect(seen.at(-1)).toMatchObject({ valid: true, o: { step: 0.5 } });
  fireEvent.change(step, { target: { value: "0,3" } });
  expect(seen.at(-1)).toMatchObject({ valid: true, o: { step: 0.3 } });
  fireEvent.change(step, { target: { value: "1,000" } });
  expect(seen.at(-1)?.valid).toBe(false);
  expect(step).toHaveAttribute("aria-invalid", "true");
  expect(screen.getByText("这里的逗号可能是小数点，也可能是千位分隔符：请用小数点书写（如 0.5）")).toBeInTheDocument();
});
