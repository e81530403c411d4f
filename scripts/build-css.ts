// Compiles the app's Sass (govuk-frontend with a system font stack) to public/stylesheets.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = sass.compile(path.join(root, 'src/styles/application.scss'), {
  loadPaths: [path.join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
});
const outDir = path.join(root, 'public/stylesheets');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'application.css'), result.css);
console.log(`Built public/stylesheets/application.css (${Math.round(result.css.length / 1024)} KB)`);
