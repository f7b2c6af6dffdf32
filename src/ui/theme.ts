/** Design tokens. Text colours on their backgrounds pass WCAG AA (checked in tests/unit/theme.test.ts). */
export const WIDTH = 1280;
export const HEIGHT = 720;

export const COLORS = {
  bg: 0x14202e,
  bgText: "#14202e",
  panel: 0x1f3045,
  panelHi: 0x2c4866,
  line: 0x4d6b8a,
  focus: 0xf2c14e,
  text: "#f3f5f8",
  textDim: "#b8c4d2",
  accent: "#f2c14e",
  good: "#7fd99a",
  bad: "#ff9b8f",
  chip: 0x36597d,
} as const;

/** Fonts with Chinese glyphs first, so CJK text never falls back to a bitmap-looking font. */
export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif';

/** Move-mark colours by move kind; the mark's text always names the move too (never colour alone). */
export const CHIP_COLORS = {
  spin: "#2f5f93",
  pitch: "#6a4a8c",
  listen: "#2d6f6a",
  tactic: "#8c3f3f",
  relationship: "#8a5a2b",
  awareness: "#4f6b2d",
  close: "#7a4760",
  talk: "#4b5563",
  research: "#3d5a80",
  rules: "#5b4a8a",
  screen: "#7c4a2a",
} as const;
