/**
 * The app's icons for the web app manifest and home screens, drawn from public/favicon.svg with sharp
 * (the server's image library): `node client/scripts/make-icons.mjs`. The PNGs are committed; run this
 * again when the favicon changes.
 *   icon-192.png, icon-512.png: the favicon, as is (rounded square);
 *   icon-maskable-512.png: the mark inside the 80 % safe zone on a full-bleed background, for launchers
 *   that cut their own shape (circle, squircle);
 *   apple-touch-icon.png (180 px): full-bleed as well, iOS rounds the corners itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
const favicon = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8').trim();
const THEME = '#0d5c63';
// The favicon's stroke, without its rounded background: drawn on a full square for maskable icons.
const mark = favicon.replace(/<rect[^>]*\/>/, '').replace(/<title>.*?<\/title>/, '');
const fullBleed = (scale) => {
  const offset = (32 - 32 * scale) / 2;
  return mark
    .replace(
      /<path/,
      `<rect width="32" height="32" fill="${THEME}"/><g transform="translate(${offset} ${offset}) scale(${scale})"><path`,
    )
    .replace(/<\/svg>$/, '</g></svg>');
};

const icons = [
  { file: 'icon-192.png', svg: favicon, size: 192 },
  { file: 'icon-512.png', svg: favicon, size: 512 },
  { file: 'icon-maskable-512.png', svg: fullBleed(0.7), size: 512 },
  { file: 'apple-touch-icon.png', svg: fullBleed(0.85), size: 180 },
];
for (const { file, svg, size } of icons) {
  await sharp(Buffer.from(svg), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(publicDir, file));
  console.log(`${file} (${size} px)`);
}
