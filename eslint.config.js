// Lint enforces the boundaries of docs/decisions/001 (see HOUSE_STYLE): not memory, a rule.
import tseslint from "typescript-eslint";

const restrict = (patterns) => ["error", { patterns }];

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", ".cache/**", "data/**", "tests/.tmp/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // 1. Routes import features, utils and components — never db/ (type imports excepted).
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: ["@db/*", "../../db/*", "**/db/*"], allowTypeImports: true, message: "Routes call feature use cases; only *.server.ts touch the database." },
        { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "No SQL in routes." },
      ]),
    },
  },
  {
    // 2. Pure modules (everything in features that is neither *.server.ts, a component nor a test) stay free of IO.
    files: ["app/features/**/*.ts"],
    ignores: ["app/features/**/*.server.ts", "app/features/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: ["@db/*"], allowTypeImports: true, message: "Pure modules import only zod and other pure modules." },
        { group: ["node:*", "fs", "path", "crypto", "drizzle-orm", "drizzle-orm/*", "better-sqlite3", "@remix-run/*", "react", "react-dom"], message: "Pure modules import only zod and other pure modules." },
        { group: ["**/*.server", "~/utils/*.server"], message: "Pure modules must not reach server code." },
      ]),
    },
  },
  {
    // 3. Only *.server.ts touch the database; components never import *.server.
    files: ["app/**/*.tsx", "app/components/**/*.ts", "app/utils/i18n*.ts*", "app/utils/forms.ts"],
    ignores: ["app/routes/**", "app/root.tsx", "app/entry.server.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: ["**/*.server", "~/**/*.server"], message: "Components and browser code never import *.server modules." },
        { group: ["@db/*"], allowTypeImports: true, message: "Components get data through loaders." },
        { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "No database access in components." },
      ]),
    },
  },
  {
    // 5. Actions read their body through readForm (decision 016): a non-form body is a 415, never a 500.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/form-body.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='formData']", message: "Use readForm(request) from ~/utils/form-body.server: it answers non-form bodies and other methods with a translated 4xx." },
      ],
    },
  },
  {
    // 4. db/ imports nothing from app/.
    files: ["db/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([{ group: ["~/*", "../app/*", "../../app/*"], message: "db/ stands on its own: it imports nothing from app/." }]),
    },
  },
);
