import { describe, expect, it } from "vitest";
import { createRng, createRunner, loadScenario, PENALISED_RANK, POLICIES, rankMove, seedToState, type Runner } from "../../src/engine/index.ts";
import { traceRun } from "../../src/studio/balance-core.ts";
import { miniData } from "./helpers.ts";

/** The mini scenario with small talk at the first meeting that the author penalises (the client is pressed for time). */
function withPenalisedSmallTalk() {
  const d = miniData();
  d.nodes.hello.options.push(
    {
      id: "chat",
      text: { "zh-CN": "聊聊天气", en: "Nice weather today" },
      to: "buyer",
      move: { kind: "talk" },
      effects: [{ score: { competency: "relationships", points: -5, principle: "talk.smalltalk", explain: { "zh-CN": "客户很忙，不想寒暄", en: "The client is pressed for time" } } }],
      next: "middle",
    },
    { id: "sit", text: { "zh-CN": "现在用几台设备？", en: "How many machines do you run?" }, to: "buyer", move: { kind: "spin", type: "situation" }, next: "middle" },
  );
  return loadScenario(d);
}

function atFirstChoice(): Runner {
  const r = createRunner(withPenalisedSmallTalk(), "1");
  while (r.status === "line") r.advance();
  return r;
}

describe("an author's own penalty on an option", () => {
  it("ranks the penalised option below the unpenalised ones, though its move alone ranks above them", () => {
    const r = atFirstChoice();
    const chat = r.options.find((o) => o.id === "chat")!;
    const ask = r.options.find((o) => o.id === "ask-problem")!;
    const core = (r as unknown as { core: Parameters<typeof rankMove>[0] }).core;
    // The premise: small talk at a first meeting is a fine move by the course alone.
    expect(rankMove(core, chat.move, chat.to)).toBeGreaterThan(rankMove(core, ask.move, ask.to));
    expect(r.rank("chat")).toBeLessThan(r.rank("ask-problem"));
    expect(r.rank("chat")).toBeLessThan(r.rank("sit"));
    expect(r.rank("chat")).toBeLessThanOrEqual(PENALISED_RANK);
  });

  it("keeps the simulated good player, in the engine and the studio's balance panel, out of it", () => {
    const s = withPenalisedSmallTalk();
    for (let seed = 0; seed < 8; seed++) {
      const trace = traceRun(s, "spin-disciplined", String(seed));
      expect(trace.steps[0]!.option, `seed ${seed}`).not.toBe("chat");
    }
    const r = atFirstChoice();
    const good = POLICIES["spin-disciplined"]!;
    expect(good.choose(r, createRng(seedToState("p")))).not.toBe("chat");
  });
});
