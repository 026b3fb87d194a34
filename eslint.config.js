// Lint enforces the boundaries of docs/decisions/001 (see HOUSE_STYLE): not memory, a rule.
// tests/lint/boundaries.test.ts lints a deliberately bad snippet for every rule below and expects it to fire.
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const restrict = (patterns) => ["error", { patterns }];

const NO_DB = "Only *.server.ts files touch the database: call a feature's use case.";
const PURE =
  "Pure modules import only zod and other pure modules (no IO, no framework, no components, no server code).";

// Syntax that reaches the database without a static import of it.
const dynamicDbImport = {
  selector: "ImportExpression[source.value=/^(@db\\/|drizzle-orm|better-sqlite3|~\\/utils\\/db\\.server)/]",
  message: NO_DB,
};
const getDbCall = { selector: "CallExpression[callee.name='getDb']", message: NO_DB };
// Actions read their body through readForm (decision 016): a non-form body is a 415, never a 500.
const formDataCall = {
  selector: "CallExpression[callee.property.name='formData']",
  message:
    "Use readForm(request) from ~/utils/form-body.server: it answers non-form bodies and other methods with a translated 4xx.",
};
// A use case takes typed, parsed input (decision 120): the route reads the form and parses it with the schema.
const formDataParam = {
  selector: "TSTypeReference[typeName.name='FormData']",
  message: "Use cases take typed input parsed by the route's zod schema, never FormData (docs/decisions/120).",
};
// Configuration goes through the environment schema (app/utils/env.server.ts), not process.env.
const processEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read configuration through getEnv() from ~/utils/env.server: one schema checks every variable.",
};
// A use case says what went wrong in domain words (decision 120, 124): no HTTP status, no Response, no Request in
// app/features — the route turns an Outcome into a response with failureResponse/statusOf.
const NO_HTTP =
  "Features return an Outcome (~/utils/use-case) and take typed input: the route answers with failureResponse (docs/decisions/124).";
const httpStatusValue = {
  selector: "Property[key.name=/^(status|httpStatus)$/][value.type='Literal'][value.value>=100][value.value<600]",
  message: NO_HTTP,
};
const httpStatusType = {
  selector: "TSPropertySignature[key.name=/^(status|httpStatus)$/] TSLiteralType > Literal[value>=100][value<600]",
  message: NO_HTTP,
};
const requestParam = { selector: "TSTypeReference[typeName.name='Request']", message: NO_HTTP };
const responseValue = { selector: "NewExpression[callee.name='Response']", message: NO_HTTP };
const remixResponder = {
  selector:
    "ImportDeclaration[source.value='@remix-run/node'] > ImportSpecifier[imported.name=/^(data|json|redirect|redirectDocument)$/]",
  message: NO_HTTP,
};
// The transaction type is derived once, in app/utils/db.server.ts (`Tx`): features import it.
const derivedTx = {
  selector:
    "TSTypeReference[typeName.name='Parameters'] TSIndexedAccessType > TSLiteralType > Literal[value='transaction']",
  message: "Import type Tx from ~/utils/db.server instead of deriving the transaction type again.",
};
const NO_HTTP_RULES = [httpStatusValue, httpStatusType, requestParam, responseValue, remixResponder];
// Route-layer helpers that still live in a feature folder: a file download's Response (exports), the sign-in's
// redirect, the benchmark's filter reading, the SSO cookies and the import page's action (its routes belong to another change).
const ROUTE_HELPERS = [
  "app/features/exports/export.server.ts",
  "app/features/auth/sign-in-response.server.ts",
  "app/features/benchmark/peer.server.ts",
  "app/features/import/import-action.server.ts",
  "app/features/sso/sso-session.server.ts",
];
// A route states no HTTP status number (decision 204): the reason → status mapping lives once, in
// app/utils/respond.server.ts (failureResponse for a refused use case, statusOf(reason) for a bare Response).
const ROUTE_STATUS =
  "Routes take every status from ~/utils/respond.server (failureResponse, or statusOf(reason)): no status numbers in routes (docs/decisions/204).";
const routeStatusNumber = {
  selector: "Property[key.name='status'] Literal[value>=100][value<600]",
  message: ROUTE_STATUS,
};
const routeStatusArgument = {
  selector:
    "CallExpression[callee.name=/^(data|json|redirect|redirectDocument)$/] > Literal.arguments[value>=100][value<600]",
  message: ROUTE_STATUS,
};
const relationalQuery = {
  selector:
    "MemberExpression[property.name=/^find(Many|First)$/][object.type='MemberExpression'][object.object.type='MemberExpression'][object.object.property.name='query']",
  message: NO_DB,
};
// Outside *.server.ts nothing reaches the database or reads a raw form body; the blocks below add their own rules.
const NO_DB_SYNTAX = [dynamicDbImport, getDbCall, relationalQuery, formDataCall];

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
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Outside *.server.ts (and db/, scripts/, tests/), nothing reaches the database through a dynamic import.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_DB_SYNTAX] },
  },
  {
    // Routes: the same as above, and no status numbers (decision 204).
    files: ["app/routes/**/*.{ts,tsx}"],
    ignores: ["app/routes/**/*.server.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...NO_DB_SYNTAX, routeStatusNumber, routeStatusArgument],
    },
  },
  {
    files: ["app/**/*.server.ts"],
    ignores: ["app/utils/form-body.server.ts"],
    rules: { "no-restricted-syntax": ["error", formDataCall] },
  },
  {
    // Features' use cases and pure modules: typed input, configuration from the environment schema.
    // notifications/config.server.ts parses its own variables with its own schema (decision 071).
    files: ["app/features/**/*.server.ts"],
    ignores: ["app/features/notifications/config.server.ts", ...ROUTE_HELPERS],
    rules: { "no-restricted-syntax": ["error", formDataCall, formDataParam, processEnv, derivedTx, ...NO_HTTP_RULES] },
  },
  {
    files: ROUTE_HELPERS,
    rules: { "no-restricted-syntax": ["error", formDataCall, formDataParam, processEnv, derivedTx] },
  },
  {
    files: ["app/features/**/*.{ts,tsx}"],
    ignores: ["app/features/**/*.server.ts", "app/features/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...NO_DB_SYNTAX, formDataParam, processEnv, ...NO_HTTP_RULES],
    },
  },
  {
    // 1. Routes and the document shell import features, utils and components — never db/ (type imports excepted).
    files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx", "app/entry.server.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        {
          group: ["@db/*", "../../db/*", "**/db/*"],
          allowTypeImports: true,
          message: "Routes call feature use cases; only *.server.ts touch the database.",
        },
        { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "No SQL in routes." },
        { group: ["~/utils/db.server"], allowTypeImports: true, message: NO_DB },
      ]),
    },
  },
  {
    // 2. Pure modules (everything in features that is neither *.server.ts, a component nor a test) stay free of IO.
    //    An allow-list: zod, other pure modules (relative or ~/features), the i18n types, and db/ types only.
    files: ["app/features/**/*.ts"],
    ignores: ["app/features/**/*.server.ts", "app/features/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { regex: "^(?!(zod|zod/.+|\\.{1,2}/.+|~/features/.+|~/utils/(i18n|form-fields)|@db/.+)$)", message: PURE },
        { group: ["@db/*"], allowTypeImports: true, message: PURE },
        { group: ["**/*.server", "~/utils/*.server"], message: "Pure modules must not reach server code." },
        { group: ["**/components/*", "**/components/**", "**/*.tsx"], message: PURE },
      ]),
    },
  },
  {
    // 3. Only *.server.ts touch the database; components and browser code import *.server modules for types only.
    files: ["app/**/*.tsx", "app/components/**/*.ts", "app/utils/i18n*.ts*", "app/utils/forms.ts"],
    ignores: ["app/routes/**", "app/root.tsx", "app/entry.server.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        {
          group: ["**/*.server", "~/**/*.server"],
          allowTypeImports: true,
          message: "Components and browser code import *.server modules for their types only.",
        },
        { group: ["@db/*"], allowTypeImports: true, message: "Components get data through loaders." },
        { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3"], message: "No database access in components." },
      ]),
    },
  },
  {
    // 3b. Cross-cutting utilities that are not *.server.ts run in the browser too: no database there.
    files: ["app/utils/**/*.{ts,tsx}"],
    ignores: ["app/utils/**/*.server.ts", "app/utils/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: ["@db/*", "~/utils/db.server", "**/*.server"], allowTypeImports: true, message: NO_DB },
        { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3", "node:*", "nodemailer"], message: NO_DB },
      ]),
    },
  },
  {
    // 4. db/ imports nothing from app/.
    files: ["db/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { group: ["~/*", "../app/*", "../../app/*"], message: "db/ stands on its own: it imports nothing from app/." },
      ]),
    },
  },
);
