// Builds the widget into web/dist/ beside the WebAssembly core (which the `wasm` CMake preset writes
// there): the loader otklik.js, the lazily loaded widget module (with its CSS as text and the core's
// loader wasm/otklik-core.mjs bundled in; it fetches otklik-widget-core.wasm from beside itself) once per
// page language, otklik-widget.ru.mjs and otklik-widget.en.mjs (otklik.js loads one: a page downloads only
// its own language's sentences), and once with both, otklik-widget.mjs (the ES module export), locale
// files (ru and en too: a module fetches the other built-in language when a page mounts it) and type
// declarations. Last, a FILE.gz beside every text and WebAssembly file in the directory, the core's too,
// which `otklik serve` sends to clients that accept gzip (as nginx's gzip_static): standard gzip made with
// Zopfli (@gfx/zopfli, Google's Zopfli built to WebAssembly), about 6 % smaller than gzip -9 and
// still inflated by every browser; no name or time in its header, so the same bytes on every build.
// Usage: node web/build.mjs [--out DIR]
import { build, transform } from 'esbuild';
import { gzipAsync } from '@gfx/zopfli';
import { minify } from 'terser';
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1] : join(here, 'dist');
const src = join(here, 'src');
const target = ['chrome111', 'firefox113', 'safari16.4'];  // constructable stylesheets, :has(), ??=

// CSS is minified and imported as a string, then adopted as a constructed stylesheet (strict CSP).
const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, target });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

await mkdir(join(out, 'locales'), { recursive: true });
const common = { bundle: true, minify: true, target, charset: 'utf8', legalComments: 'none', logLevel: 'warning' };
// esbuild bundles and minifies; terser then minifies its output again, harder (three compress passes):
// about 180 B gzip less for a page, checked by web.size.
const squeeze = async (options) => {
  await build(options);
  const { code } = await minify(await readFile(options.outfile, 'utf8'), {
    module: options.format === 'esm', ecma: 2020, compress: { passes: 3 }, format: { comments: false },
  });
  await writeFile(options.outfile, code);
};
await squeeze({ ...common, entryPoints: [join(src, 'otklik.js')], outfile: join(out, 'otklik.js'), format: 'iife' });
// For a page-language module, built-in.js becomes that one language's sentences.
const builtInOnly = (locale) => ({
  name: 'built-in-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]built-in\.js$/ }, () => ({
      contents: `import s from './locales/${locale}.json' with { type: 'json' }; export const builtIn = { ${locale}: s };`,
      resolveDir: src,
      loader: 'js',
    }));
  },
});
for (const locale of [null, 'ru', 'en']) {
  await squeeze({
    ...common,
    entryPoints: [join(src, 'widget.js')],
    outfile: join(out, locale ? `otklik-widget.${locale}.mjs` : 'otklik-widget.mjs'),
    format: 'esm',
    define: { process: 'undefined' },  // drops the core loader's Node branch, never taken in a browser
    plugins: locale ? [cssAsText, builtInOnly(locale)] : [cssAsText],
  });
}
for (const name of await readdir(join(src, 'locales'))) {
  const text = JSON.stringify(JSON.parse(await readFile(join(src, 'locales', name), 'utf8')));
  await writeFile(join(out, 'locales', name), text);
}
await copyFile(join(src, 'otklik-widget.d.ts'), join(out, 'otklik-widget.d.ts'));

// Precompressed copies for the collector. Images and fonts are compressed already; a .gz whose file is
// gone is removed, so the collector never serves a stale one for a file that no longer exists. Zopfli
// spends CPU once at build time for bytes saved on every download; ZOPFLI_ITERATIONS trades the two.
const ZOPFLI_ITERATIONS = 15;  // Zopfli's default; 100 saves 7 B on a page for 1.7 times the CPU (docs/embedding.md)
const compressible = /\.(?:m?js|css|html?|json|wasm|svg|map|txt|ts)$/;
const compressAll = async (dir) => {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await compressAll(path);
    } else if (entry.isFile() && entry.name.endsWith('.gz')) {
      const original = await stat(path.slice(0, -'.gz'.length)).catch(() => null);
      if (!original?.isFile()) await rm(path);
    } else if (entry.isFile() && compressible.test(entry.name)) {
      await writeFile(`${path}.gz`, await gzipAsync(await readFile(path), { numiterations: ZOPFLI_ITERATIONS }));
    }
  }
};
await compressAll(out);
console.log(`otklik widget built into ${out}`);
