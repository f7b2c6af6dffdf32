/**
 * Notices that must be seen on any screen (a failed save happens mid-meeting, where the
 * title's notice list is not shown): a small banner over the game, outside the canvas,
 * filled with textContent only. It stays while the problem lasts and goes when the store
 * withdraws the notice.
 */
import type { AppStore, Notice } from "../store/index.ts";
import { t } from "../content/i18n.ts";

/** Notices shown on every screen, not only on the title. */
const EVERYWHERE: ReadonlySet<Notice["key"]> = new Set(["notice.save-failed", "notice.lms-refused", "notice.lms-refused-final", "notice.lms-commit-failed"]);

export function showLiveNotices(store: AppStore, parent: HTMLElement): void {
  const box = document.createElement("div");
  box.id = "live-notice";
  box.setAttribute("role", "status");
  box.style.cssText =
    "position:fixed;top:8px;left:50%;transform:translateX(-50%);max-width:min(90vw,900px);padding:8px 16px;border-radius:8px;background:#5a1f1a;color:#fff;font:16px sans-serif;display:none;z-index:5;pointer-events:none";
  parent.append(box);
  const render = () => {
    const s = store.getState();
    const lines = s.notices.filter((n) => EVERYWHERE.has(n.key)).map((n) => t(s.settings.locale, n.key, n.vars));
    box.textContent = lines.join(" ");
    box.style.display = lines.length ? "block" : "none";
  };
  render();
  store.subscribe((s, prev) => {
    if (s.notices !== prev.notices || s.settings.locale !== prev.settings.locale) render();
  });
}
