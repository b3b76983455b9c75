// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', '.ci/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } }, 'import-x/ignore': ['node_modules'] },
  },
  {
    // DESIGN.md: code outside a module imports only its `shared`; a module's web pages build on `@sifa/ui`, the one
    // home of the shared web pieces, and never import the console app (ADR 0013).
    files: ['modules/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@sifa/web', '@sifa/web/*'], message: '业务模块不得引用控制台应用；共用的页面部件在 @sifa/ui (ADR 0013)' },
            { group: ['@sifa/*/server', '@sifa/*/server/*', '@sifa/*/web', '@sifa/*/web/*'], message: '只能引用其他模块的 shared 部分 (DESIGN.md)' },
          ],
        },
      ],
    },
  },
  {
    // Packages and modules never import an app: the apps compose them (apps/server's registry hands the business
    // modules to @sifa/platform and @sifa/testing). A rule of its own, so the module rules above keep theirs.
    files: ['packages/**/*.{ts,tsx,js,mjs}', 'modules/**/*.{ts,tsx,js,mjs}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@sifa/server', '@sifa/server/**', '@sifa/web', '@sifa/web/**'], message: '包和业务模块不得引用应用 (apps/*)：由应用组装它们' }],
        },
      ],
    },
  },
  {
    // Issue #10 item 3: a module reaches kernel data only through the kernel's exported functions (its query parts
    // matterSummary, unitSummary … and its services), never by a `kernel.` table name — except in its migrations
    // (an index on kernel.matters for its own list) and its tests (which back-date or inspect rows).
    files: ['modules/**/*.{ts,tsx}'],
    ignores: ['modules/**/migrations/**', 'modules/**/*.test.ts', 'modules/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // a table name (`kernel.orgs`, `kernel.matter_parties as mp`), not a permission or key (`kernel.party.write`)
          selector: 'Literal[value=/\\bkernel\\.[A-Za-z_]+(?![.\\w])/]',
          message: '业务模块不能直接读写内核表 (kernel.*)：请使用内核导出的函数 (如 matterSummary、unitSummary、listUnits)',
        },
        {
          selector: 'TemplateElement[value.raw=/\\bkernel\\.[A-Za-z_]+(?![.\\w])/]',
          message: '业务模块不能直接读写内核表 (kernel.*)：请使用内核导出的函数 (如 matterSummary、unitSummary、listUnits)',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
