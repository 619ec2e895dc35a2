/**
 * Type-checks the `.astro` files, which `tsc` cannot read, with Astro's checker (the
 * `@astrojs/language-server` behind `astro check`) on the TypeScript 6 compiler API.
 *
 * Why not `astro check`: the project's `typescript` is 7, the native compiler, which does not
 * ship the programmatic API the checker (and Volar under it) is built on, and they load
 * whatever `typescript` resolves to. Here, inside this one process, every `typescript` import
 * resolves to `@typescript/typescript6` instead, so TypeScript 7 stays the compiler for
 * everything else (`tsc` in `npm run typecheck` checks the `.ts` files). Fails on any error or
 * warning.
 */
import { createRequire, registerHooks } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const typescript6 = dirname(require.resolve('@typescript/typescript6/package.json'));
registerHooks({
  resolve: (specifier, context, next) => {
    if (specifier === 'typescript') return { url: pathToFileURL(require.resolve('@typescript/typescript6')).href, format: 'commonjs', shortCircuit: true };
    if (specifier.startsWith('typescript/')) return next(`${typescript6}/${specifier.slice('typescript/'.length)}`, context);
    return next(specifier, context);
  },
});

const { AstroCheck } = await import('@astrojs/language-server');
const checker = new AstroCheck(process.cwd(), require.resolve('@typescript/typescript6'), undefined);
const astroFiles = checker.linter.getRootFileNames().filter((file) => file.endsWith('.astro'));
const result = await checker.lint({ fileNames: astroFiles, logErrors: { level: 'warning' } });
console.log(`astro check: ${result.fileChecked} .astro files, ${result.errors} errors, ${result.warnings} warnings, ${result.hints} hints`);
if (astroFiles.length === 0) console.error('astro check: no .astro file found: does tsconfig.json include src/?');
process.exitCode = result.errors + result.warnings > 0 || astroFiles.length === 0 ? 1 : 0;
