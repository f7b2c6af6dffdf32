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
