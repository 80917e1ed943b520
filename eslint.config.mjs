import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next*/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'public/assets/**', 'public/assets-dev/**'],
  },
  {
    // Rendered by lib/render, without Next.js's client runtime: next/link does not exist there.
    files: ['components/ateliers/**', 'components/layout/**', 'components/place/**', 'components/search/**'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
];

export default config;
