import { describe, expect, it } from "vitest";
import { archetypeFor } from "../../src/art/draw.ts";

describe("portrait archetypes", () => {
  it("give a stakeholder the same look every time, whatever else is drawn", () => {
    expect(archetypeFor("zhou", "procurement")).toEqual(archetypeFor("zhou", "procurement"));
  });

  it("follow the scenario's archetype when it names one", () => {
    expect(archetypeFor("maata", "executive", "woman-long")).toMatchObject({ presentation: "woman", hairStyle: "long" });
    expect(archetypeFor("chen", "executive", "man-receding")).toMatchObject({ presentation: "man", hairStyle: "receding" });
  });

  it("dress each department in its own suit colour and fall back sensibly on unknown names", () => {
    expect(archetypeFor("a", "finance").suit).not.toBe(archetypeFor("a", "technical").suit);
    const odd = archetypeFor("x", "users", "robot-mohawk");
    expect(["man", "woman"]).toContain(odd.presentation);
    expect(["short", "parted", "long", "bun", "receding"]).toContain(odd.hairStyle);
  });
});
