import { describe, expect, it } from "vitest";
import { archetypeFor } from "../../src/art/draw.ts";

describe("portrait archetypes", () => {
  it("give a stakeholder the same look every time, and different people different looks", () => {
    const ids = ["zhou", "liu", "sun", "zheng", "chen", "maata", "paulusie", "wang", "li", "zhao"];
    const looks = ids.map((id) => JSON.stringify(archetypeFor(id, "procurement")));
    expect(ids.map((id) => JSON.stringify(archetypeFor(id, "procurement")))).toEqual(looks);
    // A room of ten buyers is not ten copies of one face.
    expect(new Set(looks).size).toBeGreaterThanOrEqual(4);
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
