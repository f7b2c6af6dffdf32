import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { DOM_GLOBALS, HOST_FOLDERS, HOST_PACKAGES } from "./layers.js";

const hostPackages = HOST_PACKAGES.flatMap((p) => [p, `${p}/*`]);

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
    // Type-aware rules on the source: every switch over a union handles each member; no promise is dropped unawaited.
    files: ["src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver()], "import-x/parsers": { "@typescript-eslint/parser": [".ts"] }, "import-x/extensions": [".ts", ".js"] },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/no-floating-promises": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...hostPackages, ...HOST_FOLDERS.map((f) => `**/${f}/*`)] }],
      "no-restricted-globals": ["error", ...DOM_GLOBALS],
    },
  },
  {
    // The run session drives the engine for every host: it is no host itself.
    files: ["src/session/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...hostPackages, ...HOST_FOLDERS.filter((f) => f !== "session").map((f) => `**/${f}/*`)] }],
      "no-restricted-globals": ["error", ...DOM_GLOBALS],
    },
  },
  {
    // Reusable Phaser pieces and drawn art sit below the game: they never reach up into it.
    files: ["src/ui/**/*.ts", "src/art/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/game/*"] }] },
  },
);
