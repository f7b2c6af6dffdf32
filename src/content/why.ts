/**
 * The debrief's reasons in words: a Shortfall (engine/view/why.ts) becomes a sentence such
 * as "陈总：认知，需要对个人信任". Names come from the scenario; wording from the UI strings.
 */
import type { Shortfall } from "../engine/view/why.ts";
import type { Scenario } from "../engine/loader.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { localize, t, type StringKey } from "./i18n.ts";

const OP_KEYS: Record<string, StringKey> = { ">=": "why.op.at-least", ">": "why.op.more-than", "<=": "why.op.at-most", "<": "why.op.less-than", "==": "why.op.exactly", "!=": "why.op.not" };

export function describeShortfall(s: Shortfall, scenario: Scenario, locale: Locale): string {
  const tr = (k: string, v?: Record<string, string | number>) => t(locale, k as StringKey, v);
  const who = (id: string) => localize(scenario.cast[id]?.name, locale) || id;
  const op = (o: string) => t(locale, OP_KEYS[o] ?? "why.op.exactly");
  switch (s.kind) {
    case "level":
      return tr("why.level", { who: who(s.who), has: tr(`level.${s.has}`), op: op(s.op), needs: tr(`level.${s.needs}`) });
    case "count": {
      const roles = s.roles?.length ? s.roles.map((r) => tr(`role.${r}`)).join(tr("format.enum")) : tr("why.anyone");
      const short = s.short.map((x) => tr("why.at", { who: who(x.who), level: tr(`level.${x.level}`) })).join(tr("format.list"));
      return tr("why.count", { has: s.has, op: op(s.op), needs: s.needs, level: tr(`level.${s.level}`), roles, short: short || "—" });
    }
    case "need": {
      const need = scenario.cast[s.who]?.needs?.[s.need];
      const text = need ? localize(need.implied, locale) : s.need;
      return tr("why.need", { who: who(s.who), need: text, has: s.has === "absent" ? tr("why.absent") : tr(`need.${s.has}`), needs: tr(`need.${s.needs}`) });
    }
    case "meter":
      return tr("why.meter", { who: who(s.who), meter: tr(`meter.${s.meter}`), has: s.has, op: op(s.op), needs: s.needs });
    case "figure":
      return tr("why.figure", { figure: tr(`figure.${s.figure}`), has: Math.round(s.has * 10) / 10, op: op(s.op), needs: s.needs });
    case "task":
      return tr("why.task", { task: tr(`task.${s.task}`), has: tr(`task.${s.has}`), needs: tr(`task.${s.needs}`) });
    case "excluded":
      return tr("why.excluded", { rival: localize(scenario.competitors?.[s.competitor]?.name, locale) || s.competitor });
    case "pair":
      return tr("why.pair", { colleague: tr(`colleague.${s.colleague}`) });
    case "noted":
      return tr("why.noted", { note: localize(scenario.notes?.[s.note], locale) || s.note });
    case "researched":
      return tr("why.researched", { fact: localize(scenario.research?.[s.fact], locale) || s.fact });
    case "other":
      return tr("why.other");
    case "var": {
      const label = localize(scenario.variables?.[s.name]?.label, locale) || s.name;
      return tr("why.var", { label, has: String(s.has ?? "—"), op: op(s.op), needs: String(s.needs) });
    }
    case "visited": {
      const title = scenario.nodes[s.node]?.title;
      return tr("why.visited", { place: title ? localize(title, locale) : s.node });
    }
    case "chosen": {
      const o = scenario.nodes[s.node]?.options?.find((x) => x.id === s.option);
      return tr("why.chosen", { option: o ? localize(o.text, locale) : s.option });
    }
  }
}
