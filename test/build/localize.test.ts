/** localizeMetadata: the zh-CN custom-functions metadata Chinese users see in Excel's formula tooltips. */
import { localizeMetadata, unusedEntries, type FunctionsMetadata } from "../../build/localize-functions";

const metadata = (): FunctionsMetadata => ({
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: "RANKSCORE",
      name: "RANKSCORE",
      description: "Rank points of a value among peers.",
      parameters: [
        { name: "value", description: "The value", type: "number" },
        { name: "values", description: "All values", type: "number", dimensionality: "matrix" },
      ],
      result: { type: "number" },
    },
    { id: "CHECKSUM", name: "CHECKSUM", description: "Sum check.", parameters: [{ name: "parts", type: "number" }] },
    { id: "VERSION", name: "VERSION", description: "Version.", result: { type: "string" } },
  ],
});

describe("localizeMetadata", () => {
  test("applies Chinese descriptions to functions and parameters, keeping ids, names and types", () => {
    const { metadata: zh, missing } = localizeMetadata(metadata(), {
      RANKSCORE: { description: "计算名次得分", result: "得分", parameters: { value: "本县数值", values: "全部县数值" } },
      CHECKSUM: { description: "校核合计", parameters: { parts: "分项" } },
      VERSION: { description: "版本号" },
    });
    expect(missing).toEqual([]);
    const [rank, check, version] = zh.functions;
    expect(rank.description).toBe("计算名次得分；返回：得分");
    expect(rank.parameters?.map((p) => p.description)).toEqual(["本县数值", "全部县数值"]);
    expect(rank.parameters?.[1]).toMatchObject({ name: "values", type: "number", dimensionality: "matrix" });
    expect(rank).toMatchObject({ id: "RANKSCORE", name: "RANKSCORE", result: { type: "number" } });
    expect(check.parameters?.[0].description).toBe("分项");
    expect(version.description).toBe("版本号");
    expect(version.parameters).toBeUndefined();
    expect(zh.allowCustomDataForDataTypeAny).toBe(true);
  });

  test("lists every function and parameter without a Chinese description", () => {
    const { metadata: zh, missing } = localizeMetadata(metadata(), {
      RANKSCORE: { description: "计算名次得分", parameters: { value: "本县数值", values: "   " } },
      CHECKSUM: { description: "", parameters: {} },
    });
    expect(missing).toEqual(["RANKSCORE.values", "CHECKSUM", "CHECKSUM.parts", "VERSION"]);
    // The English text stays where no translation exists, so the file is still usable while the build fails.
    expect(zh.functions[2].description).toBe("Version.");
    expect(zh.functions[0].parameters?.[1].description).toBe("All values");
  });

  test("an empty table leaves everything missing; the input metadata is not modified", () => {
    const input = metadata();
    const before = JSON.stringify(input);
    const { missing } = localizeMetadata(input, {});
    expect(missing).toEqual(["RANKSCORE", "RANKSCORE.value", "RANKSCORE.values", "CHECKSUM", "CHECKSUM.parts", "VERSION"]);
    expect(JSON.stringify(input)).toBe(before);
  });

  test("inherited object keys are not mistaken for translations", () => {
    const md: FunctionsMetadata = { functions: [{ id: "toString", name: "TOSTRING", parameters: [{ name: "constructor" }] }] };
    expect(localizeMetadata(md, {}).missing).toEqual(["toString", "toString.constructor"]);
  });
});

describe("unusedEntries", () => {
  test("reports stale translations of renamed functions or parameters", () => {
    expect(
      unusedEntries(metadata(), {
        RANKSCORE: { description: "x", parameters: { value: "a", valuez: "b" } },
        OLDNAME: { description: "y" },
      }),
    ).toEqual(["RANKSCORE.valuez", "OLDNAME"]);
  });
});
