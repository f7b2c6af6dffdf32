/**
 * Listening moves (DOMAIN.md §5, 少说多听): positive body language, summarising at the
 * right moment, taking notes. Posture and note-taking are also a per-meeting stance
 * (meetings.ts); these are the moves a player picks as an option.
 */
import { needProgress } from "../account.ts";
import { temperamentOf } from "../temperament.ts";
import type { AccountState } from "../account.ts";
import type { MoveRule } from "./types.ts";
import { stakeholderOf } from "./types.ts";

/** Whether summarising now is "the right moment": the client said something new since the last summary. */
export function summariseIsTimely(a: AccountState, who: string | undefined): boolean {
  const s = stakeholderOf(a, who);
  if (!s || !a.meeting) return false;
  const progress = needProgress(s);
  const last = Object.hasOwn(a.meeting.summarisedAt, who!) ? a.meeting.summarisedAt[who!]! : 0;
  return progress > 0 && progress > last;
}

export const listenRule: MoveRule<"listen"> = {
  competency: "listening",
  cost: () => ({ weeks: 0, budget: 0 }),
  talk: (move) => (move.behaviour === "summarise" ? { rep: 1, client: 2 } : { rep: 0, client: move.behaviour === "distracted" ? 1 : 2 }),
  apply(ctx, move, option) {
    const a = ctx.account;
    const who = option.to;
    const meeting = a.meeting;
    switch (move.behaviour) {
      case "summarise":
        if (summariseIsTimely(a, who)) {
          meeting!.summarisedAt[who!] = needProgress(stakeholderOf(a, who)!);
          // An open client has told you more: hearing it given back lands better with them.
          ctx.award("listening", temperamentOf(ctx, who) === "open" ? 10 : 8, "listen.summarise-right", who);
          ctx.meter(who!, "trust", 1);
          ctx.meter(who!, "emotion", 1);
        } else {
          ctx.award("listening", -4, "listen.summarise-parrot", who);
          if (who) ctx.meter(who, "emotion", -1);
        }
        return;
      case "distracted":
        ctx.award("listening", -6, "listen.distracted", who);
        if (who) ctx.meter(who, "emotion", -2);
        return;
      case "take-notes":
        if (meeting) meeting.notes = true;
        return;
      case "body-language":
        if (meeting) meeting.posture = "engaged";
        return;
    }
  },
  rank(ctx, move, to) {
    const m = ctx.account.meeting;
    switch (move.behaviour) {
      case "summarise":
        return summariseIsTimely(ctx.account, to) ? 70 : 10;
      case "distracted":
        return 0;
      case "take-notes":
        return m && !m.notes ? 40 : 12;
      case "body-language":
        return m && m.posture !== "engaged" ? 40 : 12;
    }
  },
  guide: {
    needs: {
      "zh-CN": "摘要复述要在对方刚说出新内容（需求有进展）之后；记笔记和肢体语言在会议中有效。",
      en: "Summarise right after the client said something new (a need moved on); notes and body language work inside a meeting.",
    },
    does: {
      "zh-CN": "适时复述 +8 倾听、+1 信任 +1 情感；鹦鹉学舌 −4、−1 情感；心不在焉 −6、−2 情感；记笔记、肢体语言把本次会议的姿态设为记录中/投入。",
      en: "A timely summary +8 listening, +1 trust +1 emotion; parroting −4, −1 emotion; distraction −6, −2 emotion; notes and body language set the meeting's stance to noting / engaged.",
    },
  },
};
