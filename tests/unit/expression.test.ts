import { describe, expect, it } from "vitest";
import { expressionOf } from "../../src/ui/expression.ts";

const base = { trust: 3, interest: 3, emotion: 4, level: "stranger" as const };

describe("a stakeholder's expression", () => {
  it("is neutral for a lukewarm stranger", () => expect(expressionOf(base)).toBe("neutral"));
  it("shows interest once interest is high or the last move raised it", () => {
    expect(expressionOf({ ...base, interest: 6 })).toBe("interested");
    expect(expressionOf(base, 1)).toBe("interested");
  });
  it("is pleased with high emotion, personal trust, or a big lift", () => {
    expect(expressionOf({ ...base, emotion: 8 })).toBe("pleased");
    expect(expressionOf({ ...base, level: "personal-trust" })).toBe("pleased");
    expect(expressionOf(base, 2)).toBe("pleased");
  });
  it("turns sceptical when the last move cost goodwill or trust is near zero", () => {
    expect(expressionOf(base, -1)).toBe("sceptical");
    expect(expressionOf({ ...base, trust: 1, emotion: 3 })).toBe("sceptical");
  });
  it("is annoyed after a bad blow or with emotion at the floor, whatever else holds", () => {
    expect(expressionOf({ ...base, level: "personal-trust" }, -2)).toBe("annoyed");
    expect(expressionOf({ ...base, emotion: 1, interest: 9 })).toBe("annoyed");
  });
});
