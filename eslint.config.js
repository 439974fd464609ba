// @ts-check
import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// Module boundaries (STYLE.md §2.14): a module may not reach into another module's SQL or views; it calls that
// module's service. Pure files (policies, presenters, workflows) may not touch the database.
const modules = readdirSync(`${import.meta.dirname}/src/modules`);
const boundaries = modules.map((mod) => {
  const others = modules.filter((m) => m !== mod).join('|');
  return {
    files: [`src/modules/${mod}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${others})/(.*/)?[^/]*\\.repository\\.js$`,
              message: "Call the other module's service instead of its repository.",
            },
            {
              regex: `^(\\.\\./)+(${others})/(.*/)?views/`,
              message: "Do not import another module's views.",
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.tmp/', 'bench/out/', 'e2e/out/', 'src/web/static/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: 'error',
    },
  },
  ...boundaries,
  {
    files: ['src/**/*.policy.ts', 'src/**/*.presenter.ts', 'src/**/*-workflow.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: 'platform/db(\\.js)?$', message: 'Pure files take data, not a database.' }] },
      ],
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringContaining, …) are typed `any`.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js', 'eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
