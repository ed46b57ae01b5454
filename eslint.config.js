import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/gen/**', '**/dist/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@meshwork/transport', '@meshwork/router', '@meshwork/filesvc', '@meshwork/gateway', '@meshwork/cli'], message: 'apps depend on libs, never on each other' }],
      }],
    },
  },
);
