import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "dist-*/", "node_modules/", "tests/e2e/screenshots/", "coverage/", ".scratch/", ".ci-out/", "dist-bench/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "Scenario data is never evaluated as code." },
        { selector: "NewExpression[callee.name='Function']", message: "Scenario data is never evaluated as code." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["phaser", "howler", "zustand", "zustand/*", "../game/*", "../store/*", "../audio/*", "../a11y/*"] },
      ],
      "no-restricted-globals": ["error", "window", "document", "localStorage", "navigator"],
    },
  },
);
