import { describe, expect, it } from "vitest";
import { attemptsToCsv } from "../../src/progress/csv.ts";
import { heatMap, learners, mergeAttempts, voters } from "../../src/team/model.ts";
import { readTeamFile } from "../../src/team/read.ts";
import { readSession, type SessionRecord } from "../../src/team/sessionFile.ts";
import type { Attempt } from "../../src/store/index.ts";
import { sessionRecord } from "./roomSessionFile.ts";

const c = (v: number) => ({ questioning: v, listening: v, presenting: v, relationships: v, strategy: v, outcome: v });
const attempt = (day: number, learner: string, mode: Attempt["mode"], total: number): Attempt => ({ at: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`, scenarioId: "ice-to-eskimos", mode, total, competencies: c(total), ending: "won", seed: String(day), learner, seconds: 300 });

describe("the team view's reading of files", () => {
  it("reads a real session export from the room server", () => {
    const r = readSession(JSON.stringify(sessionRecord("ROOM01", ["Ann", "Bo", "Cy"])));
    expect(r.ok).toBe(true);
    const s = (r as { session: SessionRecord }).session;
    expect(s.decisions.length).toBeGreaterThan(2);
    expect(s.participants.map((p) => p.name)).toEqual(["Ann", "Bo", "Cy"]);
  });

  it("names the file's JSON path or CSV line and column of what is wrong, and keeps the good rows", () => {
    const session = sessionRecord("ROOM02", ["Ann", "Bo"]) as { decisions: { options: { rank: unknown }[] }[] };
    session.decisions[1]!.options[0]!.rank = "high";
    const bad = readTeamFile("monday.json", JSON.stringify(session));
    expect(bad).toEqual({ kind: "bad", name: "monday.json", problems: [expect.stringMatching(/^decisions\.1\.options\.0\.rank: /)] });
    expect(readTeamFile("x.json", "{nope")).toMatchObject({ kind: "bad", problems: [expect.stringMatching(/^not JSON/)] });
    const csv = attemptsToCsv([attempt(1, "Ann", "practice", 40), attempt(2, "Ann", "practice", 50)]).replace(",50,", ",lots,");
    const read = readTeamFile("ann.csv", csv);
    expect(read).toMatchObject({ kind: "history", attempts: [{ total: 40 }], problems: ["line 3: total"] });
    expect(readTeamFile("notes.csv", "name,score\nann,3\n")).toMatchObject({ kind: "bad", problems: [expect.stringMatching(/^line 1: missing the columns/)] });
  });
});

describe("the team view's model", () => {
  it("groups attempts by learner with practice and assessment apart, and drops an attempt sent twice", () => {
    const ann = [attempt(1, "Ann", "practice", 40), attempt(3, "Ann", "assessment", 62), attempt(2, "Ann", "practice", 55)];
    const bo = [attempt(1, "Bo", "assessment", 30)];
    const all = mergeAttempts([
      { source: "ann.csv", attempts: ann },
      { source: "ann-again.csv", attempts: ann },
      { source: "bo.csv", attempts: bo },
    ]);
    expect(all).toHaveLength(4);
    const [a, b] = learners(all);
    expect(a!.name).toBe("Ann");
    expect(a!.totals.practice.map((p) => p.total)).toEqual([40, 55]);
    expect(a!.totals.assessment.map((p) => p.total)).toEqual([62]);
    expect(a!.bestAssessment).toBe(62);
    expect(a!.seconds).toBe(900);
    expect(b!.bestAssessment).toBe(30);
  });

  it("puts the same decision of several sessions in one row, options by course rank, shares summing to one, the best starred", () => {
    const sessions = [sessionRecord("ROOM03", ["Ann", "Bo", "Cy"]), sessionRecord("ROOM04", ["Di", "Ed", "Fa"])].map((s) => (readSession(JSON.stringify(s)) as { session: SessionRecord }).session);
    const rows = heatMap(sessions);
    expect(rows.length).toBeGreaterThan(0);
    const first = rows[0]!;
    expect(first.sessions).toBe(2); // both rooms met the opening decision
    expect(first.votes).toBe(6);
    expect(first.cells.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 5);
    for (const row of rows) {
      for (let i = 1; i < row.cells.length; i++) expect(row.cells[i - 1]!.rank).toBeGreaterThanOrEqual(row.cells[i]!.rank);
      expect(row.cells.some((x) => x.best)).toBe(true);
      expect(row.cells[0]!.best).toBe(true);
    }
    const people = voters(sessions);
    expect(people.map((p) => p.name)).toEqual(["Ann", "Bo", "Cy", "Di", "Ed", "Fa"]);
    expect(people.every((p) => p.votes > 0 && p.best <= p.votes)).toBe(true);
  });
});
