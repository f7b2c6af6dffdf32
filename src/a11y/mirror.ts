/**
 * The DOM mirror of the canvas: a visually hidden, aria-live region holding what the
 * current scene shows as plain text (a heading, then one paragraph per line; options as
 * "1. …"). Screen readers follow the game through it, and the e2e tests read it.
 * Text goes in through textContent only: scenario text is untrusted data.
 */
export interface MirrorView {
  /** Which screen this is, e.g. the meeting title. */
  heading: string;
  /** What the screen says, in reading order. */
  lines: string[];
}

export interface Mirror {
  show(view: MirrorView): void;
  readonly current: MirrorView | null;
}

export function createMirror(root: HTMLElement): Mirror {
  let current: MirrorView | null = null;
  let updates = 0;
  return {
    show(view) {
      current = view;
      // A counter lets tests (and tools) wait for the next change without guessing at timing.
      root.dataset.updates = String(++updates);
      const h = document.createElement("h2");
      h.textContent = view.heading;
      const paragraphs = view.lines.map((line) => {
        const p = document.createElement("p");
        p.textContent = line;
        return p;
      });
      root.replaceChildren(h, ...paragraphs);
    },
    get current() {
      return current;
    },
  };
}
