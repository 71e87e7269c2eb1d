// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const FRAMEWORK_IMPORTS = ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'bullmq/*', 'ioredis', 'ioredis/*', 'pg', 'express'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/web/dist/**', '**/*.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Lib code is imported through its @app/* alias, never by climbing out of a folder.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/libs/*/src/**', '**/libs/*/src'], message: 'Import libs through @app/* aliases.' }] }],
    },
  },
  {
    // The domain stays framework-free (DESIGN §5): rules, parsing, the machine, scoring, the calendar.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORK_IMPORTS, message: 'libs/domain is framework-free: no NestJS, TypeORM, BullMQ, ioredis, pg or express.' },
            { group: ['@app/*', '!@app/domain'], message: 'libs/domain depends on no other lib.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
