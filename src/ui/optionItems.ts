/**
 * A choice's options as menu items: the option's words, and — in practice with marks on —
 * its move mark, colour and icon; a cost shows in every mode (it is the account's, not a
 * judgement). Also their lines for the screen-reader mirror.
 */
import type { Phaser } from "../phaser/index.ts";
import type { MeetingView } from "../engine/view/meeting.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { localize, moveLabel, t } from "../content/i18n.ts";
import { iconTexture } from "../art/textures.ts";
import { iconFor } from "../art/icons.ts";
import { CHIP_COLORS } from "./theme.ts";
import type { MenuItem } from "./menu.ts";

export function optionItems(scene: Phaser.Scene, view: MeetingView, locale: Locale, marks: boolean, choose: (id: string) => void): { items: MenuItem[]; mirror: string[] } {
  const items: MenuItem[] = view.options.map((o) => {
    const cost = o.cost.weeks || o.cost.budget ? ` · ${t(locale, "cost", { weeks: o.cost.weeks, budget: o.cost.budget })}` : "";
    const chip = (marks ? moveLabel(o.move, locale) : "") + cost;
    return {
      label: localize(o.text, locale),
      ...(marks ? { chip, chipColor: CHIP_COLORS[o.move.kind], chipIcon: iconTexture(scene, iconFor(o.move)) } : cost ? { chip: cost.slice(3) } : {}),
      onSelect: () => choose(o.id),
    };
  });
  const mirror = items.map((it, i) => `${i + 1}. ${it.label}${it.chip ? t(locale, "format.paren", { text: it.chip }) : ""}`);
  return { items, mirror };
}
